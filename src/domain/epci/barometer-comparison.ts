/**
 * The members' answers against the barometers: for each indicator a question links to, the share of the
 * communes whose answer puts them inside the group the figure counts, next to the figure itself. Only the
 * communes whose answer says something count (a "je ne sais pas" says nothing), and only share figures made
 * for comparison are used: a figure is never stretched past its question.
 */
import type { BenchmarkDataset, BenchmarkIndicator } from '../benchmarks/schema';
import type { IndicatorShare } from './aggregate-epci';

export interface BarometerComparison {
  themeId: string;
  indicator: BenchmarkIndicator;
  /** Communes whose answer places them inside or outside the group. */
  communes: number;
  inGroup: number;
  /** inGroup ÷ communes. */
  share: number;
}

export function compareWithBarometers(shares: readonly IndicatorShare[], dataset: BenchmarkDataset | null): BarometerComparison[] {
  if (!dataset) return [];
  const byId = new Map(dataset.indicators.map((i) => [i.id, i]));
  const comparisons: BarometerComparison[] = [];
  for (const share of shares) {
    const indicator = byId.get(share.indicatorId);
    const communes = share.inGroup + share.outOfGroup;
    if (!indicator || indicator.kind !== 'share' || !indicator.comparison || communes === 0) continue;
    comparisons.push({ themeId: share.themeId, indicator, communes, inGroup: share.inGroup, share: share.inGroup / communes });
  }
  return comparisons;
}
