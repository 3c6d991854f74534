/** Persistent storage (navigator.storage): asking the browser not to clear the database under storage pressure. */
import { db } from '../../db/database';

export type PersistenceState = 'persisted' | 'refused' | 'unsupported';

const PERSISTENCE_ASKED_KEY = 'storage-persistence-asked';

/** Asks for persistent storage (a no-op when already granted) and says what the browser decided. */
export async function requestPersistentStorage(): Promise<PersistenceState> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'refused';
  } catch {
    return 'refused';
  }
}

/** Asked once, after the first audit is started; the answer is kept for the backup page and the reminder. */
export async function requestPersistenceOnce(): Promise<void> {
  if ((await db.settings.get(PERSISTENCE_ASKED_KEY)) !== undefined) return;
  const state = await requestPersistentStorage();
  await db.settings.put({ key: PERSISTENCE_ASKED_KEY, value: state });
}

/** The persistence decision recorded by requestPersistenceOnce, if it was asked. */
export async function recordedPersistence(): Promise<PersistenceState | undefined> {
  const value = (await db.settings.get(PERSISTENCE_ASKED_KEY))?.value;
  return value === 'persisted' || value === 'refused' || value === 'unsupported' ? value : undefined;
}

export async function rememberPersistence(state: PersistenceState): Promise<void> {
  await db.settings.put({ key: PERSISTENCE_ASKED_KEY, value: state });
}

export interface StorageUsage {
  usage: number;
  quota: number;
}

export async function storageUsage(): Promise<StorageUsage | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? null : { usage, quota };
  } catch {
    return null;
  }
}
