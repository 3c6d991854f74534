/**
 * Loads the action catalogue shipped in questionnaires/actions/ (a lazy chunk per theme, precached for offline
 * use) and checks it against the schema. Loaded once per session and shared.
 *
 * An archived questionnaire version keeps its own catalogue (questionnaires/archive/v<N>/actions/): the plans of
 * its audits name its action ids. It is read only when such an audit's plan is needed.
 */
import { parseActionCatalogue, type ActionCatalogue } from '../domain/actions/parse-catalogue';
import { loadQuestionnaire } from './load-questionnaire';

const actionLoaders = import.meta.glob<unknown>('../../questionnaires/actions/*.json', { import: 'default' });
const archivedActionLoaders = import.meta.glob<unknown>('../../questionnaires/archive/v*/actions/*.json', { import: 'default' });

const archiveVersionOf = (path: string) => Number(/\/archive\/v(\d+)\//.exec(path)?.[1]);

async function load(loaders: Record<string, () => Promise<unknown>>): Promise<ActionCatalogue> {
  const entries = await Promise.all(
    Object.entries(loaders).map(async ([path, loader]) => {
      const themeId = path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
      return [themeId, await loader()] as const;
    }),
  );
  return parseActionCatalogue(Object.fromEntries(entries));
}

let cached: Promise<ActionCatalogue> | undefined;
const cachedArchives = new Map<number, Promise<ActionCatalogue>>();

export function loadActionCatalogue(): Promise<ActionCatalogue> {
  cached ??= load(actionLoaders).catch((error: unknown) => {
    // A failed load is not kept: the next call tries again (e.g. after the app comes back online).
    cached = undefined;
    throw error;
  });
  return cached;
}

/**
 * The catalogue that goes with a questionnaire version: the current one for the current version, else the
 * archived one; undefined for a version this app does not have.
 */
export async function loadActionCatalogueVersion(version: number): Promise<ActionCatalogue | undefined> {
  const current = await loadQuestionnaire();
  if (current.version === version) return loadActionCatalogue();
  let promise = cachedArchives.get(version);
  if (!promise) {
    const loaders = Object.fromEntries(Object.entries(archivedActionLoaders).filter(([path]) => archiveVersionOf(path) === version));
    if (Object.keys(loaders).length === 0) return undefined;
    promise = load(loaders);
    promise.catch(() => cachedArchives.delete(version));
    cachedArchives.set(version, promise);
  }
  return promise;
}

const versionPromises = new Map<number, Promise<ActionCatalogue | undefined>>();
/** The same promise for the same version, as React's use() needs while a component suspends. */
export function loadActionCatalogueVersionShared(version: number): Promise<ActionCatalogue | undefined> {
  let promise = versionPromises.get(version);
  if (!promise) {
    promise = loadActionCatalogueVersion(version);
    promise.catch(() => versionPromises.delete(version));
    versionPromises.set(version, promise);
  }
  return promise;
}
