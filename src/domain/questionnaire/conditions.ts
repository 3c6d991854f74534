/** Which questions are asked, given the commune profile and the answers so far. */
import type { Answers, CommuneProfile } from '../audit/types';
import type { ProfileCondition, Question, Questionnaire } from './schema';

/** True when the profile meets the condition (a question "not applicable if" it does). */
export function matchesProfile(condition: ProfileCondition, profile: CommuneProfile): boolean {
  switch (condition.field) {
    case 'itProvider':
      return profile.itProvider === condition.equals;
    case 'hasServer':
      return profile.hasServer === condition.equals;
    case 'population':
    case 'agents':
    case 'computers':
      return profile[condition.field] < condition.below;
  }
}

/** False when one of the question's "not applicable" conditions holds for this commune. */
export function isApplicable(question: Question, profile: CommuneProfile): boolean {
  return !(question.notApplicableIf ?? []).some((condition) => matchesProfile(condition, profile));
}

/**
 * The ids of the questions that are asked: applicable to the profile, and whose showIf parent is itself asked
 * and answered with one of the listed options. Conditions only point backwards, so one pass in order suffices.
 */
export function activeQuestionIds(questionnaire: Questionnaire, profile: CommuneProfile, answers: Answers): Set<string> {
  const active = new Set<string>();
  for (const theme of questionnaire.themes) {
    for (const question of theme.questions) {
      if (!isApplicable(question, profile)) continue;
      if (question.showIf) {
        const parent = answers[question.showIf.question];
        if (!active.has(question.showIf.question) || parent?.kind !== 'option') continue;
        if (!question.showIf.anyOf.includes(parent.optionId)) continue;
      }
      active.add(question.id);
    }
  }
  return active;
}
