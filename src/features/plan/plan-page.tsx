/** The editable action plan of an audit, critical gaps first, with the follow-up carried over from the last audit. */
import { useLiveQuery } from 'dexie-react-hooks';
import { use, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DownloadReportButton } from '../../components/download-report-button';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/loading';
import { NotFound } from '../../components/not-found';
import { PageTitle } from '../../components/page-title';
import { useAudit } from '../../components/use-audit';
import { useQuestionnaire } from '../../components/use-questionnaire';
import { loadActionCatalogue } from '../../content/load-actions';
import { db } from '../../db/database';
import { carryOverPlan, listPlanItems } from '../../db/plan-repository';
import type { PlanItemRecord } from '../../db/records';
import { derivePlan } from '../../domain/actions/derive-plan';
import { computeResults } from '../../domain/scoring/compute-results';
import { PlanEntryCard, type QuestionIndex } from './plan-entry-card';

export function PlanPage() {
  const { auditId = '' } = useParams();
  const { t, i18n } = useTranslation('plan');
  const questionnaire = useQuestionnaire();
  const catalogue = use(loadActionCatalogue());
  const data = useAudit(auditId);
  const audit = data?.audit;
  const items = useLiveQuery(() => listPlanItems(auditId), [auditId]);
  const [carryChecked, setCarryChecked] = useState<string | null>(null);

  const result = useMemo(() => (audit ? computeResults(questionnaire, audit.answers, audit.profile) : undefined), [audit, questionnaire]);
  const plan = useMemo(() => (result ? derivePlan(questionnaire, result, catalogue).entries : undefined), [result, questionnaire, catalogue]);
  const questions: QuestionIndex = useMemo(
    () => new Map(questionnaire.themes.flatMap((theme) => theme.questions.map((question) => [question.id, { question, themeId: theme.id }] as const))),
    [questionnaire],
  );
  const planKey = plan?.map((entry) => entry.id).join(' ') ?? '';

  // Carry the previous audit's follow-up over for the entries that have none yet, each time the plan changes.
  useEffect(() => {
    if (!audit || !plan) return;
    let current = true;
    void carryOverPlan(audit, plan.map((entry) => entry.id))
      .catch(() => null)
      .then(() => {
        if (current) setCarryChecked(planKey);
      });
    return () => {
      current = false;
    };
    // The plan is identified by its entries' ids: a new answer that changes no entry needs no new carry-over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [audit?.id, audit?.communeId, audit?.startedAt, planKey]);

  const carriedFrom = useLiveQuery(async () => {
    const origin = items?.find((item) => item.carriedFrom)?.carriedFrom;
    return origin ? ((await db.audits.get(origin)) ?? null) : null;
  }, [items]);

  if (data === undefined) return <NotFound missing="audit" />;
  if (data === null || !audit || !result || !plan || items === undefined || carryChecked === null) return <Loading />;

  const byAction = new Map<string, PlanItemRecord>(items.map((item) => [item.actionId, item]));
  const shown = plan.map((entry) => byAction.get(entry.id));
  const carriedCount = shown.filter((item) => item?.carriedFrom).length;
  const count = (status: PlanItemRecord['status']) => plan.filter((entry) => (byAction.get(entry.id)?.status ?? 'todo') === status).length;
  const remaining = result.asked - result.answered;
  const title = t('title', { commune: data.commune?.name ?? '' });

  return (
    <section className="page plan-page">
      <p className="eyebrow">
        <Link to={`/audits/${auditId}/results`}>{t('links.backToResults')}</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{t('lead')}</p>

      {carriedCount > 0 && carriedFrom && (
        <div className="callout" role="status">
          <p>{t('carried', { count: carriedCount, date: formatDate(carriedFrom.startedAt, i18n.language) })}</p>
        </div>
      )}
      {remaining > 0 && (
        <div className="callout callout--info">
          <p>{t('incomplete', { count: remaining })}</p>
        </div>
      )}

      {plan.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <>
          <div className="plan-summary">
            <h2 className="visually-hidden">{t('summary.label')}</h2>
            <p>
              <strong>{t('summary.total', { count: plan.length })}</strong>
              {plan.some((entry) => entry.critical) && <> {t('summary.critical', { count: plan.filter((entry) => entry.critical).length })}</>}
            </p>
            <ul className="plan-summary__counts">
              <li>{t('summary.todo', { count: count('todo') })}</li>
              <li>{t('summary.inProgress', { count: count('in-progress') })}</li>
              <li>{t('summary.done', { count: count('done') })}</li>
            </ul>
            <DownloadReportButton auditId={auditId} primary />
          </div>
          <p className="muted">{t('method')}</p>
          <ol className="plan-list" aria-label={t('links.plan')}>
            {plan.map((entry, index) => (
              <PlanEntryCard key={entry.id} entry={entry} rank={index + 1} audit={audit} item={byAction.get(entry.id)} questions={questions} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
