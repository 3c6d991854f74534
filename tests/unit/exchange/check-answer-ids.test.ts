import { describe, expect, it } from 'vitest';
import { findUnknownAnswerId, indexAnswerIds, withoutUnknownAnswers } from '../../../src/domain/exchange/check-answer-ids';
import { KNOWN_ANSWER_IDS } from '../../../src/content/questionnaire-ids';
import { loadQuestionnaireVersion } from '../../../src/content/load-questionnaire';

const AT = '2026-03-04T10:20:30.000Z';
const option = (optionId: string) => ({ kind: 'option' as const, optionId, answeredAt: AT });
const dontKnow = { kind: 'dontKnow' as const, answeredAt: AT };

/** Two small versions: "backup-offline" changed its options in version 2, "backup-tape" exists in version 1 only. */
const known = indexAnswerIds([
  { id: 'q', version: 1, questions: { 'backup-exists': ['yes', 'no'], 'backup-tape': ['yes', 'no'], 'backup-offline': ['weekly', 'never'] } },
  { id: 'q', version: 2, questions: { 'backup-exists': ['yes', 'no'], 'backup-offline': ['unplugged', 'immutable', 'none'] } },
]);

const audit = (questionnaireVersion: number, answers: Record<string, ReturnType<typeof option> | typeof dontKnow>, unconfirmed: string[] = [], questionnaireId = 'q') => ({
  questionnaireId,
  questionnaireVersion,
  answers,
  unconfirmed,
});

describe('findUnknownAnswerId', () => {
  it.each([
    ['answers of version 1 in a version 1 audit', [audit(1, { 'backup-tape': option('no'), 'backup-offline': option('weekly'), 'backup-exists': dontKnow })]],
    ['answers of version 2 in a version 2 audit', [audit(2, { 'backup-offline': option('immutable') }, ['backup-exists'])]],
    ['a mix of both versions, each in its own audit', [audit(1, { 'backup-tape': option('yes') }), audit(2, { 'backup-offline': option('none') })]],
    ['a "je ne sais pas" on any question of the version', [audit(2, { 'backup-exists': dontKnow, 'backup-offline': dontKnow })]],
    ['an audit of a version this app does not have (a newer app)', [audit(3, { 'backup-hologram': option('yes') })]],
    ['an audit of another questionnaire', [audit(1, { 'other-question': option('x') }, [], 'other')]],
  ])('accepts %s', (_, audits) => {
    expect(findUnknownAnswerId(audits, known)).toBeNull();
  });

  it.each([
    ['a question the version does not have', [audit(1, { 'backup-exists': option('yes'), 'backup-cloud': option('yes') })], 'payload.audits.0.answers.backup-cloud: unknown-question'],
    ['a "je ne sais pas" on such a question', [audit(1, { 'backup-cloud': dontKnow })], 'payload.audits.0.answers.backup-cloud: unknown-question'],
    ['an option the question does not offer', [audit(1, { 'backup-exists': option('maybe') })], 'payload.audits.0.answers.backup-exists.optionId: unknown-option'],
    ['a version 1 question in a version 2 audit', [audit(1, {}), audit(2, { 'backup-tape': option('yes') })], 'payload.audits.1.answers.backup-tape: unknown-question'],
    ['a version 1 option of a question whose options changed', [audit(2, { 'backup-offline': option('weekly') })], 'payload.audits.0.answers.backup-offline.optionId: unknown-option'],
    ['a question to confirm the version does not have', [audit(2, {}, ['backup-exists', 'backup-tape'])], 'payload.audits.0.unconfirmed.1: unknown-question'],
  ])('refuses %s, naming the field', (_, audits, detail) => {
    expect(findUnknownAnswerId(audits, known)).toBe(detail);
  });
});

describe('withoutUnknownAnswers (export)', () => {
  it('keeps an audit whose answers its version knows as it is', () => {
    const kept = audit(2, { 'backup-offline': option('none') }, ['backup-offline']);
    expect(withoutUnknownAnswers(kept, known)).toBe(kept);
  });

  it('leaves out the answers and questions to confirm that its version does not know, and nothing else', () => {
    const stored = audit(2, { 'backup-offline': option('weekly'), 'backup-tape': dontKnow, 'backup-exists': option('yes') }, ['backup-tape', 'backup-exists']);
    const exported = withoutUnknownAnswers(stored, known);
    expect(exported).toEqual(audit(2, { 'backup-exists': option('yes') }, ['backup-exists']));
    expect(findUnknownAnswerId([exported], known)).toBeNull();
  });
});

describe('the shipped ids (virtual:questionnaire-ids)', () => {
  it.each([1, 2])('are exactly the questions and options of version %i', async (version) => {
    const questionnaire = await loadQuestionnaireVersion(version);
    if (!questionnaire) throw new Error(`version ${version} is shipped`);
    const ids = KNOWN_ANSWER_IDS.get(`${questionnaire.id}@${version}`);
    const expected = new Map(questionnaire.themes.flatMap((t) => t.questions).map((q) => [q.id, new Set(q.options.map((o) => o.id))]));
    expect(ids).toEqual(expected);
  });
});
