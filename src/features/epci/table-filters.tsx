/** The table's filters: population stratum, a score range on the overall score or one theme, the audit date. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { POPULATION_STRATA } from '../../domain/epci/population-stratum';
import { OVERALL, type RowQuery } from '../../domain/epci/select-rows';
import { resetFilters, setDateRange, setScoreColumn, setScoreRange, toggleStratum } from './epci-store';
import type { TableTheme } from './communes-table';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An empty or unreadable field is "no bound"; a score is kept between 0 and 100. */
function scoreBound(value: string): number | null {
  if (value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? Math.min(100, Math.max(0, Math.round(number))) : null;
}

export function TableFilters({ query, themes }: { query: RowQuery; themes: readonly TableTheme[] }) {
  const { t } = useTranslation('epci');
  const id = useId();
  const filtered =
    query.strata.length > 0 || query.scoreMin !== null || query.scoreMax !== null || query.dateFrom !== null || query.dateTo !== null;

  return (
    <form className="epci-filters" aria-label={t('filters.title')} onSubmit={(event) => event.preventDefault()}>
      <fieldset className="epci-filters__group">
        <legend>{t('filters.stratum')}</legend>
        <div className="choices choices--inline">
          {POPULATION_STRATA.map((stratum) => (
            <label key={stratum} className="choice">
              <input type="checkbox" checked={query.strata.includes(stratum)} onChange={(event) => toggleStratum(stratum, event.target.checked)} />
              <span>{t(`strata.${stratum}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="epci-filters__group">
        <legend>{t('filters.score')}</legend>
        <div className="epci-filters__row">
          <div className="field">
            <label htmlFor={`${id}-column`}>{t('filters.scoreColumn')}</label>
            <select id={`${id}-column`} value={query.scoreColumn} onChange={(event) => setScoreColumn(event.target.value)}>
              <option value={OVERALL}>{t('table.overall')}</option>
              {themes.map((theme) => (
                <option key={theme.id} value={theme.id}>
                  {theme.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-min`}>{t('filters.scoreMin')}</label>
            <input
              id={`${id}-min`}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              value={query.scoreMin ?? ''}
              onChange={(event) => setScoreRange(scoreBound(event.target.value), query.scoreMax)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>{t('filters.scoreMax')}</label>
            <input
              id={`${id}-max`}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              value={query.scoreMax ?? ''}
              onChange={(event) => setScoreRange(query.scoreMin, scoreBound(event.target.value))}
            />
          </div>
        </div>
      </fieldset>

      <fieldset className="epci-filters__group">
        <legend>{t('filters.date')}</legend>
        <div className="epci-filters__row">
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('filters.dateFrom')}</label>
            <input
              id={`${id}-from`}
              type="date"
              value={query.dateFrom ?? ''}
              onChange={(event) => setDateRange(DAY.test(event.target.value) ? event.target.value : null, query.dateTo)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('filters.dateTo')}</label>
            <input
              id={`${id}-to`}
              type="date"
              value={query.dateTo ?? ''}
              onChange={(event) => setDateRange(query.dateFrom, DAY.test(event.target.value) ? event.target.value : null)}
            />
          </div>
        </div>
      </fieldset>

      <button type="button" className="button button--quiet" onClick={resetFilters} disabled={!filtered}>
        {t('filters.reset')}
      </button>
    </form>
  );
}
