/**
 * A theme's comparisons as bars: for each share of collectivités, the figure as published (one bar, nothing
 * computed for the other side: the rest may hold "don't know" and no answer) and the commune's own answer.
 * Built as a table so the figures are read out; the bars are decoration.
 */
import { useTranslation } from 'react-i18next';
import { describeFigure, positionLabel } from '../../components/describe-comparison';
import type { Comparison } from '../../domain/benchmarks/compare-answers';
import { localize } from '../../domain/questionnaire/localize';

export function BenchmarkChart({ comparisons, caption }: { comparisons: Comparison[]; caption: string }) {
  const { t, i18n } = useTranslation('benchmarks');
  const language = i18n.language;
  return (
    <table className="chart-table benchmark-chart">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results.chartIndicator')}</th>
          <th scope="col">{t('results.chartDistribution')}</th>
          <th scope="col">{t('results.chartCommune')}</th>
        </tr>
      </thead>
      <tbody>
        {comparisons.flatMap((comparison) => {
          const sides = comparison.indicator.comparison;
          if (!sides) return [];
          const { indicator } = comparison;
          const wave = indicator.wave;
          return [
            <tr key={`${comparison.questionId}-${comparison.indicatorId}`}>
              <th scope="row">
                {localize(indicator.subject, language)}
                <span className="benchmark-chart__wave">
                  {wave ? `${localize(wave.label, language)}, ` : ''}
                  {indicator.year}
                </span>
              </th>
              <td>
                <span className="benchmark-chart__track" aria-hidden="true">
                  <span
                    className={`benchmark-chart__segment benchmark-chart__segment--in${comparison.position === 'in-group' ? ' benchmark-chart__segment--mine' : ''}`}
                    style={{ width: `${indicator.value * 100}%` }}
                  />
                </span>
                <span className="benchmark-chart__legend">
                  <span>{t('results.chartPublished', { label: localize(sides.inGroup.label, language), share: describeFigure(indicator, t, language) })}</span>
                </span>
              </td>
              <td>{t('results.chartCommuneValue', { label: positionLabel(comparison, language) ?? '' })}</td>
            </tr>,
          ];
        })}
      </tbody>
    </table>
  );
}
