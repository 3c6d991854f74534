/** Which questions are asked, given the commune profile and the answers so far. */
import type { Answers, CommuneProfile } from '../audit/types';
import type { ProfileCondition, Question, Questionnaire, SingleProfileCondition } from './schema';

function matchesSingle(condition: SingleProfileCondition, profile: CommuneProfile): boolean {
  if ('equals' in condition) return profile[condition.field] === condition.equals;
  if ('below' in condition) return profile[condition.field] < condition.below;
  return profile[condition.field] >= condition.atLeast;
}

/** True when the profile meets the condition (a question "not applicable if" it does); `allOf` is an AND. */
export function matchesProfile(condition: ProfileCondition, profile: CommuneProfile): boolean {
  if ('allOf' in condition) return condition.allOf.every((single) => matchesSingle(single, profile));
  return matchesSingle(condition, profile);
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

/** Why a hidden question counts as a gap: its parent was answered with an option saying the thing is missing. */
export interface ImpliedGap {
  /** The question whose answer says the thing is missing (the first one of a chain of hidden questions). */
  parentQuestionId: string;
  parentOptionId: string;
}

/**
 * The questions that are hidden but count as gaps (`showIf.absentIf`): applicable to the profile, hidden because
 * their parent was answered with an option of `absentIf`, or because their parent is itself an implied gap (no
 * backup at all also means no tested restore). Keyed by question id, with the answer that implies the gap.
 */
export function impliedGaps(questionnaire: Questionnaire, profile: CommuneProfile, answers: Answers, active?: Set<string>): Map<string, ImpliedGap> {
  const asked = active ?? activeQuestionIds(questionnaire, profile, answers);
  const implied = new Map<string, ImpliedGap>();
  for (const theme of questionnaire.themes) {
    for (const question of theme.questions) {
      const condition = question.showIf;
      if (!condition?.absentIf || asked.has(question.id) || !isApplicable(question, profile)) continue;
      const viaParent = implied.get(condition.question);
      if (viaParent) {
        implied.set(question.id, viaParent);
        continue;
      }
      const parent = answers[condition.question];
      if (!asked.has(condition.question) || parent?.kind !== 'option') continue;
      if (condition.absentIf.includes(parent.optionId)) {
        implied.set(question.id, { parentQuestionId: condition.question, parentOptionId: parent.optionId });
      }
    }
  }
  return implied;
}
