/** Turns the raw questionnaire files into a checked Questionnaire, or fails naming the file, question and problem. */
import type { z } from 'zod';
import { manifestSchema, optionScore, themeSchema, type Questionnaire, type Theme } from './schema';

export class QuestionnaireError extends Error {
  constructor(
    readonly file: string,
    readonly questionId: string | undefined,
    readonly problem: string,
  ) {
    super(`${file}${questionId ? ` [question ${questionId}]` : ''}: ${problem}`);
    this.name = 'QuestionnaireError';
  }
}

export interface RawQuestionnaireFiles {
  manifest: unknown;
  /** Theme files keyed by theme id. */
  themes: Record<string, unknown>;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** The id of the question an issue points into, read from the raw data so it can be named in the message. */
function questionIdAt(raw: unknown, path: PropertyKey[]): string | undefined {
  if (path[0] !== 'questions' || typeof path[1] !== 'number' || typeof raw !== 'object' || raw === null) return undefined;
  const questions = (raw as { questions?: unknown }).questions;
  if (!Array.isArray(questions)) return undefined;
  const question: unknown = questions[path[1]];
  if (typeof question === 'object' && question !== null && 'id' in question && typeof question.id === 'string') {
    return question.id;
  }
  return `#${path[1] + 1}`;
}

export function parseQuestionnaire(files: RawQuestionnaireFiles): Questionnaire {
  const manifestResult = manifestSchema.safeParse(files.manifest);
  if (!manifestResult.success) {
    const issue = manifestResult.error.issues[0];
    throw new QuestionnaireError('manifest.json', undefined, issue ? describeIssue(issue) : 'invalid');
  }
  const manifest = manifestResult.data;
  const themes: Theme[] = manifest.themes.map((themeId) => {
    const file = `themes/${themeId}.json`;
    const raw = files.themes[themeId];
    if (raw === undefined) throw new QuestionnaireError(file, undefined, 'file is missing');
    const result = themeSchema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      if (!issue) throw new QuestionnaireError(file, undefined, 'invalid');
      throw new QuestionnaireError(file, questionIdAt(raw, issue.path), describeIssue(issue));
    }
    if (result.data.id !== themeId) throw new QuestionnaireError(file, undefined, `theme id "${result.data.id}" differs from its file name`);
    return result.data;
  });
  checkCoherence(themes);
  return { id: manifest.id, version: manifest.version, title: manifest.title, themes };
}

/** Cross-question rules a per-file schema cannot see: unique ids, conditions and indicator links that point somewhere real. */
function checkCoherence(themes: Theme[]): void {
  const seen = new Map<string, Map<string, true>>();
  for (const theme of themes) {
    const file = `themes/${theme.id}.json`;
    for (const question of theme.questions) {
      if (seen.has(question.id)) throw new QuestionnaireError(file, question.id, 'question id is used twice');
      if (!question.id.startsWith(`${theme.id}-`)) {
        throw new QuestionnaireError(file, question.id, `question id must start with the theme id "${theme.id}-"`);
      }
      const optionIds = new Map<string, true>();
      for (const option of question.options) {
        if (optionIds.has(option.id)) throw new QuestionnaireError(file, question.id, `option id "${option.id}" is used twice`);
        optionIds.set(option.id, true);
      }
      if (!question.options.some((option) => optionScore(option) !== null)) {
        throw new QuestionnaireError(file, question.id, 'every option is "sans objet": at least one must score');
      }
      if (question.vital && question.criticality !== 'critical') {
        throw new QuestionnaireError(file, question.id, 'a vital control must be critical');
      }
      if (question.showIf) {
        const target = seen.get(question.showIf.question);
        if (!target) {
          throw new QuestionnaireError(file, question.id, `showIf refers to "${question.showIf.question}", which is not an earlier question`);
        }
        for (const optionId of [...question.showIf.anyOf, ...(question.showIf.absentIf ?? [])]) {
          if (!target.has(optionId)) throw new QuestionnaireError(file, question.id, `showIf refers to unknown option "${optionId}"`);
        }
        const both = (question.showIf.absentIf ?? []).find((optionId) => question.showIf?.anyOf.includes(optionId));
        if (both) throw new QuestionnaireError(file, question.id, `showIf option "${both}" cannot both show the question and mean it is missing`);
      }
      if (question.vital && question.notApplicableIf?.length) {
        throw new QuestionnaireError(file, question.id, 'a vital control is never sized away (no notApplicableIf)');
      }
      if (question.replaces) {
        for (const optionId of Object.values(question.replaces.options)) {
          if (!optionIds.has(optionId)) throw new QuestionnaireError(file, question.id, `replaces maps onto unknown option "${optionId}"`);
        }
      }
      for (const link of question.indicators) {
        for (const optionId of [...link.inGroup, ...link.outOfGroup]) {
          if (!optionIds.has(optionId)) {
            throw new QuestionnaireError(file, question.id, `indicator ${link.indicator} refers to unknown option "${optionId}"`);
          }
        }
      }
      seen.set(question.id, optionIds);
    }
  }
}
