/**
 * The spread of a set of scores: mean, minimum, quartiles and maximum. Quartiles are interpolated between the
 * two nearest values (the method of Excel's QUARTILE.INC and LibreOffice's QUARTILE), so that a chargé de
 * mission who checks a figure in a spreadsheet finds the same number.
 */

export interface Spread {
  count: number;
  mean: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** The p-quantile (0 ≤ p ≤ 1) of values sorted in ascending order, which must not be empty. */
function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const low = sorted[below] ?? 0;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low;
  return low + (position - below) * (high - low);
}

/** null when there is no value. */
export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  let sum = 0;
  for (const value of list) sum += value;
  return {
    count: list.length,
    mean: sum / list.length,
    min: list[0] ?? 0,
    q1: quantile(list, 0.25),
    median: quantile(list, 0.5),
    q3: quantile(list, 0.75),
    max: list[list.length - 1] ?? 0,
  };
}
