/** Opens the database at start-up and turns the ways it can fail into a reason the UI can explain. */
import type { Dexie } from 'dexie';
import { db } from './database';

export type OpenFailure = 'newer-version' | 'unavailable';

export async function openDatabase(database: Dexie = db): Promise<{ ok: true } | { ok: false; reason: OpenFailure }> {
  // Before opening, verno is the newest version this app declares. Dexie stores version n as IndexedDB version 10n.
  const declared = database.verno;
  // Look before opening: Dexie would otherwise add its own tables to a newer database before we could refuse it.
  if ((await installedVersion(database.name)) > declared) return { ok: false, reason: 'newer-version' };
  try {
    await database.open();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return { ok: false, reason: name === 'VersionError' ? 'newer-version' : 'unavailable' };
  }
  // Dexie 4 would open a newer database as it is; its records belong to that newer app and are left untouched.
  if (database.backendDB().version / 10 > declared) {
    database.close();
    return { ok: false, reason: 'newer-version' };
  }
  return { ok: true };
}

/** The Dexie version of the database already on the device (0 when none, or when the browser cannot say). */
async function installedVersion(name: string): Promise<number> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return 0;
  try {
    const found = (await indexedDB.databases()).find((info) => info.name === name);
    return (found?.version ?? 0) / 10;
  } catch {
    return 0;
  }
}
