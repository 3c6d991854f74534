/**
 * Loads the official directory of communes and EPCIs the first time a search field needs it: a chunk of its own
 * (import(), never in the first page), precached by the service worker so that it works offline. Read and
 * indexed once per session.
 */
import { readCompactDirectory } from '../domain/directory/compact-directory';
import { createDirectoryIndex, type DirectoryIndex } from '../domain/directory/search-directory';

let cached: Promise<DirectoryIndex> | undefined;

async function load(): Promise<DirectoryIndex> {
  const { default: text } = await import('virtual:communes-directory');
  return createDirectoryIndex(readCompactDirectory(text));
}

export function loadDirectory(): Promise<DirectoryIndex> {
  cached ??= load().catch((error: unknown) => {
    // A failed load is not kept: the next search tries again (after an update, or back online).
    cached = undefined;
    throw error;
  });
  return cached;
}
