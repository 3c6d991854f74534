/** Scoring constants. Changing one changes every past result: document it in the README when you do. */
import type { Criticality } from '../questionnaire/schema';

/** A critical question weighs three times a minor one (ANSSI-style criticality, see guidance.md §0). */
export const CRITICALITY_WEIGHT: Readonly<Record<Criticality, number>> = { critical: 3, major: 2, minor: 1 };

export type MaturityLevel = 'exposed' | 'fragile' | 'progressing' | 'solid';

/** Lower bounds, in score points out of 100, of each maturity level, from the highest down. */
export const MATURITY_THRESHOLDS: ReadonlyArray<readonly [MaturityLevel, number]> = [
  ['solid', 80],
  ['progressing', 60],
  ['fragile', 35],
  ['exposed', 0],
];

/** With any critical gap left open, the level cannot be better than this, whatever the score. */
export const MATURITY_CAP_WITH_CRITICAL_GAP: MaturityLevel = 'fragile';

/**
 * From this many critical questions left open (gap, implied gap, "je ne sais pas"), the level is « Exposé »
 * whatever the score: two of the controls that stop the worst attacks are missing at once.
 */
export const EXPOSED_FROM_CRITICAL_OPEN = 2;
