/** The state of a control in a few words: partly, missing, to check, missing because of another answer, sans objet. */
import { useTranslation } from 'react-i18next';
import { answerLabel } from '../../components/answer-label';
import { useLocalize, useQuestionnaire } from '../../components/use-questionnaire';
import type { QuestionOutcome } from '../../domain/scoring/compute-results';

export function OutcomeState({ outcome }: { outcome: QuestionOutcome }) {
  const { t, i18n } = useTranslation('results');
  const l = useLocalize();
  const questionnaire = useQuestionnaire();
  if (outcome.status === 'implied-gap' && outcome.impliedBy) {
    const { parentQuestionId, parentOptionId } = outcome.impliedBy;
    const parent = questionnaire.themes.flatMap((theme) => theme.questions).find((q) => q.id === parentQuestionId);
    const answer = parent ? answerLabel(parent, { kind: 'option', optionId: parentOptionId }, i18n.language, t) : '';
    return <>{t('status.implied-gap', { answer, question: parent ? l(parent.text) : '' })}</>;
  }
  return <>{t(`status.${outcome.status}`)}</>;
}
