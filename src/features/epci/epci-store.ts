/**
 * UI state of the EPCI view (what may be lost on reload): the table's sort and filters and the theme picked
 * for the heat map. One small zustand store; its actions are plain functions, callable from any handler.
 */
import { create } from 'zustand';
import type { PopulationStratum } from '../../domain/epci/population-stratum';
import { DEFAULT_ROW_QUERY, type RowQuery, type ScoreColumn, type SortKey } from '../../domain/epci/select-rows';

export interface EpciViewState {
  query: RowQuery;
}

export const useEpciStore = create<EpciViewState>(() => ({ query: DEFAULT_ROW_QUERY }));

const sameKey = (a: SortKey, b: SortKey) =>
  a.kind === b.kind && (a.kind !== 'score' || (b.kind === 'score' && a.column === b.column));

const update = (change: Partial<RowQuery>) => useEpciStore.setState((state) => ({ query: { ...state.query, ...change } }));

/** Sorting again on the same column turns the order round; a new column starts with its natural order. */
export function sortBy(key: SortKey): void {
  const { query } = useEpciStore.getState();
  if (sameKey(query.sort, key)) {
    update({ direction: query.direction === 'ascending' ? 'descending' : 'ascending' });
    return;
  }
  // Names read A → Z; scores, populations and dates are first wanted from the highest (or the latest).
  update({ sort: key, direction: key.kind === 'name' ? 'ascending' : 'descending' });
}

export function toggleStratum(stratum: PopulationStratum, on: boolean): void {
  const { strata } = useEpciStore.getState().query;
  update({ strata: on ? [...strata.filter((s) => s !== stratum), stratum] : strata.filter((s) => s !== stratum) });
}

export function setScoreColumn(column: ScoreColumn): void {
  update({ scoreColumn: column });
}

export function setScoreRange(scoreMin: number | null, scoreMax: number | null): void {
  update({ scoreMin, scoreMax });
}

export function setDateRange(dateFrom: string | null, dateTo: string | null): void {
  update({ dateFrom, dateTo });
}

export function resetFilters(): void {
  const { sort, direction } = useEpciStore.getState().query;
  useEpciStore.setState({ query: { ...DEFAULT_ROW_QUERY, sort, direction } });
}

/** Back to the start (tests, and a new EPCI chosen). */
export function resetEpciView(): void {
  useEpciStore.setState({ query: DEFAULT_ROW_QUERY });
}
