/** Opens the database at start-up and turns the ways it can fail into a reason the UI can explain. */
import type { Dexie } from 'dexie';
import { db } from './database';
import { markDatabaseOutdated } from './database-status';

export type OpenFailure = 'newer-version' | 'unavailable';

export async function openDatabase(database: Dexie = db): Promise<{ ok: true } | { ok: false; reason: OpenFailure }> {
  // Before opening, verno is the newest version this app declares. Dexie stores version n as IndexedDB version 10n.
  const declared = database.verno;
  // Look before opening: Dexie would otherwise add its own tables to a newer database before we could refuse it.
  if ((await installedVersion(database.name)) > declared) return { ok: false, reason: 'newer-version' };
  // Another tab opening a newer app: let go for good and say so, rather than let Dexie reopen at the new version.
  // Returning false stops Dexie's own handler, which closes with automatic reopening.
  database.on('versionchange', () => {
    database.close({ disableAutoOpen: true });
    markDatabaseOutdated();
    return false;
  });
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

/**
 * The Dexie version of the database already on the device (0 when there is none, or when the browser cannot
 * say). Read by opening it without a version, which never upgrades; a database that does not exist yet would
 * be created by that open, so its creation is aborted. indexedDB.databases() would be simpler, but Firefox
 * before 126 (ESR 115 included) lacks it.
 */
function installedVersion(name: string): Promise<number> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(0);
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      resolve(0);
      return;
    }
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version / 10);
    };
    request.onerror = (event) => {
      // The aborted creation (no database yet) or a browser that refuses storage: Dexie's open says which.
      event.preventDefault();
      resolve(0);
    };
    request.onblocked = () => resolve(0);
  });
}
