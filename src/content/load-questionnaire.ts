/**
 * Loads the questionnaire shipped in questionnaires/ (a lazy chunk each, precached for offline use) and checks
 * it against the schema. Loaded once per session and shared.
 *
 * Earlier versions are kept as shipped in questionnaires/archive/v<N>/ so that the audits answered with them
 * still open and show their results. Each is read only when an audit of that version is opened (its files are
 * separate lazy chunks: a commune that never had a version 1 audit never loads version 1).
 */
import { parseQuestionnaire } from '../domain/questionnaire/parse-questionnaire';
import type { Questionnaire } from '../domain/questionnaire/schema';

const manifestLoader = () => import('../../questionnaires/manifest.json').then((m) => m.default as unknown);
const themeLoaders = import.meta.glob<unknown>('../../questionnaires/themes/*.json', { import: 'default' });
const archivedManifests = import.meta.glob<unknown>('../../questionnaires/archive/v*/manifest.json', { import: 'default' });
const archivedThemes = import.meta.glob<unknown>('../../questionnaires/archive/v*/themes/*.json', { import: 'default' });

const fileId = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
/** questionnaires/archive/v<N>/… → N */
const archiveVersionOf = (path: string) => Number(/\/archive\/v(\d+)\//.exec(path)?.[1]);

/** The versions kept in questionnaires/archive/ (the current one is read from its manifest). */
export const ARCHIVED_VERSIONS: readonly number[] = Object.keys(archivedManifests).map(archiveVersionOf).sort((a, b) => a - b);

async function parseFiles(manifest: unknown, loaders: Record<string, () => Promise<unknown>>): Promise<Questionnaire> {
  const entries = await Promise.all(Object.entries(loaders).map(async ([path, loader]) => [fileId(path), await loader()] as const));
  return parseQuestionnaire({ manifest, themes: Object.fromEntries(entries) });
}

let cached: Promise<Questionnaire> | undefined;
const cachedArchives = new Map<number, Promise<Questionnaire>>();

export function loadQuestionnaire(): Promise<Questionnaire> {
  cached ??= manifestLoader().then((manifest) => parseFiles(manifest, themeLoaders));
  return cached;
}

function loadArchived(version: number): Promise<Questionnaire> | undefined {
  const manifestPath = Object.keys(archivedManifests).find((path) => archiveVersionOf(path) === version);
  const manifestLoad = manifestPath ? archivedManifests[manifestPath] : undefined;
  if (!manifestLoad) return undefined;
  let promise = cachedArchives.get(version);
  if (!promise) {
    const themes = Object.fromEntries(Object.entries(archivedThemes).filter(([path]) => archiveVersionOf(path) === version));
    promise = manifestLoad().then((manifest) => parseFiles(manifest, themes));
    promise.catch(() => cachedArchives.delete(version));
    cachedArchives.set(version, promise);
  }
  return promise;
}

/**
 * The questionnaire an audit was answered with: the current one when the version is current, else the archived
 * one. Resolves to undefined for a version this app does not have (an audit from a newer app).
 */
export async function loadQuestionnaireVersion(version: number): Promise<Questionnaire | undefined> {
  const current = await loadQuestionnaire();
  if (current.version === version) return current;
  return loadArchived(version);
}

/** The same promise for the same version, as React's use() needs while a component suspends. */
const versionPromises = new Map<number, Promise<Questionnaire | undefined>>();
export function loadQuestionnaireVersionShared(version: number): Promise<Questionnaire | undefined> {
  let promise = versionPromises.get(version);
  if (!promise) {
    promise = loadQuestionnaireVersion(version);
    promise.catch(() => versionPromises.delete(version));
    versionPromises.set(version, promise);
  }
  return promise;
}
