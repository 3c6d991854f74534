/**
 * Builds a commune's answers for judgement tests: the answers written in the table, and for every other question
 * asked a default (the best practice, or the half answer), following the showIf conditions in questionnaire order
 * as the audit pages do. A written answer to a question the commune is not asked is an error, so a typo or a
 * question sized away cannot silently drop out of a case.
 */
import type { Answer, Answers, CommuneProfile } from '../../../src/domain/audit/types';
import { isApplicable } from '../../../src/domain/questionnaire/conditions';
import { optionScore, type Question, type Questionnaire } from '../../../src/domain/questionnaire/schema';

/** 'best': in place wherever not written; 'partly': the half answer, or the gap where a question has none. */
export type DefaultAnswer = 'best' | 'partly';

/** Written answers: an option id, or 'dontKnow'. */
export type WrittenAnswers = Readonly<Record<string, string>>;

function defaultOption(question: Question, mode: DefaultAnswer): string {
  const scored = question.options.filter((option) => optionScore(option) !== null);
  const pick =
    mode === 'best'
      ? scored.find((option) => optionScore(option) === 1)
      : (scored.find((option) => optionScore(option) === 0.5) ?? scored.find((option) => optionScore(option) === 0));
  if (!pick) throw new Error(`${question.id}: no option for the default "${mode}"`);
  return pick.id;
}

export function answerAs(questionnaire: Questionnaire, profile: CommuneProfile, mode: DefaultAnswer, written: WrittenAnswers): Answers {
  const answers: Record<string, Answer> = {};
  const used = new Set<string>();
  for (const question of questionnaire.themes.flatMap((theme) => theme.questions)) {
    if (!isApplicable(question, profile)) continue;
    if (question.showIf) {
      const parent = answers[question.showIf.question];
      if (parent?.kind !== 'option' || !question.showIf.anyOf.includes(parent.optionId)) continue;
    }
    const choice = written[question.id];
    if (choice !== undefined) used.add(question.id);
    if (choice === 'dontKnow') {
      answers[question.id] = { kind: 'dontKnow' };
      continue;
    }
    const optionId = choice ?? defaultOption(question, mode);
    if (!question.options.some((option) => option.id === optionId)) throw new Error(`${question.id}: no option "${optionId}"`);
    answers[question.id] = { kind: 'option', optionId };
  }
  const unused = Object.keys(written).filter((id) => !used.has(id));
  if (unused.length > 0) throw new Error(`answers written for questions this commune is not asked: ${unused.join(', ')}`);
  return answers;
}
