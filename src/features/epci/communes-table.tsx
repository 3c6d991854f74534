/**
 * The heat map of the communes by theme: a real <table>, one row per commune (its latest audit), the score as
 * text in every cell and the colour as a supplement, with a legend. Sortable by every column (buttons in the
 * headers, aria-sort on the sorted one). Windowed when long: 35,000 rows scroll smoothly.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatScore } from '../../components/format';
import type { EpciRow } from '../../domain/epci/epci-row';
import { OVERALL, scoreOf, type RowQuery, type SortKey } from '../../domain/epci/select-rows';
import { maturityFor } from '../../domain/scoring/compute-results';
import { MATURITY_THRESHOLDS } from '../../domain/scoring/weights';
import { sortBy } from './epci-store';
import { useRowWindow } from './use-row-window';

export interface TableTheme {
  id: string;
  title: string;
}

/** The colour band of a score: the maturity level of that score alone (same thresholds as the results page). */
export const heatBand = (score: number) => maturityFor(score, false).level;

function SortHeader({ label, sortKey, query, className }: { label: string; sortKey: SortKey; query: RowQuery; className?: string }) {
  const { t } = useTranslation('epci');
  const sorted =
    query.sort.kind === sortKey.kind && (sortKey.kind !== 'score' || (query.sort.kind === 'score' && query.sort.column === sortKey.column));
  return (
    <th scope="col" aria-sort={sorted ? query.direction : undefined} className={className}>
      <button type="button" className="epci-table__sort" onClick={() => sortBy(sortKey)}>
        {label}
        <span aria-hidden="true" className="epci-table__arrow">
          {sorted ? (query.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
        {sorted && <span className="visually-hidden">{t(`table.sorted.${query.direction}`)}</span>}
      </button>
    </th>
  );
}

function ScoreCell({ score, highlighted }: { score: number | null | undefined; highlighted: boolean }) {
  const { t } = useTranslation('epci');
  const mark = highlighted ? ' epci-table__cell--selected' : '';
  if (score === null || score === undefined) {
    return (
      <td className={`heat heat--none${mark}`}>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('table.noScore')}</span>
      </td>
    );
  }
  return <td className={`heat heat--${heatBand(score)}${mark}`}>{formatScore(score)}</td>;
}

export function HeatLegend() {
  const { t } = useTranslation('epci');
  const bounds = MATURITY_THRESHOLDS.map(([level, min], index) => ({
    level,
    min,
    max: index === 0 ? 100 : (MATURITY_THRESHOLDS[index - 1]?.[1] ?? 100) - 1,
  }));
  return (
    <div className="heat-legend">
      <p className="heat-legend__title">{t('table.legend.title')}</p>
      <ul>
        {bounds.map(({ level, min, max }) => (
          <li key={level}>
            <span className={`heat-legend__swatch heat--${level}`} aria-hidden="true" />
            {t(`table.legend.${level}`, { min, max })}
          </li>
        ))}
        <li>
          <span className="heat-legend__swatch heat--none" aria-hidden="true" />
          {t('table.legend.none')}
        </li>
      </ul>
    </div>
  );
}

export function CommunesTable({ rows, themes, query }: { rows: readonly EpciRow[]; themes: readonly TableTheme[]; query: RowQuery }) {
  const { t, i18n } = useTranslation('epci');
  const resetKey = JSON.stringify(query);
  const { start, end, before, after, scrollerRef, measureRef } = useRowWindow(rows.length, { resetKey });
  const columns = 5 + themes.length;
  const visible = rows.slice(start, end);
  const selected = query.scoreColumn;
  // One formatter per language rather than one per cell: "31 juil. 2025" keeps the column narrow.
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }), [i18n.language]);

  return (
    <div className="epci-table__scroller" ref={scrollerRef} tabIndex={0} role="region" aria-label={t('table.region')}>
      <table className="epci-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <SortHeader label={t('table.commune')} sortKey={{ kind: 'name' }} query={query} className="epci-table__name" />
            <SortHeader label={t('table.population')} sortKey={{ kind: 'population' }} query={query} />
            <SortHeader label={t('table.date')} sortKey={{ kind: 'date' }} query={query} />
            <th scope="col">{t('table.version')}</th>
            <SortHeader label={t('table.overall')} sortKey={{ kind: 'score', column: OVERALL }} query={query} />
            {themes.map((theme) => (
              <SortHeader key={theme.id} label={theme.title} sortKey={{ kind: 'score', column: theme.id }} query={query} />
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr aria-hidden="true" className="epci-table__spacer">
              <td colSpan={columns} style={{ height: before }} />
            </tr>
          )}
          {visible.map((row, index) => (
            <tr key={row.key} aria-rowindex={start + index + 2} ref={index === 0 ? measureRef : undefined}>
              <th scope="row" className="epci-table__name">
                <Link to={`/audits/${row.auditId}/results`}>{row.name}</Link>
                {row.status === 'in-progress' && <span className="badge epci-table__badge">{t('table.inProgress')}</span>}
              </th>
              <td className="epci-table__number">{row.population.toLocaleString(i18n.language)}</td>
              <td className="epci-table__date">{dateFormat.format(new Date(row.date))}</td>
              <td className="epci-table__number">{t('table.versionValue', { version: row.questionnaireVersion })}</td>
              <ScoreCell score={scoreOf(row, OVERALL)} highlighted={selected === OVERALL} />
              {themes.map((theme) => (
                <ScoreCell key={theme.id} score={row.summary.themeScores[theme.id]} highlighted={selected === theme.id} />
              ))}
            </tr>
          ))}
          {after > 0 && (
            <tr aria-hidden="true" className="epci-table__spacer">
              <td colSpan={columns} style={{ height: after }} />
            </tr>
          )}
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns}>{t('table.empty')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
