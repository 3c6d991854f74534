/** The words of a given answer, in the user's language. */
import type { TFunction } from 'i18next';
import type { Answer } from '../domain/audit/types';
import { localize } from '../domain/questionnaire/localize';
import type { Question } from '../domain/questionnaire/schema';

export function answerLabel(question: Question, answer: Answer | undefined, language: string, t: TFunction): string {
  if (!answer) return t('common:answer.none');
  if (answer.kind === 'dontKnow') return t('common:answer.dontKnow');
  const option = question.options.find((o) => o.id === answer.optionId);
  return option ? localize(option.label, language) : t('common:answer.none');
}
