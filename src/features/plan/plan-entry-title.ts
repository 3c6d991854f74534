/** The title of a plan entry as the user reads it: the action's title, or the question to check and whom to ask. */
import type { useLocalize } from '../../components/use-questionnaire';
import type { PlanEntry } from '../../domain/actions/derive-plan';
import type { Question } from '../../domain/questionnaire/schema';

/** Every question of the questionnaire with the theme it belongs to, keyed by id. */
export type QuestionIndex = ReadonlyMap<string, { question: Question; themeId: string }>;

export function planEntryTitle(
  entry: PlanEntry,
  questions: QuestionIndex,
  l: ReturnType<typeof useLocalize>,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (entry.kind === 'action') return l(entry.action.title);
  const found = questions.get(entry.questionId);
  return t('entry.verifyTitle', { knower: t(`knower.${entry.knower}`), question: found ? l(found.question.text) : entry.questionId });
}
