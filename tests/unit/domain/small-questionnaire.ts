/** Builders of the small questionnaires whose scores the scoring tests work out by hand. */
import type { Question } from '../../../src/domain/questionnaire/schema';

export const text = (s: string) => ({ fr: s, en: s });

/** In place (1 point of the weight), partly (half), not in place (none). */
export const yesPartlyNo = [
  { id: 'yes', label: text('yes'), score: 1 },
  { id: 'partly', label: text('partly'), score: 0.5 },
  { id: 'no', label: text('no'), score: 0 },
];

/** A question answered with yesPartlyNo; its text, help and action are named after its id. */
export const question = (id: string, criticality: Question['criticality'], extra: Partial<Question> = {}): Question => ({
  id,
  text: text(id),
  help: text(id),
  criticality,
  options: yesPartlyNo,
  knower: 'secretary',
  indicators: [],
  actions: [`${id}-fix`],
  ...extra,
});

export const opt = (optionId: string) => ({ kind: 'option' as const, optionId });
