/** When to remind the user to make a backup: pure, the clock and the stored dates are passed in. */

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

const time = (iso: string | undefined) => (iso === undefined ? Number.NaN : Date.parse(iso));

export function shouldRemindBackup({ now, lastBackupAt, firstChangeAt, lastChangeAt, snoozedUntil }: BackupReminderInput): boolean {
  const lastChange = time(lastChangeAt);
  if (Number.isNaN(lastChange)) return false;
  if (time(snoozedUntil) > now.getTime()) return false;
  const lastBackup = time(lastBackupAt);
  // Nothing changed since the last backup: it is still complete, however old.
  if (!Number.isNaN(lastBackup) && lastChange <= lastBackup) return false;
  const since = Number.isNaN(lastBackup) ? time(firstChangeAt) : lastBackup;
  if (Number.isNaN(since)) return false;
  return now.getTime() - since >= BACKUP_REMINDER.afterDays * DAY_MS;
}

export function snoozeUntil(now: Date): string {
  return new Date(now.getTime() + BACKUP_REMINDER.snoozeDays * DAY_MS).toISOString();
}
