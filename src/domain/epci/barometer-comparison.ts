/**
 * The members' answers against the barometers: for each indicator a question links to, the share of the
 * communes whose answer puts them inside the group the figure counts, next to the figure itself. Only the
 * communes whose answer says something count (a "je ne sais pas" says nothing); a figure about a size stratum
 * is set against the members of that stratum only; only shares of collectivités made for comparison are used
 * (a share of agents or élus does not count communes). A figure is never stretched past its question.
 */
import { stratumContains } from '../benchmarks/indicator-for-population';
import type { BenchmarkDataset, BenchmarkIndicator } from '../benchmarks/schema';
import type { Questionnaire } from '../questionnaire/schema';
import type { EpciRow } from './epci-row';

export interface BarometerComparison {
  themeId: string;
  indicator: BenchmarkIndicator;
  /** Communes whose answer places them inside or outside the group (in the figure's stratum, if it has one). */
  communes: number;
  inGroup: number;
  /** inGroup ÷ communes. */
  share: number;
}

/** Indicator id → the theme of the first question linking to it, in questionnaire order. */
export function indicatorThemes(questionnaire: Questionnaire): Map<string, string> {
  const themes = new Map<string, string>();
  for (const theme of questionnaire.themes) {
    for (const question of theme.questions) {
      for (const link of question.indicators) if (!themes.has(link.indicator)) themes.set(link.indicator, theme.id);
    }
  }
  return themes;
}

export function compareWithBarometers(
  rows: readonly EpciRow[],
  questionnaire: Questionnaire,
  dataset: BenchmarkDataset | null,
): BarometerComparison[] {
  if (!dataset || rows.length === 0) return [];
  const byId = new Map(dataset.indicators.map((i) => [i.id, i]));
  const comparisons: BarometerComparison[] = [];
  for (const [indicatorId, themeId] of indicatorThemes(questionnaire)) {
    const indicator = byId.get(indicatorId);
    if (!indicator || indicator.kind !== 'share' || !indicator.comparison || indicator.counts !== 'collectivites') continue;
    const { stratum } = indicator;
    let inGroup = 0;
    let communes = 0;
    for (const row of rows) {
      const position = row.summary.indicators[indicatorId];
      if (position === undefined || (stratum && !stratumContains(stratum, row.population))) continue;
      communes += 1;
      if (position === 'in-group') inGroup += 1;
    }
    if (communes > 0) comparisons.push({ themeId, indicator, communes, inGroup, share: inGroup / communes });
  }
  return comparisons;
}
