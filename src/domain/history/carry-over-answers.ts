/**
 * A re-audit starts from the previous audit's answers: those whose question, and option, still exist in the
 * current questionnaire are copied, each waiting to be confirmed; the others are dropped rather than guessed.
 */
import type { Answer } from '../audit/types';
import type { Questionnaire } from '../questionnaire/schema';

export interface CarriedOver<A extends Answer> {
  answers: Record<string, A>;
  /** Ids of the copied questions, in questionnaire order: the answers to confirm. */
  carried: string[];
}

export function carryOverAnswers<A extends Answer>(
  previous: Readonly<Record<string, A | undefined>>,
  questionnaire: Questionnaire,
): CarriedOver<A> {
  const answers: Record<string, A> = {};
  const carried: string[] = [];
  for (const theme of questionnaire.themes) {
    for (const question of theme.questions) {
      const answer = previous[question.id];
      if (answer === undefined) continue;
      if (answer.kind === 'option' && !question.options.some((o) => o.id === answer.optionId)) continue;
      answers[question.id] = answer;
      carried.push(question.id);
    }
  }
  return { answers, carried };
}
