import { describe, expect, it } from 'vitest';
import { laterStamp } from '../../../src/domain/audit/later-stamp';

describe('laterStamp', () => {
  it.each([
    ['the clock has moved on', '2026-03-04T10:20:30.123Z', '2026-03-04T10:20:31.000Z', '2026-03-04T10:20:31.000Z'],
    ['a second change in the same millisecond', '2026-03-04T10:20:30.123Z', '2026-03-04T10:20:30.123Z', '2026-03-04T10:20:30.124Z'],
    ['a clock set back an hour', '2026-03-04T10:20:30.123Z', '2026-03-04T09:20:30.000Z', '2026-03-04T10:20:30.124Z'],
    ['the last millisecond of a day', '2026-12-31T23:59:59.999Z', '2026-12-31T23:59:59.999Z', '2027-01-01T00:00:00.000Z'],
    ['a previous stamp that is no date', 'not a date', '2026-03-04T10:20:31.000Z', '2026-03-04T10:20:31.000Z'],
    ['a previous stamp with an offset, later than the clock', '2026-03-04T12:20:30.123+02:00', '2026-03-04T10:00:00.000Z', '2026-03-04T10:20:30.124Z'],
    ['an imported stamp at the last millisecond of 9999', '9999-12-31T23:59:59.999Z', '2026-03-04T10:20:31.000Z', '9999-12-31T23:59:59.999Z'],
  ])('%s', (_, previous, now, expected) => {
    expect(laterStamp(previous, new Date(now))).toBe(expected);
  });
});
