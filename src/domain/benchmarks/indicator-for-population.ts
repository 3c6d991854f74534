/** Picks, for a commune of a given size, the figure that speaks about communes of that size. */
import type { BenchmarkDataset, BenchmarkIndicator, Stratum } from './schema';

export function stratumContains(stratum: Stratum, population: number): boolean {
  return (
    (stratum.minPopulation === undefined || population >= stratum.minPopulation) &&
    (stratum.maxPopulation === undefined || population <= stratum.maxPopulation)
  );
}

const width = (stratum: Stratum) => (stratum.maxPopulation ?? Number.MAX_SAFE_INTEGER) - (stratum.minPopulation ?? 0);

/**
 * The indicator to use for `indicatorId` and a commune of `population` inhabitants:
 * - a stratum breakdown of it (stratumOf) whose stratum holds the population, the narrowest first;
 * - else the indicator itself, if it has no stratum or its stratum holds the population;
 * - else nothing: a figure about communes of another size says nothing about this one.
 */
export function indicatorForPopulation(
  dataset: BenchmarkDataset,
  indicatorId: string,
  population: number,
): BenchmarkIndicator | undefined {
  const base = dataset.indicators.find((i) => i.id === indicatorId);
  if (!base) return undefined;
  const breakdowns = dataset.indicators
    .filter((i): i is BenchmarkIndicator & { stratum: Stratum } => i.stratumOf === base.id && i.stratum !== undefined)
    .filter((i) => stratumContains(i.stratum, population))
    .sort((a, b) => width(a.stratum) - width(b.stratum));
  const [narrowest] = breakdowns;
  if (narrowest) return narrowest;
  if (!base.stratum || stratumContains(base.stratum, population)) return base;
  return undefined;
}

/**
 * Figures shown as context in a theme: those tagged for it, each replaced by its breakdown for the commune's
 * size stratum when there is one, and left out when they are about communes of another size. An earlier wave
 * is never one of them: it is said under « À savoir » beside its latest wave.
 */
export function contextIndicators(dataset: BenchmarkDataset, themeId: string, population: number): BenchmarkIndicator[] {
  return dataset.indicators
    .filter((i) => i.stratumOf === undefined && i.earlierWaveOf === undefined && (i.contextThemes ?? []).includes(themeId))
    .flatMap((i) => indicatorForPopulation(dataset, i.id, population) ?? []);
}
