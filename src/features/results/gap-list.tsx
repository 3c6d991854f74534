/**
 * Questions that lost points, each linked back to where its answer is changed, with a few words on it: the answer
 * given (the lists of gaps and of answers to check), or the control's state (what holds the level down).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answerLabel } from '../../components/answer-label';
import { useLocalize, useQuestionnaire } from '../../components/use-questionnaire';
import type { Answers } from '../../domain/audit/types';
import type { QuestionOutcome } from '../../domain/scoring/compute-results';
import { OutcomeState } from './outcome-state';

type GapListProps = { auditId: string; outcomes: QuestionOutcome[] } & (
  | { detail: 'answer'; answers: Answers; showKnower?: boolean }
  | { detail: 'state' }
);

export function GapList(props: GapListProps) {
  const { auditId, outcomes } = props;
  const { t, i18n } = useTranslation('results');
  const l = useLocalize();
  const questionnaire = useQuestionnaire();
  const questions = new Map(questionnaire.themes.flatMap((theme) => theme.questions.map((q) => [q.id, q] as const)));
  return (
    <ul className="gap-list">
      {outcomes.map((outcome) => {
        const question = questions.get(outcome.questionId);
        if (!question) return null;
        // An implied gap is not asked: the link goes to the answer that implies it.
        const target = outcome.impliedBy?.parentQuestionId ?? outcome.questionId;
        return (
          <li key={outcome.questionId}>
            <Link to={`/audits/${auditId}/themes/${outcome.themeId}#question-${target}`}>{l(question.text)}</Link>
            <span className="gap-list__answer">
              {props.detail === 'state' ? (
                <>
                  {outcome.vital ? `${t('level.vital')} · ` : ''}
                  <OutcomeState outcome={outcome} />
                </>
              ) : outcome.status === 'implied-gap' ? (
                <OutcomeState outcome={outcome} />
              ) : (
                t('answered', { answer: answerLabel(question, props.answers[question.id], i18n.language, t) })
              )}
            </span>
            {props.detail === 'answer' && props.showKnower && <span className="gap-list__knower">{t(`verify.knower.${question.knower}`)}</span>}
          </li>
        );
      })}
    </ul>
  );
}
