/**
 * One question: its options plus "je ne sais pas", the help text behind a disclosure, and the criticality.
 * A click stores the answer at once; there is no save button.
 */
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../domain/audit/types';
import type { Question } from '../../domain/questionnaire/schema';
import { useLocalize } from '../../components/use-questionnaire';

export const DONT_KNOW_VALUE = '__dont-know';

export function QuestionCard({
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
  onAnswer: (answer: Answer) => void;
}) {
  const { t } = useTranslation('audit');
  const l = useLocalize();
  const selected = answer === undefined ? undefined : answer.kind === 'dontKnow' ? DONT_KNOW_VALUE : answer.optionId;
  const name = `question-${question.id}`;
  const helpId = `${name}-help`;
  const choose = (value: string) =>
    onAnswer(value === DONT_KNOW_VALUE ? { kind: 'dontKnow' } : { kind: 'option', optionId: value });

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
      <div className="choices">
        {question.options.map((option) => (
          <label key={option.id} className="choice">
            <input type="radio" name={name} value={option.id} checked={selected === option.id} onChange={() => choose(option.id)} />
            <span>{l(option.label)}</span>
          </label>
        ))}
        <label className="choice choice--dont-know">
          <input type="radio" name={name} value={DONT_KNOW_VALUE} checked={selected === DONT_KNOW_VALUE} onChange={() => choose(DONT_KNOW_VALUE)} />
          <span>{t('question.dontKnow')}</span>
        </label>
      </div>
      {unconfirmed && answer && (
        <button type="button" className="button button--quiet" onClick={() => onAnswer(answer)}>
          {t('question.confirm')}
        </button>
      )}
    </fieldset>
  );
}
