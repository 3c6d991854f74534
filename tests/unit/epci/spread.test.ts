import { describe, expect, it } from 'vitest';
import { spreadOf } from '../../../src/domain/epci/spread';

describe('spreadOf', () => {
  // Quartiles interpolated as in Excel's QUARTILE.INC: position (n − 1) × p in the sorted list.
  it.each([
    { values: [50], expected: { count: 1, mean: 50, min: 50, q1: 50, median: 50, q3: 50, max: 50 } },
    // 10 20 30 40: q1 at 0.75 → 17.5, median at 1.5 → 25, q3 at 2.25 → 32.5
    { values: [40, 10, 30, 20], expected: { count: 4, mean: 25, min: 10, q1: 17.5, median: 25, q3: 32.5, max: 40 } },
    // 0 25 50 75 100: positions 1, 2, 3 fall on values
    { values: [0, 100, 50, 25, 75], expected: { count: 5, mean: 50, min: 0, q1: 25, median: 50, q3: 75, max: 100 } },
    // 30 60 90: q1 at 0.5 → 45, q3 at 1.5 → 75
    { values: [90, 30, 60], expected: { count: 3, mean: 60, min: 30, q1: 45, median: 60, q3: 75, max: 90 } },
  ])('$values', ({ values, expected }) => {
    const spread = spreadOf(values);
    expect(spread).not.toBeNull();
    for (const [key, value] of Object.entries(expected)) expect(spread?.[key as keyof typeof expected]).toBeCloseTo(value, 10);
  });

  it('is null without values', () => {
    expect(spreadOf([])).toBeNull();
  });
});
