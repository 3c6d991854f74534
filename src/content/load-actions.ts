/**
 * Loads the action catalogue shipped in questionnaires/actions/ (a lazy chunk per theme, precached for offline
 * use) and checks it against the schema. Loaded once per session and shared.
 */
import { parseActionCatalogue, type ActionCatalogue } from '../domain/actions/parse-catalogue';

const actionLoaders = import.meta.glob<unknown>('../../questionnaires/actions/*.json', { import: 'default' });

let cached: Promise<ActionCatalogue> | undefined;

async function load(): Promise<ActionCatalogue> {
  const entries = await Promise.all(
    Object.entries(actionLoaders).map(async ([path, loader]) => {
      const themeId = path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
      return [themeId, await loader()] as const;
    }),
  );
  return parseActionCatalogue(Object.fromEntries(entries));
}

export function loadActionCatalogue(): Promise<ActionCatalogue> {
  cached ??= load().catch((error: unknown) => {
    // A failed load is not kept: the next call tries again (e.g. after the app comes back online).
    cached = undefined;
    throw error;
  });
  return cached;
}
