/**
 * Two audits of one commune compared: the score change per theme and overall, the gaps closed, the answers that
 * improved or worsened, and the actions done since. The audits are chosen in the address (?from=…&to=…), the
 * two latest by default; they are always shown oldest first.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { listAuditsOfCommune } from '../../db/audits-repository';
import { getCommune } from '../../db/communes-repository';
import type { AuditRecord } from '../../db/records';
import { formatDate, formatScore } from '../../components/format';
import { Loading } from '../../components/loading';
import { NotFound } from '../../components/not-found';
import { PageTitle } from '../../components/page-title';
import { useQuestionnaire } from '../../components/use-questionnaire';
import { compareAudits } from '../../domain/history/compare-audits';
import { AnswerChangeTable } from './answer-change-table';
import { DoneActions } from './done-actions';
import { scoreChange } from './score-change';
import { ScoreChangeTable } from './score-change-table';

/** The two audits to compare, oldest first; the two latest when the address names none (or a wrong one). */
function pickAudits(audits: AuditRecord[], fromId: string | null, toId: string | null): [AuditRecord, AuditRecord] | null {
  const latest = audits[audits.length - 1];
  const beforeLatest = audits[audits.length - 2];
  if (!latest || !beforeLatest) return null;
  const from = audits.find((a) => a.id === fromId) ?? beforeLatest;
  const to = audits.find((a) => a.id === toId) ?? latest;
  return from.startedAt <= to.startedAt ? [from, to] : [to, from];
}

export function ComparePage() {
  const { communeId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t, i18n } = useTranslation('history');
  const questionnaire = useQuestionnaire();
  const commune = useLiveQuery(() => getCommune(communeId), [communeId], null);
  const audits = useLiveQuery(() => listAuditsOfCommune(communeId), [communeId]);
  const pair = useMemo(
    () => (audits ? pickAudits(audits, params.get('from'), params.get('to')) : null),
    [audits, params],
  );
  const comparison = useMemo(
    () =>
      pair && pair[0].id !== pair[1].id
        ? compareAudits(questionnaire, { answers: pair[0].answers, profile: pair[0].profile }, { answers: pair[1].answers, profile: pair[1].profile })
        : null,
    [pair, questionnaire],
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
  const otherVersion = [older, newer].some(
    (a) => a.questionnaireId !== questionnaire.id || a.questionnaireVersion !== questionnaire.version,
  );
  const inProgress = [older, newer].filter((a) => a.status === 'in-progress');

  return (
    <section className="page">
      <PageTitle title={title}>{title}</PageTitle>
      {back}
      <form className="form-row compare-pickers" onSubmit={(e) => e.preventDefault()} aria-label={t('pick.label')}>
        {picker('from', older)}
        {picker('to', newer)}
      </form>

      {!comparison ? (
        <p className="callout callout--info">{t('sameAudit')}</p>
      ) : (
        <>
          <div className="callout">
            <p>
              {t('summary.overall', {
                from: date(older),
                to: date(newer),
                fromScore: comparison.overall.from === null ? '–' : formatScore(comparison.overall.from),
                toScore: comparison.overall.to === null ? '–' : formatScore(comparison.overall.to),
                change: scoreChange(comparison.overall.from, comparison.overall.to, t).text,
              })}
            </p>
            {comparison.overall.fromMaturity && comparison.overall.toMaturity && (
              <p>
                {t('summary.maturity', {
                  from: t(`maturity.${comparison.overall.fromMaturity}`),
                  to: t(`maturity.${comparison.overall.toMaturity}`),
                })}
              </p>
            )}
            <p>
              {t('summary.counts', {
                closed: comparison.gapsClosed.length,
                improved: comparison.improved.length,
                worsened: comparison.worsened.length,
              })}
            </p>
          </div>
          {inProgress.map((audit) => (
            <p key={audit.id} className="muted">
              {t('inProgressNote', { date: date(audit) })}
            </p>
          ))}
          {otherVersion && <p className="muted">{t('versionNote')}</p>}

          <h2>{t('scores.title')}</h2>
          <ScoreChangeTable questionnaire={questionnaire} comparison={comparison} fromLabel={fromLabel} toLabel={toLabel} />

          <h2>{t('answers.closedTitle', { n: comparison.gapsClosed.length })}</h2>
          {comparison.gapsClosed.length === 0 ? (
            <p>{t('answers.closedNone')}</p>
          ) : (
            <AnswerChangeTable questionnaire={questionnaire} changes={comparison.gapsClosed} caption={t('answers.closedCaption')} fromLabel={fromLabel} toLabel={toLabel} />
          )}

          <h2>{t('answers.improvedTitle', { n: comparison.improved.length - comparison.gapsClosed.length })}</h2>
          {comparison.improved.length === comparison.gapsClosed.length ? (
            <p>{t('answers.improvedNone')}</p>
          ) : (
            <AnswerChangeTable
              questionnaire={questionnaire}
              changes={comparison.improved.filter((c) => !c.gapClosed)}
              caption={t('answers.improvedCaption')}
              fromLabel={fromLabel}
              toLabel={toLabel}
            />
          )}

          <h2>{t('answers.worsenedTitle', { n: comparison.worsened.length })}</h2>
          {comparison.worsened.length === 0 ? (
            <p>{t('answers.worsenedNone')}</p>
          ) : (
            <AnswerChangeTable questionnaire={questionnaire} changes={comparison.worsened} caption={t('answers.worsenedCaption')} fromLabel={fromLabel} toLabel={toLabel} />
          )}

          <h2>{t('actions.title', { date: date(older) })}</h2>
          <Suspense fallback={<Loading />}>
            <DoneActions questionnaire={questionnaire} comparison={comparison} olderAuditId={older.id} fromDate={date(older)} toDate={date(newer)} />
          </Suspense>

          <p className="card__actions">
            <Link className="button" to={`/audits/${older.id}/results`}>
              {t('resultsOf', { date: date(older) })}
            </Link>
            <Link className="button" to={`/audits/${newer.id}/results`}>
              {t('resultsOf', { date: date(newer) })}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
