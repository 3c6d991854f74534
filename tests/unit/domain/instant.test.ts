import { describe, expect, it } from 'vitest';
import { compareInstants, instantOf, isoOfInstant } from '../../../src/domain/instant';

describe('instants', () => {
  it.each([
    ['2026-03-04T10:00:00Z', '2026-03-04T10:00:00.000Z'],
    ['2026-03-04T10:00:00+02:00', '2026-03-04T08:00:00.000Z'],
    ['2026-03-04T10:00:00.123456789-05:30', '2026-03-04T15:30:00.123Z'],
    ['0050-01-01T00:00:00Z', '0050-01-01T00:00:00.000Z'],
  ])('reads %s as the instant %s', (iso, expected) => {
    expect(new Date(instantOf(iso)).toISOString()).toBe(expected);
  });

  it('refuses what is no date-time', () => {
    expect(instantOf('+010000-01-01T00:00:00.000Z')).toBeNaN();
    expect(instantOf('2026-03-04')).toBeNaN();
  });

  it('compares by the moment, not the text: 10:00+02:00 is before 09:30Z', () => {
    expect(compareInstants('2026-03-04T10:00:00+02:00', '2026-03-04T09:30:00Z')).toBeLessThan(0);
    expect(compareInstants('2026-03-04T09:30:00.000Z', '2026-03-04T10:00:00+02:00')).toBeGreaterThan(0);
    expect(compareInstants('2026-03-04T08:00:00Z', '2026-03-04T10:00:00+02:00')).toBe(0);
  });

  it('never writes a year past 9999', () => {
    expect(isoOfInstant(Date.UTC(10000, 0, 1))).toBe('9999-12-31T23:59:59.999Z');
  });
});
