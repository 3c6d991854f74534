/**
 * A theme's place against the barometers: the chart (shares of collectivités only), one sentence per figure set
 * beside an answer with its source and the survey's own wording, earlier waves under « À savoir », the figures
 * shown only as context (never presented as a comparison), and the topics no national survey measured.
 */
import { useTranslation } from 'react-i18next';
import { answerLabel } from '../../components/answer-label';
import { BenchmarkSourceDetails } from '../../components/benchmark-source-details';
import { describeComparison, describeContext, describeEarlierWave, describeUnsurveyed } from '../../components/describe-comparison';
import { useQuestionnaire } from '../../components/use-questionnaire';
import type { Answers } from '../../domain/audit/types';
import { earlierWavesOf } from '../../domain/benchmarks/compare-answers';
import { localize } from '../../domain/questionnaire/localize';
import { BenchmarkChart } from './benchmark-chart';
import type { BenchmarkView } from './benchmark-view';

export function BenchmarkTheme({ themeId, view, answers }: { themeId: string; view: BenchmarkView | null | undefined; answers: Answers }) {
  const { t, i18n } = useTranslation('benchmarks');
  const questionnaire = useQuestionnaire();
  if (!view) return null;
  const language = i18n.language;
  const comparisons = view.comparisonsFor(themeId);
  const context = view.contextFor(themeId);
  const unsurveyed = view.unsurveyedFor(themeId);
  if (comparisons.length === 0 && context.length === 0 && unsurveyed.length === 0) return null;
  const charted = comparisons.filter((c) => c.presentation === 'comparison');
  const theme = questionnaire.themes.find((d) => d.id === themeId);
  const titleId = `benchmarks-${themeId}-title`;

  return (
    <section className="benchmark-theme" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('results.themeTitle')}</h4>
      {comparisons.length > 0 && (
        <>
          {charted.length > 0 && (
            <BenchmarkChart
              comparisons={charted}
              caption={`${t('results.chartCaption')}${theme ? ` — ${localize(theme.title, language)}` : ''}`}
            />
          )}
          <ul className="benchmark-comparisons">
            {comparisons.map((comparison) => {
              const question = theme?.questions.find((q) => q.id === comparison.questionId);
              return (
                <li key={`${comparison.questionId}-${comparison.indicatorId}`} className="benchmark-comparison">
                  {question && (
                    <p className="muted">
                      {t('results.aboutQuestion', {
                        question: localize(question.text, language),
                        answer: answerLabel(question, answers[question.id], language, t),
                      })}
                    </p>
                  )}
                  <p className="benchmark-comparison__sentence">{describeComparison(comparison, t, language)}</p>
                  {comparison.earlierWaves.map((earlier) => (
                    <p key={earlier.id} className="muted benchmark-comparison__earlier">
                      {describeEarlierWave(earlier, t, language)}
                    </p>
                  ))}
                  <details>
                    <summary>{t('indicator.surveyQuestion')}</summary>
                    <BenchmarkSourceDetails indicator={comparison.indicator} />
                  </details>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {context.length > 0 && (
        <div className="benchmark-context">
          <h5>{t('results.contextTitle')}</h5>
          <p className="muted">{t('results.contextIntro')}</p>
          <ul>
            {context.map((indicator) => (
              <li key={indicator.id}>
                {describeContext(indicator, t, language)}
                {earlierWavesOf(view.active.dataset, indicator.id).map((earlier) => (
                  <p key={earlier.id} className="muted benchmark-comparison__earlier">
                    {describeEarlierWave(earlier, t, language)}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </div>
      )}
      {unsurveyed.length > 0 && (
        <div className="benchmark-unsurveyed">
          <h5>{t('results.unsurveyedTitle')}</h5>
          <ul>
            {unsurveyed.map((topic) => (
              <li key={topic.id}>{describeUnsurveyed(topic, t, language)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
