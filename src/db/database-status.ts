/**
 * Whether this tab's connection still holds the database. When another tab opens a newer version of the app,
 * the browser asks this tab to let go so that the upgrade can run: the connection is closed for good (Dexie
 * would otherwise reopen it at the new version on the next write, and write an old-shaped record into the
 * migrated data), and the page tells the user to reload. Nothing is written after that.
 */
export type DatabaseStatus = 'open' | 'outdated';

let status: DatabaseStatus = 'open';
const listeners = new Set<() => void>();

export function markDatabaseOutdated(): void {
  if (status === 'outdated') return;
  status = 'outdated';
  listeners.forEach((listener) => listener());
}

export const getDatabaseStatus = (): DatabaseStatus => status;

/** For useSyncExternalStore. */
export function subscribeDatabaseStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
