/**
 * A theme's comparisons as bars: for each figure, how the surveyed collectivités split between the two answers,
 * with the commune's side marked. Built as a table so the figures are read out; the bars are decoration.
 */
import { useTranslation } from 'react-i18next';
import { describeShare, positionLabel } from '../../components/describe-comparison';
import { formatPercent } from '../../components/format';
import type { Comparison } from '../../domain/benchmarks/compare-answers';
import { localize } from '../../domain/questionnaire/localize';

export function BenchmarkChart({ comparisons, caption }: { comparisons: Comparison[]; caption: string }) {
  const { t, i18n } = useTranslation('benchmarks');
  const language = i18n.language;
  return (
    <table className="benchmark-chart">
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
          const inShare = comparison.indicator.value;
          const segments = [
            { key: 'in', share: inShare, label: localize(sides.inGroup.label, language), mine: comparison.position === 'in-group' },
            { key: 'out', share: 1 - inShare, label: localize(sides.outOfGroup.label, language), mine: comparison.position === 'out-of-group' },
          ];
          const wave = comparison.indicator.wave;
          return [
            <tr key={`${comparison.questionId}-${comparison.indicatorId}`}>
              <th scope="row">
                {localize(comparison.indicator.subject, language)}
                <span className="benchmark-chart__wave">
                  {wave ? `${localize(wave.label, language)}, ` : ''}
                  {comparison.indicator.year}
                </span>
              </th>
              <td>
                <span className="benchmark-chart__track" aria-hidden="true">
                  {segments.map((segment) => (
                    <span
                      key={segment.key}
                      className={`benchmark-chart__segment benchmark-chart__segment--${segment.key}${segment.mine ? ' benchmark-chart__segment--mine' : ''}`}
                      style={{ width: `${segment.share * 100}%` }}
                    />
                  ))}
                </span>
                <span className="benchmark-chart__legend">
                  {segments.map((segment) => (
                    <span key={segment.key} className={segment.mine ? 'benchmark-chart__legend-mine' : undefined}>
                      {t('results.chartSegment', { label: segment.label, share: formatPercent(segment.share, language) })}
                    </span>
                  ))}
                </span>
              </td>
              <td>
                {t('results.chartCommuneValue', {
                  label: positionLabel(comparison, language) ?? '',
                  share: describeShare(comparison, t, language),
                })}
              </td>
            </tr>,
          ];
        })}
      </tbody>
    </table>
  );
}
