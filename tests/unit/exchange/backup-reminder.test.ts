import { describe, expect, it } from 'vitest';
import { shouldRemindBackup, snoozeUntil } from '../../../src/domain/exchange/backup-reminder';

const now = new Date('2026-11-25T12:00:00.000Z');

describe('shouldRemindBackup', () => {
  it.each([
    ['no audit on the device', undefined, undefined, undefined, undefined, false],
    ['never backed up, first audit 10 days ago', undefined, '2026-11-15T12:00:00.000Z', '2026-11-20T12:00:00.000Z', undefined, false],
    ['never backed up, first audit 30 days ago', undefined, '2026-10-26T12:00:00.000Z', '2026-11-20T12:00:00.000Z', undefined, true],
    ['backup 29 days old, audit changed since', '2026-10-27T12:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', undefined, false],
    ['backup 31 days old, audit changed since', '2026-10-25T12:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', undefined, true],
    ['backup 200 days old, nothing changed since', '2026-05-09T12:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z', undefined, false],
    ['old backup, snoozed until tomorrow', '2026-05-09T12:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', '2026-11-26T12:00:00.000Z', false],
    ['old backup, snooze over', '2026-05-09T12:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', '2026-11-24T12:00:00.000Z', true],
    ['a last backup dated 9999 (a forged file restored by an older app)', '9999-12-31T23:59:59.999Z', '2026-01-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', undefined, true],
    ['a snooze until 9999, longer than "not now" gives', '2026-05-09T12:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', true],
  ])('%s → %s', (_, lastBackupAt, firstChangeAt, lastChangeAt, snoozedUntil, expected) => {
    expect(shouldRemindBackup({ now, lastBackupAt, firstChangeAt, lastChangeAt, snoozedUntil })).toBe(expected);
  });

  it('snoozes for a week', () => {
    expect(snoozeUntil(now)).toBe('2026-12-02T12:00:00.000Z');
  });
});
