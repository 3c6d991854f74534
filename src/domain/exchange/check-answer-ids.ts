/**
 * Answers checked against the ids of the audit's own questionnaire version: an imported answer to a question that
 * version does not have, or with an option it does not offer, is refused rather than kept and counted as unanswered.
 */
import type { ExportedAudit } from './schema-v1';

/** The question ids of one questionnaire version, each with its option ids (made at build time from questionnaires/). */
export interface QuestionnaireIdTable {
  id: string;
  version: number;
  questions: Readonly<Record<string, readonly string[]>>;
}

/** questionnaireId@version → question id → its option ids. */
export type KnownAnswerIds = ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;

const keyOf = (questionnaireId: string, version: number) => `${questionnaireId}@${version}`;

export function indexAnswerIds(tables: readonly QuestionnaireIdTable[]): KnownAnswerIds {
  return new Map(
    tables.map((table) => [keyOf(table.id, table.version), new Map(Object.entries(table.questions).map(([question, options]) => [question, new Set(options)]))]),
  );
}

type CheckedAudit = Pick<ExportedAudit, 'questionnaireId' | 'questionnaireVersion' | 'answers' | 'unconfirmed'>;

/**
 * The first answer (or question to confirm) that the audit's questionnaire version does not know, as the door's
 * "path: code" detail, or null. An audit of a questionnaire this app does not have (a newer version, another id)
 * keeps the shape checks only: nothing here can tell its ids, and the app does not score it.
 *
 * Two map lookups an answer, on maps built once, after the schema has walked the same answers: a small share of the
 * door that an EPCI's national import must keep fast (docs/measurements.md, 2026-12-04).
 */
export function findUnknownAnswerId(audits: readonly CheckedAudit[], known: KnownAnswerIds): string | null {
  for (const [index, audit] of audits.entries()) {
    const questions = known.get(keyOf(audit.questionnaireId, audit.questionnaireVersion));
    if (questions === undefined) continue;
    const { answers } = audit;
    for (const questionId of Object.keys(answers)) {
      const options = questions.get(questionId);
      if (options === undefined) return `payload.audits.${index}.answers.${questionId}: unknown-question`;
      const answer = answers[questionId];
      if (answer?.kind === 'option' && !options.has(answer.optionId)) return `payload.audits.${index}.answers.${questionId}.optionId: unknown-option`;
    }
    for (const [position, questionId] of audit.unconfirmed.entries()) {
      if (!questions.has(questionId)) return `payload.audits.${index}.unconfirmed.${position}: unknown-question`;
    }
  }
  return null;
}

/**
 * The audit without the answers (and questions to confirm) its version does not know, for an export: the door
 * would refuse them, and they count for nothing. Only an audit imported before the door checked ids can hold
 * one; the same audit comes back when there is nothing to leave out.
 */
export function withoutUnknownAnswers<T extends CheckedAudit>(audit: T, known: KnownAnswerIds): T {
  const questions = known.get(keyOf(audit.questionnaireId, audit.questionnaireVersion));
  if (questions === undefined) return audit;
  const isKnown = (questionId: string, answer: CheckedAudit['answers'][string]) => {
    const options = questions.get(questionId);
    return options !== undefined && (answer.kind !== 'option' || options.has(answer.optionId));
  };
  const entries = Object.entries(audit.answers);
  const unconfirmed = audit.unconfirmed.filter((questionId) => questions.has(questionId));
  if (entries.every(([questionId, answer]) => isKnown(questionId, answer)) && unconfirmed.length === audit.unconfirmed.length) return audit;
  return { ...audit, answers: Object.fromEntries(entries.filter(([questionId, answer]) => isKnown(questionId, answer))), unconfirmed };
}
