/** The results of an audit, critical gaps first, with the answers that made every score. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { setAuditStatus } from '../../db/audits-repository';
import { computeResults } from '../../domain/scoring/compute-results';
import { formatPercent, formatScore } from '../../components/format';
import { DownloadReportButton } from '../../components/download-report-button';
import { Loading } from '../../components/loading';
import { NotFound } from '../../components/not-found';
import { PageTitle } from '../../components/page-title';
import { useAudit } from '../../components/use-audit';
import { useCurrentQuestionnaire, useQuestionnaire } from '../../components/use-questionnaire';
import { GapList } from './gap-list';
import { ScoreChart } from './score-chart';
import { ThemeDetails } from './theme-details';
import { BenchmarkDatasetLine } from './benchmark-dataset-line';
import { BenchmarkTheme } from './benchmark-theme';
import { useBenchmarkView } from './benchmark-view';
import { EpciComparison } from './epci-comparison';
import { LevelExplanation } from './level-explanation';
import { OldVersionNotice } from './old-version-notice';
import { SendToEpci } from './send-to-epci';
import '../../components/score-tables.css';
import './results.css';

export function ResultsPage() {
  const { auditId = '' } = useParams();
  const { t, i18n } = useTranslation('results');
  const questionnaire = useQuestionnaire();
  const current = useCurrentQuestionnaire();
  const data = useAudit(auditId);
  const audit = data?.audit;
  const result = useMemo(
    () => (audit ? computeResults(questionnaire, audit.answers, audit.profile, { completed: audit.status === 'completed' }) : undefined),
    [audit, questionnaire],
  );
  const benchmarks = useBenchmarkView(questionnaire, audit);
  if (data === undefined) return <NotFound missing="audit" />;
  if (data === null || !result || !audit) return <Loading />;

  const communeName = data.commune?.name ?? '';
  const remaining = result.asked - result.answered;
  const title = t('title', { commune: communeName });

  return (
    <section className="page">
      <PageTitle title={title}>{title}</PageTitle>
      {questionnaire.version !== current.version && (
        <OldVersionNotice version={questionnaire.version} current={current.version} communeId={audit.communeId} />
      )}

      {remaining > 0 && (
        <div className="callout callout--info">
          <p>{t('incomplete', { count: remaining })}</p>
          <Link className="button" to={`/audits/${auditId}`}>
            {t('continue')}
          </Link>
        </div>
      )}
      {remaining === 0 && audit.status === 'in-progress' && (
        <div className="callout">
          <p>{t('allAnswered')}</p>
          <button type="button" className="button button--primary" onClick={() => void setAuditStatus(auditId, 'completed')}>
            {t('markCompleted')}
          </button>
        </div>
      )}

      <div className="summary-grid">
        <div className="score-card">
          <h2 className="score-card__label">{t('overall.label')}</h2>
          <p className="score-card__value">
            {result.overall.score === null ? '–' : t('overall.value', { score: formatScore(result.overall.score) })}
          </p>
          {result.overall.maturity && (
            <p className={`maturity maturity--${result.overall.maturity}`}>
              {t('maturity.label')} <strong>{t(`maturity.${result.overall.maturity}.name`)}</strong>
            </p>
          )}
        </div>
        <div className="summary-grid__text">
          {result.overall.maturity && <p>{t(`maturity.${result.overall.maturity}.description`)}</p>}
          {result.certainty !== null && (
            <p>
              {t('certainty', {
                share: formatPercent(result.certainty, i18n.language),
                count: result.dontKnow,
              })}
            </p>
          )}
          <p className="muted">{t('overall.method')}</p>
        </div>
      </div>

      <LevelExplanation auditId={auditId} result={result} />

      <nav className="report-links" aria-label={t('plan:links.label')}>
        <Link className="button button--primary" to={`/audits/${auditId}/plan`}>
          {t('plan:links.plan')}
        </Link>
        <DownloadReportButton auditId={auditId} />
        <DownloadReportButton auditId={auditId} kind="short" />
      </nav>
      <SendToEpci auditId={auditId} auditUpdatedAt={audit.updatedAt} />

      <h2>{t('chart.title')}</h2>
      <ScoreChart questionnaire={questionnaire} result={result} />
      <EpciComparison commune={data.commune} result={result} auditUpdatedAt={audit.updatedAt} />

      <h2>{t('critical.title')}</h2>
      {result.criticalGaps.length === 0 ? (
        <p>{t('critical.none')}</p>
      ) : (
        <>
          <p>{t('critical.intro')}</p>
          <GapList auditId={auditId} outcomes={result.criticalGaps} detail="answer" answers={audit.answers} />
        </>
      )}

      <h2>{t('verify.title')}</h2>
      {result.toVerify.length === 0 ? (
        <p>{t('verify.none')}</p>
      ) : (
        <>
          <p>{t('verify.intro')}</p>
          <GapList auditId={auditId} outcomes={result.toVerify} detail="answer" answers={audit.answers} showKnower />
        </>
      )}

      <h2>{t('details.title')}</h2>
      <p>{t('details.intro')}</p>
      <BenchmarkDatasetLine view={benchmarks} />
      {result.themes.map((theme) => (
        <ThemeDetails key={theme.themeId} theme={theme} answers={audit.answers}>
          <BenchmarkTheme themeId={theme.themeId} view={benchmarks} answers={audit.answers} />
        </ThemeDetails>
      ))}
    </section>
  );
}
