/**
 * The comparison itself, once both audits' questionnaire versions are loaded: each audit is scored with the
 * version it was answered with (a version 1 audit with version 1, read from questionnaires/archive/v1 only then),
 * so that its answers to questions renamed since still count.
 */
import { Suspense, use, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { loadQuestionnaireVersionShared } from '../../content/load-questionnaire';
import type { AuditRecord } from '../../db/records';
import { formatScore } from '../../components/format';
import { Loading } from '../../components/loading';
import { compareAudits } from '../../domain/history/compare-audits';
import { AnswerChangeTable } from './answer-change-table';
import { DoneActions } from './done-actions';
import { scoreChange } from './score-change';
import { ScoreChangeTable } from './score-change-table';

export function ComparedAudits({
  older,
  newer,
  date,
  fromLabel,
  toLabel,
}: {
  older: AuditRecord;
  newer: AuditRecord;
  date: (audit: AuditRecord) => string;
  fromLabel: string;
  toLabel: string;
}) {
  const { t } = useTranslation('history');
  const fromQuestionnaire = use(loadQuestionnaireVersionShared(older.questionnaireVersion));
  const toQuestionnaire = use(loadQuestionnaireVersionShared(newer.questionnaireVersion));
  const comparison = useMemo(
    () =>
      fromQuestionnaire && toQuestionnaire
        ? compareAudits(
            { questionnaire: fromQuestionnaire, answers: older.answers, profile: older.profile },
            { questionnaire: toQuestionnaire, answers: newer.answers, profile: newer.profile },
          )
        : null,
    [fromQuestionnaire, toQuestionnaire, older, newer],
  );
  if (!fromQuestionnaire || !toQuestionnaire || !comparison) {
    // An audit from a newer app: its version is not one this app has.
    const unknown = fromQuestionnaire ? newer : older;
    return (
      <p role="alert" className="callout callout--info">
        {t('common:questionnaireVersion.unknown', { version: unknown.questionnaireVersion })}
      </p>
    );
  }
  const inProgress = [older, newer].filter((a) => a.status === 'in-progress');

  return (
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
      {older.questionnaireVersion !== newer.questionnaireVersion && (
        <p className="muted">
          {t('versionNote', { from: date(older), to: date(newer), fromVersion: older.questionnaireVersion, toVersion: newer.questionnaireVersion })}
        </p>
      )}

      <h2>{t('scores.title')}</h2>
      <ScoreChangeTable
        fromQuestionnaire={fromQuestionnaire}
        toQuestionnaire={toQuestionnaire}
        comparison={comparison}
        fromLabel={fromLabel}
        toLabel={toLabel}
      />

      <h2>{t('answers.closedTitle', { n: comparison.gapsClosed.length })}</h2>
      {comparison.gapsClosed.length === 0 ? (
        <p>{t('answers.closedNone')}</p>
      ) : (
        <AnswerChangeTable fromQuestionnaire={fromQuestionnaire} toQuestionnaire={toQuestionnaire} changes={comparison.gapsClosed} caption={t('answers.closedCaption')} fromLabel={fromLabel} toLabel={toLabel} />
      )}

      <h2>{t('answers.improvedTitle', { n: comparison.improved.length - comparison.gapsClosed.length })}</h2>
      {comparison.improved.length === comparison.gapsClosed.length ? (
        <p>{t('answers.improvedNone')}</p>
      ) : (
        <AnswerChangeTable
          fromQuestionnaire={fromQuestionnaire}
          toQuestionnaire={toQuestionnaire}
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
        <AnswerChangeTable fromQuestionnaire={fromQuestionnaire} toQuestionnaire={toQuestionnaire} changes={comparison.worsened} caption={t('answers.worsenedCaption')} fromLabel={fromLabel} toLabel={toLabel} />
      )}

      <h2>{t('actions.title', { date: date(older) })}</h2>
      <Suspense fallback={<Loading />}>
        <DoneActions older={older} questionnaire={toQuestionnaire} comparison={comparison} fromDate={date(older)} toDate={date(newer)} />
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
  );
}
