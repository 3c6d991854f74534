/** The shipped questionnaire (version 2) and its action catalogue, parsed as the app parses them, for judgement tests. */
import { actionFileSchema, type Action } from '../../../src/domain/actions/schema';
import { parseQuestionnaire } from '../../../src/domain/questionnaire/parse-questionnaire';
import type { Questionnaire } from '../../../src/domain/questionnaire/schema';

const manifestFile = import.meta.glob<unknown>('../../../questionnaires/manifest.json', { eager: true, import: 'default' });
const themeFiles = import.meta.glob<unknown>('../../../questionnaires/themes/*.json', { eager: true, import: 'default' });
const actionFiles = import.meta.glob<unknown>('../../../questionnaires/actions/*.json', { eager: true, import: 'default' });

const byFileName = (files: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(files).map(([path, data]) => [path.slice(path.lastIndexOf('/') + 1, -'.json'.length), data]));

export const questionnaireV2: Questionnaire = parseQuestionnaire({
  manifest: Object.values(manifestFile)[0],
  themes: byFileName(themeFiles),
});

export const actionsV2: Action[] = Object.values(actionFiles).flatMap((raw) => actionFileSchema.parse(raw).actions);
