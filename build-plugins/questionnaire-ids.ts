/**
 * Vite plugin: the virtual module `virtual:questionnaire-ids`, the question and option ids of every questionnaire
 * version the app ships (questionnaires/ and questionnaires/archive/v<N>/), for the import door's check of answers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import type { QuestionnaireIdTable } from '../src/domain/exchange/check-answer-ids.ts';

const MODULE_ID = 'virtual:questionnaire-ids';
const RESOLVED_ID = `\0${MODULE_ID}`;

interface ThemeFile {
  questions: Array<{ id: string; options: Array<{ id: string }> }>;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8')) as unknown;

/** One version's ids, read from its folder (manifest.json and themes/<theme>.json, in the manifest's order). */
function readVersion(folder: string): QuestionnaireIdTable {
  const manifest = readJson(path.join(folder, 'manifest.json')) as { id: string; version: number; themes: string[] };
  const questions: Record<string, string[]> = {};
  for (const theme of manifest.themes) {
    const { questions: list } = readJson(path.join(folder, 'themes', `${theme}.json`)) as ThemeFile;
    for (const question of list) questions[question.id] = question.options.map((option) => option.id);
  }
  return { id: manifest.id, version: manifest.version, questions };
}

/** The current version and every archived one. */
function readQuestionnaireIds(questionnairesDir: string): QuestionnaireIdTable[] {
  const archive = path.join(questionnairesDir, 'archive');
  const archived = existsSync(archive)
    ? readdirSync(archive, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && /^v\d+$/.test(entry.name))
        .map((entry) => readVersion(path.join(archive, entry.name)))
    : [];
  return [readVersion(questionnairesDir), ...archived];
}

/**
 * Made from the questionnaire files at build time (dev server and Vitest too), so the ids never drift from the
 * questions: a few kilobytes where the themes with their help texts weigh 340 KB. The import door imports it
 * statically, so it comes with the import pages and the EPCI import's workers, never with the first page.
 */
export function questionnaireIdsPlugin(questionnairesDir: string): Plugin {
  return {
    name: 'cyberdiag-questionnaire-ids',
    resolveId(id) {
      return id === MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const file of readdirSync(questionnairesDir, { recursive: true, encoding: 'utf8' })) {
        if (file.endsWith('.json')) this.addWatchFile(path.join(questionnairesDir, file));
      }
      return `export default ${JSON.stringify(readQuestionnaireIds(questionnairesDir))};\n`;
    },
  };
}
