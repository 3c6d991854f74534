/** The questions for one person: the message (copy, print, mail program) and a form to record the answers. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerChoices, DONT_KNOW_VALUE } from '../../components/answer-choices';
import { useLocalize } from '../../components/use-questionnaire';
import { saveAnswer } from '../../db/audits-repository';
import type { AuditRecord } from '../../db/records';
import type { Answer } from '../../domain/audit/types';
import type { Knower, Question } from '../../domain/questionnaire/schema';
import { MAILTO_SAFE_LENGTH, mailtoHref, messageText, questionMessage } from './question-message';

type CopyState = 'idle' | 'copied' | 'failed';

export function QuestionGroup({
  knower,
  questions,
  pending,
  audit,
  commune,
  printing,
  onPrint,
  onAnswered,
}: {
  knower: Knower;
  /** The group's questions on screen: still to ask, and those answered on this page. */
  questions: readonly Question[];
  /** Ids of the questions still answered "je ne sais pas". */
  pending: ReadonlySet<string>;
  audit: Pick<AuditRecord, 'id' | 'auditor' | 'answers'>;
  commune: string;
  printing: boolean;
  onPrint: (knower: Knower | null) => void;
  onAnswered: (question: Question) => void;
}) {
  const { t } = useTranslation('plan');
  const l = useLocalize();
  const id = useId();
  const [copy, setCopy] = useState<CopyState>('idle');
  const toAsk = questions.filter((question) => pending.has(question.id));
  const message = questionMessage(
    { commune, auditor: audit.auditor, questions: toAsk.map((question) => ({ text: l(question.text), options: question.options.map((o) => l(o.label)) })) },
    t,
  );
  const href = mailtoHref(message);
  const headingId = `knower-${knower}`;

  // Prints once this group is the only one the print styles keep, then gives the page back.
  useEffect(() => {
    if (!printing) return;
    const done = () => onPrint(null);
    window.addEventListener('afterprint', done, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', done);
  }, [printing, onPrint]);

  const copyMessage = () => {
    setCopy('idle');
    navigator.clipboard.writeText(messageText(message)).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <section className={`questions-group${printing ? ' questions-group--printing' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(`recipient.${knower}`)} <span className="questions-group__count">{t('questions.count', { count: toAsk.length })}</span>
      </h2>
      {toAsk.length > 0 ? (
        <>
          <div className="questions-group__actions">
            <button type="button" className="button" onClick={copyMessage}>
              {t('questions.copy')}
            </button>
            <button type="button" className="button" onClick={() => onPrint(knower)}>
              {t('questions.print')}
            </button>
            <a className="button" href={href}>
              {t('questions.mail')}
            </a>
          </div>
          <p className="field__hint">{href.length > MAILTO_SAFE_LENGTH ? t('questions.mailLong') : t('questions.mailHint')}</p>
          <p role="status" className="questions-group__status">
            {copy === 'copied' ? t('questions.copied') : copy === 'failed' ? t('questions.copyFailed') : ''}
          </p>
          <details className="questions-group__preview">
            <summary>{t('questions.preview')}</summary>
            <MessageText subject={message.subject} body={message.body} />
          </details>
          <div className="questions-group__print" aria-hidden="true">
            <MessageText subject={message.subject} body={message.body} />
          </div>
        </>
      ) : (
        <p>{t('questions.allAnswered')}</p>
      )}
      <h3 className="questions-group__record">{t('questions.record')}</h3>
      <p className="field__hint">{t('questions.recordHint')}</p>
      {questions.map((question) => (
        <AnswerField
          key={question.id}
          idPrefix={id}
          question={question}
          answer={audit.answers[question.id]}
          auditId={audit.id}
          onAnswered={onAnswered}
        />
      ))}
    </section>
  );
}

function MessageText({ subject, body }: { subject: string; body: string }) {
  const { t } = useTranslation('plan');
  return (
    <div className="questions-message">
      <p>
        <strong>{t('questions.subject')}</strong> {subject}
      </p>
      <p className="questions-message__body">{body}</p>
    </div>
  );
}

function AnswerField({
  idPrefix,
  question,
  answer,
  auditId,
  onAnswered,
}: {
  idPrefix: string;
  question: Question;
  answer: Answer | undefined;
  auditId: string;
  onAnswered: (question: Question) => void;
}) {
  const { t } = useTranslation('plan');
  const l = useLocalize();
  const [state, setState] = useState<'idle' | 'saved' | 'failed'>('idle');
  const stored = answer?.kind === 'option' ? answer.optionId : DONT_KNOW_VALUE;
  const [selected, setSelected] = useState(stored);
  const name = `${idPrefix}-${question.id}`;
  const choose = (next: Answer, value: string) => {
    setSelected(value);
    onAnswered(question);
    saveAnswer(auditId, question.id, next).then(
      () => setState('saved'),
      () => {
        setSelected(stored);
        setState('failed');
      },
    );
  };
  return (
    <fieldset className="question questions-answer">
      <legend className="question__text">{l(question.text)}</legend>
      <AnswerChoices question={question} name={name} selected={selected} dontKnowLabel={t('questions.stillDontKnow')} onChoose={choose} />
      <p role="status" className="questions-answer__status">
        {state === 'saved' ? t('questions.saved') : ''}
      </p>
      {state === 'failed' && (
        <p className="alert alert--error" role="alert">
          {t('saveError')}
        </p>
      )}
    </fieldset>
  );
}
