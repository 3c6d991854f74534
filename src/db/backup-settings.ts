/**
 * The dates behind the backup reminder (last backup, last import, snooze), kept in settings. Apart from the
 * exchange repository so that the home page's reminder does not load the import code.
 */
import { db } from './database';
import { compareInstants } from '../domain/instant';

/** Settings written by backups and imports (read by the backup reminder). */
export const EXCHANGE_SETTING_KEYS = {
  lastBackupAt: 'exchange-last-backup-at',
  lastImportAt: 'exchange-last-import-at',
  reminderSnoozedUntil: 'exchange-reminder-snoozed-until',
} as const;

export async function recordBackup(now = new Date()): Promise<void> {
  await db.settings.put({ key: EXCHANGE_SETTING_KEYS.lastBackupAt, value: now.toISOString() });
}

export async function snoozeBackupReminder(until: string): Promise<void> {
  await db.settings.put({ key: EXCHANGE_SETTING_KEYS.reminderSnoozedUntil, value: until });
}

const stringSetting = async (key: string) => {
  const value = (await db.settings.get(key))?.value;
  return typeof value === 'string' ? value : undefined;
};

/** The dates the backup reminder is decided on. */
export async function loadBackupState(): Promise<{
  lastBackupAt: string | undefined;
  firstChangeAt: string | undefined;
  lastChangeAt: string | undefined;
  snoozedUntil: string | undefined;
}> {
  const [lastBackupAt, lastImportAt, snoozedUntil, oldest, newest] = await Promise.all([
    stringSetting(EXCHANGE_SETTING_KEYS.lastBackupAt),
    stringSetting(EXCHANGE_SETTING_KEYS.lastImportAt),
    stringSetting(EXCHANGE_SETTING_KEYS.reminderSnoozedUntil),
    db.audits.orderBy('updatedAt').first(),
    db.audits.orderBy('updatedAt').last(),
  ]);
  const latest = [newest?.updatedAt, newest ? lastImportAt : undefined].filter((d): d is string => d !== undefined).sort(compareInstants).pop();
  return { lastBackupAt, firstChangeAt: oldest?.updatedAt, lastChangeAt: latest, snoozedUntil };
}
