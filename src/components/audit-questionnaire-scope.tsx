/**
 * An audit's pages work with the questionnaire version the audit was answered with: a version 1 audit opens,
 * scores and prints with version 1 (loaded only then), while new audits use the current version.
 */
import { use, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { loadQuestionnaireVersionShared } from '../content/load-questionnaire';
import { db } from '../db/database';
import { Loading } from './loading';
import { PageTitle } from './page-title';
import { PinnedQuestionnaire } from './use-questionnaire';

function VersionScope({ version, Page }: { version: number; Page: ComponentType }) {
  const { t } = useTranslation();
  const questionnaire = use(loadQuestionnaireVersionShared(version));
  if (!questionnaire) {
    return (
      <section className="page">
        <PageTitle title={t('questionnaireVersion.unknownTitle')}>{t('questionnaireVersion.unknownTitle')}</PageTitle>
        <p role="alert">{t('questionnaireVersion.unknown', { version })}</p>
        <Link to="/">{t('questionnaireVersion.home')}</Link>
      </section>
    );
  }
  return (
    <PinnedQuestionnaire value={questionnaire}>
      <Page />
    </PinnedQuestionnaire>
  );
}

/** Wraps an audit page (route with :auditId) so that useQuestionnaire() gives the audit's own version. */
export function withAuditQuestionnaire(Page: ComponentType): ComponentType {
  function AuditQuestionnaireScope() {
    const { auditId = '' } = useParams();
    // Read once per audit, not live: an audit keeps its version, and a live query here would read the audit
    // again on every answer stored, beside the page's own read.
    const [read, setRead] = useState<{ auditId: string; version: number | null } | undefined>(undefined);
    useEffect(() => {
      let live = true;
      void db.audits.get(auditId).then(
        (audit) => {
          if (live) setRead({ auditId, version: audit?.questionnaireVersion ?? null });
        },
        () => {
          if (live) setRead({ auditId, version: null });
        },
      );
      return () => {
        live = false;
      };
    }, [auditId]);
    if (read?.auditId !== auditId) return <Loading />;
    const { version } = read;
    // No such audit: the page itself says so.
    if (version === null) return <Page />;
    return <VersionScope version={version} Page={Page} />;
  }
  return AuditQuestionnaireScope;
}
