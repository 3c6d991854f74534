/**
 * A re-audit starts from the previous audit's answers: those whose meaning did not change are copied, each
 * waiting to be confirmed; the others are dropped rather than guessed.
 *
 * An answer's meaning did not change when the current questionnaire has a question of the same id with the same
 * option (ids are never reused with another meaning; a change of meaning gets a new id), or when a question of a
 * newer version `replaces` the old question and maps the old option onto one of its own. A "je ne sais pas" is
 * carried only to the same question: under a new question it would not say what the person did not know.
 */
import type { Answer } from '../audit/types';
import type { Question, Questionnaire } from '../questionnaire/schema';

export interface CarriedOver<A extends Answer> {
  answers: Record<string, A>;
  /** Ids of the copied questions, in questionnaire order: the answers to confirm. */
  carried: string[];
}

function carriedAnswer<A extends Answer>(question: Question, previous: Readonly<Record<string, A | undefined>>): A | undefined {
  const same = previous[question.id];
  if (same !== undefined && (same.kind === 'dontKnow' || question.options.some((o) => o.id === same.optionId))) return same;
  const replaces = question.replaces;
  if (!replaces) return undefined;
  const old = previous[replaces.question];
  if (old?.kind !== 'option' || !Object.hasOwn(replaces.options, old.optionId)) return undefined;
  const optionId = replaces.options[old.optionId];
  if (optionId === undefined || !question.options.some((o) => o.id === optionId)) return undefined;
  return { ...old, optionId };
}

export function carryOverAnswers<A extends Answer>(
  previous: Readonly<Record<string, A | undefined>>,
  questionnaire: Questionnaire,
): CarriedOver<A> {
  const answers: Record<string, A> = {};
  const carried: string[] = [];
  for (const theme of questionnaire.themes) {
    for (const question of theme.questions) {
      const answer = carriedAnswer(question, previous);
      if (answer === undefined) continue;
      answers[question.id] = answer;
      carried.push(question.id);
    }
  }
  return { answers, carried };
}
