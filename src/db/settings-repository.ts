/** Small app settings kept on the device (language, where the user was). */
import { db } from './database';

export async function getSetting<T>(key: string, guard: (value: unknown) => value is T): Promise<T | undefined> {
  const record = await db.settings.get(key);
  return record && guard(record.value) ? record.value : undefined;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

export const isString = (value: unknown): value is string => typeof value === 'string';

export const SETTING_KEYS = {
  language: 'language',
  /** The last in-app path the user was on, to reopen there. */
  lastPath: 'last-path',
} as const;
