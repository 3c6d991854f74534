/**
 * Two audits of one commune compared: the score change per theme and overall, the gaps closed, the answers that
 * improved or worsened, and the actions done since. The audits are chosen in the address (?from=…&to=…), the
 * two latest by default; they are always shown oldest first. Each is scored with its own questionnaire version
 * (compared-audits.tsx).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { listAuditsOfCommune } from '../../db/audits-repository';
import { getCommune } from '../../db/communes-repository';
import type { AuditRecord } from '../../db/records';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/loading';
import { NotFound } from '../../components/not-found';
import { PageTitle } from '../../components/page-title';
import { compareInstants } from '../../domain/instant';
import { ComparedAudits } from './compared-audits';

/** The two audits to compare, oldest first; the two latest when the address names none (or a wrong one). */
function pickAudits(audits: AuditRecord[], fromId: string | null, toId: string | null): [AuditRecord, AuditRecord] | null {
  const latest = audits[audits.length - 1];
  const beforeLatest = audits[audits.length - 2];
  if (!latest || !beforeLatest) return null;
  const from = audits.find((a) => a.id === fromId) ?? beforeLatest;
  const to = audits.find((a) => a.id === toId) ?? latest;
  return compareInstants(from.startedAt, to.startedAt) <= 0 ? [from, to] : [to, from];
}

export function ComparePage() {
  const { communeId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t, i18n } = useTranslation('history');
  const commune = useLiveQuery(() => getCommune(communeId), [communeId], null);
  const audits = useLiveQuery(() => listAuditsOfCommune(communeId), [communeId]);
  const pair = useMemo(
    () => (audits ? pickAudits(audits, params.get('from'), params.get('to')) : null),
    [audits, params],
  );

  if (commune === undefined) return <NotFound missing="commune" />;
  if (commune === null || audits === undefined) return <Loading />;

  const title = t('title', { commune: commune.name });
  const back = (
    <p>
      <Link to={`/communes/${commune.id}`}>{t('back', { commune: commune.name })}</Link>
    </p>
  );
  if (!pair) {
    return (
      <section className="page">
        <PageTitle title={title}>{title}</PageTitle>
        <p>{t('needTwo')}</p>
        {back}
      </section>
    );
  }

  const [older, newer] = pair;
  const date = (audit: AuditRecord) => formatDate(audit.startedAt, i18n.language);
  const auditName = (audit: AuditRecord) => t('auditOf', { date: date(audit) });
  const choose = (which: 'from' | 'to', id: string) => {
    const next = { from: older.id, to: newer.id, [which]: id };
    setParams(next, { replace: true });
  };
  const picker = (which: 'from' | 'to', selected: AuditRecord) => (
    <div className="field">
      <label htmlFor={`compare-${which}`}>{t(`pick.${which}`)}</label>
      <select id={`compare-${which}`} value={selected.id} onChange={(e) => choose(which, e.target.value)}>
        {audits.map((audit) => (
          <option key={audit.id} value={audit.id}>
            {t('pick.option', {
              date: date(audit),
              status: t(`status.${audit.status}`),
              count: Object.keys(audit.answers).length,
            })}
          </option>
        ))}
      </select>
    </div>
  );
  const fromLabel = auditName(older);
  const toLabel = auditName(newer);

  return (
    <section className="page">
      <PageTitle title={title}>{title}</PageTitle>
      {back}
      <form className="form-row compare-pickers" onSubmit={(e) => e.preventDefault()} aria-label={t('pick.label')}>
        {picker('from', older)}
        {picker('to', newer)}
      </form>

      {older.id === newer.id ? (
        <p className="callout callout--info">{t('sameAudit')}</p>
      ) : (
        <Suspense fallback={<Loading />}>
          <ComparedAudits older={older} newer={newer} date={date} fromLabel={fromLabel} toLabel={toLabel} />
        </Suspense>
      )}
    </section>
  );
}
