/** Turns the raw action files into a checked catalogue, or fails naming the file, the action and the problem. */
import type { z } from 'zod';
import { actionFileSchema, type Action } from './schema';

export class ActionCatalogueError extends Error {
  constructor(
    readonly file: string,
    readonly actionId: string | undefined,
    readonly problem: string,
  ) {
    super(`${file}${actionId ? ` [action ${actionId}]` : ''}: ${problem}`);
    this.name = 'ActionCatalogueError';
  }
}

/** An action with the theme whose file it comes from. */
export interface CatalogueAction extends Action {
  themeId: string;
}

/** Every action of the catalogue, keyed by action id, in file then catalogue order. */
export type ActionCatalogue = ReadonlyMap<string, CatalogueAction>;

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** The id of the action an issue points into, read from the raw data so that the message can name it. */
function actionIdAt(raw: unknown, path: PropertyKey[]): string | undefined {
  if (path[0] !== 'actions' || typeof path[1] !== 'number' || typeof raw !== 'object' || raw === null) return undefined;
  const actions = (raw as { actions?: unknown }).actions;
  if (!Array.isArray(actions)) return undefined;
  const action: unknown = actions[path[1]];
  if (typeof action === 'object' && action !== null && 'id' in action && typeof action.id === 'string') return action.id;
  return `#${path[1] + 1}`;
}

/** `files` are keyed by theme id (the file name without .json). */
export function parseActionCatalogue(files: Readonly<Record<string, unknown>>): ActionCatalogue {
  const catalogue = new Map<string, CatalogueAction>();
  for (const themeId of Object.keys(files).sort()) {
    const file = `actions/${themeId}.json`;
    const raw = files[themeId];
    const result = actionFileSchema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      if (!issue) throw new ActionCatalogueError(file, undefined, 'invalid');
      throw new ActionCatalogueError(file, actionIdAt(raw, issue.path), describeIssue(issue));
    }
    if (result.data.themeId !== themeId) {
      throw new ActionCatalogueError(file, undefined, `theme id "${result.data.themeId}" differs from its file name`);
    }
    for (const action of result.data.actions) {
      if (catalogue.has(action.id)) throw new ActionCatalogueError(file, action.id, 'action id is used twice');
      if (!action.id.startsWith(`${themeId}-`)) {
        throw new ActionCatalogueError(file, action.id, `action id must start with the theme id "${themeId}-"`);
      }
      catalogue.set(action.id, { ...action, themeId });
    }
  }
  return catalogue;
}
