/**
 * A theme's place against the barometers: the chart, one sentence per comparison with its source and the
 * survey's own wording, then the figures shown only as context (never presented as a comparison).
 */
import { useTranslation } from 'react-i18next';
import { answerLabel } from '../../components/answer-label';
import { BenchmarkSourceDetails } from '../../components/benchmark-source-details';
import { describeComparison, describeContext } from '../../components/describe-comparison';
import { useQuestionnaire } from '../../components/use-questionnaire';
import type { Answers } from '../../domain/audit/types';
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
  if (comparisons.length === 0 && context.length === 0) return null;
  const theme = questionnaire.themes.find((d) => d.id === themeId);
  const titleId = `benchmarks-${themeId}-title`;

  return (
    <section className="benchmark-theme" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('results.themeTitle')}</h4>
      {comparisons.length > 0 && (
        <>
          <BenchmarkChart
            comparisons={comparisons}
            caption={`${t('results.chartCaption')}${theme ? ` — ${localize(theme.title, language)}` : ''}`}
          />
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
              <li key={indicator.id}>{describeContext(indicator, t, language)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
