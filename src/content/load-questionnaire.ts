/**
 * Loads the questionnaire shipped in questionnaires/ (a lazy chunk each, precached for offline use) and checks
 * it against the schema. Loaded once per session and shared.
 */
import { parseQuestionnaire } from '../domain/questionnaire/parse-questionnaire';
import type { Questionnaire } from '../domain/questionnaire/schema';

const manifestLoader = () => import('../../questionnaires/manifest.json').then((m) => m.default as unknown);
const themeLoaders = import.meta.glob<unknown>('../../questionnaires/themes/*.json', { import: 'default' });

let cached: Promise<Questionnaire> | undefined;

async function load(): Promise<Questionnaire> {
  const manifest = await manifestLoader();
  const entries = await Promise.all(
    Object.entries(themeLoaders).map(async ([path, loader]) => {
      const id = path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
      return [id, await loader()] as const;
    }),
  );
  return parseQuestionnaire({ manifest, themes: Object.fromEntries(entries) });
}

export function loadQuestionnaire(): Promise<Questionnaire> {
  cached ??= load();
  return cached;
}
