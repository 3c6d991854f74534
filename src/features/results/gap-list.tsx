/** A list of answers that lost points, with a link back to the question to change the answer. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answerLabel } from '../../components/answer-label';
import { useLocalize, useQuestionnaire } from '../../components/use-questionnaire';
import type { Answers } from '../../domain/audit/types';
import type { QuestionOutcome } from '../../domain/scoring/compute-results';
import { OutcomeState } from './outcome-state';

export function GapList({
  auditId,
  outcomes,
  answers,
  showKnower = false,
}: {
  auditId: string;
  outcomes: QuestionOutcome[];
  answers: Answers;
  showKnower?: boolean;
}) {
  const { t, i18n } = useTranslation('results');
  const l = useLocalize();
  const questionnaire = useQuestionnaire();
  const questions = new Map(questionnaire.themes.flatMap((theme) => theme.questions.map((q) => [q.id, q] as const)));
  return (
    <ul className="gap-list">
      {outcomes.map((outcome) => {
        const question = questions.get(outcome.questionId);
        if (!question) return null;
        return (
          <li key={outcome.questionId}>
            <Link to={`/audits/${auditId}/themes/${outcome.themeId}#question-${outcome.questionId}`}>{l(question.text)}</Link>
            <span className="gap-list__answer">
              {outcome.status === 'implied-gap' ? (
                <OutcomeState outcome={outcome} />
              ) : (
                t('answered', { answer: answerLabel(question, answers[question.id], i18n.language, t) })
              )}
            </span>
            {showKnower && <span className="gap-list__knower">{t(`verify.knower.${question.knower}`)}</span>}
          </li>
        );
      })}
    </ul>
  );
}
