/**
 * One question: its options plus "je ne sais pas", the help text behind a disclosure, and the criticality.
 * A click stores the answer at once; there is no save button.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../domain/audit/types';
import type { Question } from '../../domain/questionnaire/schema';
import { AnswerChoices, answerValue } from '../../components/answer-choices';
import { useLocalize } from '../../components/use-questionnaire';

/**
 * Memoised: an answer renders the theme page again (at once, then when stored), and only the question answered (or
 * a follow-up it shows) has anything new to draw; `onAnswer` is the page's one stable callback, given the id.
 */
export const QuestionCard = memo(function QuestionCard({
  question,
  number,
  answer,
  unconfirmed,
  onAnswer,
}: {
  question: Question;
  number: number;
  answer: Answer | undefined;
  unconfirmed: boolean;
  onAnswer: (questionId: string, answer: Answer) => void;
}) {
  const { t } = useTranslation('audit');
  const l = useLocalize();
  const selected = answer === undefined ? undefined : answerValue(answer);
  const name = `question-${question.id}`;
  const helpId = `${name}-help`;

  return (
    <fieldset className={`question${answer ? ' question--answered' : ''}`} id={name} aria-describedby={helpId}>
      <legend className="question__text">
        <span className="question__number">{t('question.number', { number })}</span> {l(question.text)}
      </legend>
      <p className="question__meta">
        <span className={`badge badge--${question.criticality}`}>{t(`criticality.${question.criticality}`)}</span>
        {unconfirmed && <span className="badge badge--carried">{t('question.carriedOver')}</span>}
      </p>
      <details className="help" id={helpId}>
        <summary>{t('question.help')}</summary>
        <p>{l(question.help)}</p>
      </details>
      <AnswerChoices question={question} name={name} selected={selected} dontKnowLabel={t('question.dontKnow')} onChoose={(value) => onAnswer(question.id, value)} />
      {unconfirmed && answer && (
        <button type="button" className="button button--quiet" onClick={() => onAnswer(question.id, answer)}>
          {t('question.confirm')}
        </button>
      )}
    </fieldset>
  );
});
