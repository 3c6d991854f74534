import { describe, expect, it } from 'vitest';
import { decideDuplicate } from '../../../src/domain/epci/duplicate-policy';

describe('decideDuplicate', () => {
  it.each([
    ['not on the device', '2026-03-04T10:00:00.000Z', undefined, null],
    ['a copy updated since', '2026-03-05T10:00:00.000Z', '2026-03-04T10:00:00.000Z', 'replace'],
    ['the same copy', '2026-03-04T10:00:00.000Z', '2026-03-04T10:00:00.000Z', 'keep-existing'],
    // Later as text, earlier as an instant (08:00Z).
    ['a copy at 10:00+02:00 against the device at 09:30Z', '2026-03-04T10:00:00+02:00', '2026-03-04T09:30:00.000Z', 'keep-existing'],
    ['a copy at 09:30Z against the device at 10:00+02:00', '2026-03-04T09:30:00.000Z', '2026-03-04T10:00:00+02:00', 'replace'],
  ])('%s', (_, imported, device, expected) => {
    expect(decideDuplicate(imported, device)).toBe(expected);
  });
});
