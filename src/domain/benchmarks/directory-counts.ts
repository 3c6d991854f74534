/**
 * Counts from the official directory the app ships (@etalab/decoupage-administratif: INSEE's Code officiel
 * géographique and legal populations), set beside a quoted count that is wrong or dated. Written here as a tiny
 * constant so that the results page need not load the 342 KB directory chunk; tests/unit/benchmarks/
 * directory-counts.test.ts recounts them from the bundled directory and fails when the package moves.
 */
import type { DirectoryCount } from './schema';

export const DIRECTORY_SOURCE = '@etalab/decoupage-administratif 6.0.0';
/** The year of the Code officiel géographique the package holds. */
export const DIRECTORY_YEAR = 2026;

export const DIRECTORY_COUNTS: Readonly<Record<DirectoryCount, number>> = {
  /** Current communes (communes actuelles), overseas included. */
  communes: 34_969,
  /** Of them, those whose legal population is under 10,000 inhabitants. */
  'communes-under-10000': 33_896,
};
