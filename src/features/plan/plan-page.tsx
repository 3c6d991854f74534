/**
 * The editable action plan of an audit in horizons (this month, within three months, within the year), critical
 * gaps first inside each, one compact row per action; filters by who acts and by status; the follow-up carried
 * over from the last audit.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { use, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DownloadReportButton } from '../../components/download-report-button';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/loading';
import { NotFound } from '../../components/not-found';
import { PageTitle } from '../../components/page-title';
import { ProgressBar } from '../../components/progress-bar';
import { useAudit } from '../../components/use-audit';
import { useQuestionnaire } from '../../components/use-questionnaire';
import { loadActionCatalogue } from '../../content/load-actions';
import { db } from '../../db/database';
import { carryOverPlan, listPlanItems } from '../../db/plan-repository';
import type { PlanItemRecord } from '../../db/records';
import { derivePlan, groupByHorizon } from '../../domain/actions/derive-plan';
import { actorSchema } from '../../domain/actions/schema';
import { computeResults } from '../../domain/scoring/compute-results';
import type { QuestionIndex } from './plan-entry-title';
import { NO_FILTER, PlanFilters, type PlanFilter } from './plan-filters';
import { entryActors, PlanRow } from './plan-row';
import './plan.css';

export function PlanPage() {
  const { auditId = '' } = useParams();
  const { t, i18n } = useTranslation('plan');
  const questionnaire = useQuestionnaire();
  const catalogue = use(loadActionCatalogue());
  const data = useAudit(auditId);
  const audit = data?.audit;
  const items = useLiveQuery(() => listPlanItems(auditId), [auditId]);
  const [carryChecked, setCarryChecked] = useState<string | null>(null);
  const [filter, setFilter] = useState<PlanFilter>(NO_FILTER);
  // Rows whose status was changed under the current filter stay in view until the filter changes, so that the
  // row the user is on does not vanish under her focus.
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  const changeFilter = (next: PlanFilter) => {
    setFilter(next);
    setKept(new Set());
  };
  const keep = (entryId: string) => setKept((ids) => (ids.has(entryId) ? ids : new Set([...ids, entryId])));

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
  const statusOf = (entryId: string) => byAction.get(entryId)?.status ?? 'todo';
  const carriedCount = plan.filter((entry) => byAction.get(entry.id)?.carriedFrom).length;
  const count = (status: PlanItemRecord['status']) => plan.filter((entry) => statusOf(entry.id) === status).length;
  const done = count('done');
  const remaining = result.asked - result.answered;
  const title = t('title', { commune: data.commune?.name ?? '' });
  const verifications = plan.filter((entry) => entry.kind === 'verify').length;
  const actors = actorSchema.options.filter((actor) => plan.some((entry) => entryActors(entry).includes(actor)));
  const shown = plan.filter(
    (entry) =>
      kept.has(entry.id) ||
      ((filter.who === 'all' || entryActors(entry).includes(filter.who)) && (filter.status === 'all' || statusOf(entry.id) === filter.status)),
  );
  const groups = groupByHorizon(shown);

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
            <div className="plan-summary__progress">
              <ProgressBar value={done} max={plan.length} label={t('summary.progress', { count: done, total: plan.length })} />
              <ul className="plan-summary__counts">
                <li>{t('summary.todo', { count: count('todo') })}</li>
                <li>{t('summary.inProgress', { count: count('in-progress') })}</li>
                <li>{t('summary.done', { count: done })}</li>
                {plan.some((entry) => entry.critical) && (
                  <li>{t('summary.criticalLeft', { count: plan.filter((entry) => entry.critical && statusOf(entry.id) !== 'done').length })}</li>
                )}
              </ul>
            </div>
            <DownloadReportButton auditId={auditId} primary />
          </div>
          {verifications > 0 && (
            <p className="callout callout--info plan-questions-link">
              {t('questionsLink.text', { count: verifications })}{' '}
              <Link to={`/audits/${auditId}/questions`}>{t('questionsLink.action')}</Link>
            </p>
          )}
          <PlanFilters actors={actors} filter={filter} onChange={changeFilter} shown={shown.length} total={plan.length} />
          {groups.length === 0 && <p>{t('filters.none')}</p>}
          {groups.map((group) => (
            <section key={group.horizon} className="plan-horizon" aria-labelledby={`horizon-${group.horizon}`}>
              <h2 id={`horizon-${group.horizon}`} className="plan-horizon__title">
                {t(`horizon.${group.horizon}.title`)} <span className="plan-horizon__count">{t('horizon.count', { count: group.entries.length })}</span>
              </h2>
              <p className="plan-horizon__hint">{t(`horizon.${group.horizon}.hint`)}</p>
              <ol className="plan-rows" aria-label={t(`horizon.${group.horizon}.title`)}>
                {group.entries.map((entry) => (
                  <PlanRow key={entry.id} entry={entry} audit={audit} item={byAction.get(entry.id)} questions={questions} onStatusChange={keep} />
                ))}
              </ol>
            </section>
          ))}
          <p className="muted plan-method">{t('method')}</p>
        </>
      )}
    </section>
  );
}
