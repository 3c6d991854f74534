/**
 * The members by theme: average, minimum, quartiles and maximum as numbers, with a small box plot drawn from
 * the same numbers (hidden from screen readers, which get the numbers); then the members' answers set against
 * the barometers, in plain sentences with their source.
 */
import { useTranslation } from 'react-i18next';
import { formatPercent, formatScore } from '../../components/format';
import { useLocalize } from '../../components/use-questionnaire';
import type { EpciAggregate } from '../../domain/epci/aggregate-epci';
import type { BarometerComparison } from '../../domain/epci/barometer-comparison';
import type { Spread } from '../../domain/epci/spread';
import type { TableTheme } from './communes-table';

/** A box plot on a 0–100 scale: whiskers from min to max, box from q1 to q3, a bar at the median, a dot at the mean. */
export function BoxPlot({ spread }: { spread: Spread }) {
  const { min, q1, median, q3, max, mean } = spread;
  return (
    <svg className="box-plot" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="box-plot__track" x={0} y={5.5} width={100} height={1} />
      <line className="box-plot__whisker" x1={min} x2={max} y1={6} y2={6} />
      <line className="box-plot__whisker" x1={min} x2={min} y1={3} y2={9} />
      <line className="box-plot__whisker" x1={max} x2={max} y1={3} y2={9} />
      <rect className="box-plot__box" x={q1} y={2} width={Math.max(q3 - q1, 0.5)} height={8} />
      <line className="box-plot__median" x1={median} x2={median} y1={1} y2={11} />
      <circle className="box-plot__mean" cx={mean} cy={6} r={1.4} />
    </svg>
  );
}

function SpreadRow({ label, spread }: { label: string; spread: Spread | null }) {
  const { t } = useTranslation('epci');
  if (!spread) {
    return (
      <tr>
        <th scope="row">{label}</th>
        <td className="epci-spread__number">0</td>
        <td colSpan={7}>{t('themes.noScore')}</td>
      </tr>
    );
  }
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="epci-spread__number">{spread.count}</td>
      <td className="epci-spread__number epci-spread__mean">{formatScore(spread.mean)}</td>
      <td className="epci-spread__number">{formatScore(spread.min)}</td>
      <td className="epci-spread__number">{formatScore(spread.q1)}</td>
      <td className="epci-spread__number">{formatScore(spread.median)}</td>
      <td className="epci-spread__number">{formatScore(spread.q3)}</td>
      <td className="epci-spread__number">{formatScore(spread.max)}</td>
      <td className="epci-spread__plot">
        <BoxPlot spread={spread} />
      </td>
    </tr>
  );
}

function BarometerLine({ comparison }: { comparison: BarometerComparison }) {
  const { t, i18n } = useTranslation('epci');
  const localize = useLocalize();
  const { indicator } = comparison;
  const source = [localize(indicator.publisher), localize(indicator.documentTitle), indicator.wave ? localize(indicator.wave.label) : null, indicator.publishedAt]
    .filter((part) => part !== null)
    .join(', ');
  return (
    <li className="epci-barometer">
      <p>
        <strong>{localize(indicator.subject)}</strong>
        {' : '}
        {t('barometers.members', {
          count: comparison.inGroup,
          total: comparison.communes,
          share: formatPercent(comparison.share, i18n.language),
        })}{' '}
        {t('barometers.national', { share: formatPercent(indicator.value, i18n.language) })}
      </p>
      <p className="epci-barometer__source muted">
        {indicator.stratum ? `${t('barometers.stratum', { stratum: localize(indicator.stratum.label) })} ` : ''}
        {t('barometers.source', { source })} {t('barometers.question', { question: localize(indicator.surveyQuestion) })}
      </p>
    </li>
  );
}

export function ThemeOverview({
  aggregate,
  themes,
  comparisons,
  hasDataset,
}: {
  aggregate: EpciAggregate;
  themes: readonly TableTheme[];
  comparisons: readonly BarometerComparison[];
  hasDataset: boolean;
}) {
  const { t } = useTranslation('epci');
  const spreadOf = new Map(aggregate.themes.map((s) => [s.themeId, s.spread]));
  return (
    <>
      <div className="epci-spread__scroller" tabIndex={0} role="region" aria-label={t('themes.caption')}>
        <table className="epci-spread">
          <caption>{t('themes.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('themes.theme')}</th>
              <th scope="col">{t('themes.communes')}</th>
              <th scope="col">{t('themes.mean')}</th>
              <th scope="col">{t('themes.min')}</th>
              <th scope="col">{t('themes.q1')}</th>
              <th scope="col">{t('themes.median')}</th>
              <th scope="col">{t('themes.q3')}</th>
              <th scope="col">{t('themes.max')}</th>
              <th scope="col">
                {t('themes.plot')}
              </th>
            </tr>
          </thead>
          <tbody>
            <SpreadRow label={t('table.overall')} spread={aggregate.overall} />
            {themes.map((theme) => (
              <SpreadRow key={theme.id} label={theme.title} spread={spreadOf.get(theme.id) ?? null} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('themes.method')}</p>

      <h3>{t('barometers.title')}</h3>
      {!hasDataset ? (
        <p>{t('barometers.noDataset')}</p>
      ) : comparisons.length === 0 ? (
        <p>{t('barometers.none')}</p>
      ) : (
        themes
          .filter((theme) => comparisons.some((c) => c.themeId === theme.id))
          .map((theme) => (
            <div key={theme.id} className="epci-barometers">
              <h4>{theme.title}</h4>
              <ul className="epci-barometers__list">
                {comparisons
                  .filter((c) => c.themeId === theme.id)
                  .map((c) => (
                    <BarometerLine key={c.indicator.id} comparison={c} />
                  ))}
              </ul>
            </div>
          ))
      )}
    </>
  );
}
