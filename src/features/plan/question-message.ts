/**
 * The questions for one person, as one message the secrétaire sends herself (copy, print or her mail program):
 * a subject, a greeting, each question with the answers it can take, a sign-off. Nothing is sent by the app.
 */

export interface MessageQuestion {
  text: string;
  options: readonly string[];
}

export interface QuestionMessage {
  subject: string;
  body: string;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function questionMessage(
  { commune, auditor, questions }: { commune: string; auditor: string; questions: readonly MessageQuestion[] },
  t: Translate,
): QuestionMessage {
  const items = questions.map(
    (question, index) => `${index + 1}. ${question.text}\n   ${t('message.options', { options: question.options.join(' / ') })}`,
  );
  const signature = auditor.trim() ? `${t('message.closing')}\n${auditor.trim()}` : t('message.closing');
  return {
    subject: t('message.subject', { commune, count: questions.length }),
    body: [t('message.greeting'), t('message.intro', { commune, count: questions.length }), items.join('\n\n'), t('message.thanks'), signature].join(
      '\n\n',
    ),
  };
}

/** The whole message as text, for the clipboard. */
export const messageText = (message: QuestionMessage) => `${message.subject}\n\n${message.body}`;

/**
 * A mailto: link that opens the user's mail program with the message, recipient left for her to choose (RFC 6068:
 * percent-encoded UTF-8, line breaks as CRLF).
 */
export function mailtoHref(message: QuestionMessage): string {
  const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  return `mailto:?subject=${encode(message.subject)}&body=${encode(message.body)}`;
}

/** Past about 2,000 characters some mail programs cut a mailto: link; the page then suggests copying instead. */
export const MAILTO_SAFE_LENGTH = 2000;
