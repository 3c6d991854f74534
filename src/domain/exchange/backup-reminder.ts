/** When to remind the user to make a backup: pure, the clock and the stored dates are passed in. */
import { instantOf } from '../instant';

export const BACKUP_REMINDER = {
  /** A backup older than this (or none, this long after the first audit was touched) is "old". */
  afterDays: 30,
  /** "Not now" hides the reminder for this long. */
  snoozeDays: 7,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupReminderInput {
  now: Date;
  /** ISO date of the last full backup made on this device, if any. */
  lastBackupAt: string | undefined;
  /** The oldest and newest change to data on the device (audit updates and imports), or undefined when empty. */
  firstChangeAt: string | undefined;
  lastChangeAt: string | undefined;
  /** ISO date until which the user asked not to be reminded. */
  snoozedUntil: string | undefined;
}

const time = (iso: string | undefined) => (iso === undefined ? Number.NaN : instantOf(iso));

/**
 * Decided by this device's clock: a last backup said to be later than now (written by an older app from a
 * restored file's exportedAt, which a forged file may date 9999) counts as no backup, and a snooze longer than
 * "not now" gives is ignored, so that no stored date can silence the reminder for good.
 */
export function shouldRemindBackup({ now, lastBackupAt, firstChangeAt, lastChangeAt, snoozedUntil }: BackupReminderInput): boolean {
  const lastChange = time(lastChangeAt);
  if (Number.isNaN(lastChange)) return false;
  const snoozed = time(snoozedUntil);
  if (snoozed > now.getTime() && snoozed <= now.getTime() + BACKUP_REMINDER.snoozeDays * DAY_MS) return false;
  const recorded = time(lastBackupAt);
  const lastBackup = recorded > now.getTime() ? Number.NaN : recorded;
  // Nothing changed since the last backup: it is still complete, however old.
  if (!Number.isNaN(lastBackup) && lastChange <= lastBackup) return false;
  const since = Number.isNaN(lastBackup) ? time(firstChangeAt) : lastBackup;
  if (Number.isNaN(since)) return false;
  return now.getTime() - since >= BACKUP_REMINDER.afterDays * DAY_MS;
}

export function snoozeUntil(now: Date): string {
  return new Date(now.getTime() + BACKUP_REMINDER.snoozeDays * DAY_MS).toISOString();
}
