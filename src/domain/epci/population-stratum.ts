/** The population strata the EPCI view filters on (the usual cut-offs of French local government statistics). */

export const POPULATION_STRATA = ['under-500', '500-1999', '2000-3499', '3500-9999', '10000-plus'] as const;
export type PopulationStratum = (typeof POPULATION_STRATA)[number];

/** Inclusive lower bound of each stratum, in inhabitants. */
const LOWER_BOUNDS: ReadonlyArray<readonly [PopulationStratum, number]> = [
  ['10000-plus', 10_000],
  ['3500-9999', 3_500],
  ['2000-3499', 2_000],
  ['500-1999', 500],
  ['under-500', 0],
];

export function populationStratum(population: number): PopulationStratum {
  return LOWER_BOUNDS.find(([, min]) => population >= min)?.[0] ?? 'under-500';
}
