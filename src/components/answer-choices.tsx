/** A question's options as radio buttons, "je ne sais pas" last: the one way an answer is chosen on any page. */
import type { Answer } from '../domain/audit/types';
import type { Question } from '../domain/questionnaire/schema';
import { useLocalize } from './use-questionnaire';

/** The radio value that stands for "je ne sais pas" (option ids are kebab-case, so it cannot clash). */
export const DONT_KNOW_VALUE = '__dont-know';

export const answerValue = (answer: Answer): string => (answer.kind === 'dontKnow' ? DONT_KNOW_VALUE : answer.optionId);

const toAnswer = (value: string): Answer => (value === DONT_KNOW_VALUE ? { kind: 'dontKnow' } : { kind: 'option', optionId: value });

export function AnswerChoices({
  question,
  name,
  selected,
  dontKnowLabel,
  onChoose,
}: {
  question: Question;
  name: string;
  /** The radio value checked: an option id, DONT_KNOW_VALUE, or undefined while unanswered. */
  selected: string | undefined;
  dontKnowLabel: string;
  onChoose: (answer: Answer, value: string) => void;
}) {
  const l = useLocalize();
  return (
    <div className="choices">
      {question.options.map((option) => (
        <label key={option.id} className="choice">
          <input type="radio" name={name} value={option.id} checked={selected === option.id} onChange={() => onChoose(toAnswer(option.id), option.id)} />
          <span>{l(option.label)}</span>
        </label>
      ))}
      <label className="choice choice--dont-know">
        <input
          type="radio"
          name={name}
          value={DONT_KNOW_VALUE}
          checked={selected === DONT_KNOW_VALUE}
          onChange={() => onChoose({ kind: 'dontKnow' }, DONT_KNOW_VALUE)}
        />
        <span>{dontKnowLabel}</span>
      </label>
    </div>
  );
}
