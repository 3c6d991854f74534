import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findAnswersIssue } from '../../../src/domain/exchange/check-answers';
import { exportedAuditSchema, stableIdSchema, storedAnswerSchema } from '../../../src/domain/exchange/schema-v1';
import { describeIssue } from '../../../src/domain/exchange/describe-issue';

const AT = '2026-03-04T10:20:30.123Z';
const option = (optionId: unknown = 'yes') => ({ kind: 'option', optionId, answeredAt: AT });
const dontKnow = { kind: 'dontKnow', answeredAt: AT };
const MAX = 2_000;

/** The rules the hand-written validator replaces, as zod stated them before (record + "__proto__" guard + cap). */
const zodAnswers = z
  .custom<unknown>((value) => typeof value !== 'object' || value === null || !Object.hasOwn(value, '__proto__'), 'reserved')
  .pipe(z.record(stableIdSchema, storedAnswerSchema))
  .refine((answers) => Object.keys(answers).length <= MAX, 'too-many');

const manyAnswers = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`q-${i}`, dontKnow]));

const valid: [string, unknown][] = [
  ['no answer at all', {}],
  ['an option', { 'backup-offline': option('weekly') }],
  ['a "je ne sais pas"', { 'backup-offline': dontKnow }],
  ['both kinds, digits in ids', { q1: option('opt-2'), 'q-2-b': dontKnow }],
  ['a date with a +02:00 offset', { q1: { kind: 'option', optionId: 'yes', answeredAt: '2026-03-04T10:20:30+02:00' } }],
  ['a date on 29 February of a leap year', { q1: { kind: 'dontKnow', answeredAt: '2024-02-29T00:00:00Z' } }],
  ['keys in another order', { q1: { answeredAt: AT, optionId: 'no', kind: 'option' } }],
  ['an option id of exactly 100 characters', { q1: option('a'.repeat(100)) }],
  ['2,000 answers', manyAnswers(2_000)],
  ['an object without prototype', Object.assign(Object.create(null) as object, { q1: dontKnow })],
];

/** [what, answers, path, code]: each kind of invalid entry, with the issue expected (worked out by hand). */
const invalid: [string, unknown, string[], string][] = [
  ['not an object', 'yes', [], 'invalid_type'],
  ['null', null, [], 'invalid_type'],
  ['missing', undefined, [], 'invalid_type'],
  ['an array', [dontKnow], [], 'invalid_type'],
  ['2,001 answers', manyAnswers(2_001), [], 'too-many'],
  ['a "__proto__" key', JSON.parse(`{"__proto__": ${JSON.stringify(dontKnow)}}`), ['__proto__'], 'reserved'],
  ['a "constructor" key', { constructor: dontKnow }, ['constructor'], 'reserved'],
  ['a "prototype" key', { prototype: dontKnow }, ['prototype'], 'reserved'],
  ['a key in capitals', { Q1: dontKnow }, ['Q1'], 'stable-id'],
  ['a key with a double hyphen', { 'q--1': dontKnow }, ['q--1'], 'stable-id'],
  ['an empty key', { '': dontKnow }, [''], 'stable-id'],
  ['a key of 101 characters', { ['q'.repeat(101)]: dontKnow }, ['q'.repeat(101)], 'too-long'],
  ['a symbol key', { [Symbol('q1')]: dontKnow }, [], 'invalid_key'],
  ['an entry that is a string', { q1: 'yes' }, ['q1'], 'invalid_type'],
  ['an entry that is an array', { q1: [] }, ['q1'], 'invalid_type'],
  ['an unknown kind', { q1: { kind: 'maybe', answeredAt: AT } }, ['q1', 'kind'], 'invalid_union'],
  ['no kind', { q1: { optionId: 'yes', answeredAt: AT } }, ['q1', 'kind'], 'invalid_union'],
  ['an option without optionId', { q1: { kind: 'option', answeredAt: AT } }, ['q1', 'optionId'], 'invalid_type'],
  ['an option id that is a number', { q1: option(3) }, ['q1', 'optionId'], 'invalid_type'],
  ['an option id with a space', { q1: option('oui non') }, ['q1', 'optionId'], 'stable-id'],
  ['an option id of 101 characters', { q1: option('a'.repeat(101)) }, ['q1', 'optionId'], 'too-long'],
  ['an option id "constructor"', { q1: option('constructor') }, ['q1', 'optionId'], 'reserved'],
  ['no date', { q1: { kind: 'dontKnow' } }, ['q1', 'answeredAt'], 'invalid_type'],
  ['a date that is a number', { q1: { kind: 'dontKnow', answeredAt: 1_700_000_000_000 } }, ['q1', 'answeredAt'], 'invalid_type'],
  ['a date without time', { q1: { kind: 'dontKnow', answeredAt: '2026-03-04' } }, ['q1', 'answeredAt'], 'date-time'],
  ['a date without offset', { q1: { kind: 'dontKnow', answeredAt: '2026-03-04T10:20:30' } }, ['q1', 'answeredAt'], 'date-time'],
  ['30 February', { q1: { kind: 'dontKnow', answeredAt: '2026-02-30T10:20:30Z' } }, ['q1', 'answeredAt'], 'date-time'],
  ['a date with text after it', { q1: { kind: 'dontKnow', answeredAt: `${AT} ` } }, ['q1', 'answeredAt'], 'date-time'],
  // The year 0 at 00:30 in Paris is the year -1 in UTC: toISOString would write "-000001-…", never 24 characters.
  ['a date before the year 0 once in UTC', { q1: { kind: 'dontKnow', answeredAt: '0000-01-01T00:30:00+01:00' } }, ['q1', 'answeredAt'], 'out-of-range'],
  ['an unknown field', { q1: { ...dontKnow, note: 'x' } }, ['q1'], 'unrecognized_keys'],
  ['an optionId on a "je ne sais pas"', { q1: { ...dontKnow, optionId: 'yes' } }, ['q1'], 'unrecognized_keys'],
  ['an undefined extra field', { q1: { ...option(), extra: undefined } }, ['q1'], 'unrecognized_keys'],
  ['a "__proto__" field in an entry', { q1: JSON.parse(`{"kind":"dontKnow","answeredAt":"${AT}","__proto__":{"x":1}}`) }, ['q1'], 'unrecognized_keys'],
  ['the first bad entry among good ones', { q1: dontKnow, q2: option('BAD'), q3: option('') }, ['q2', 'optionId'], 'stable-id'],
];

describe('findAnswersIssue', () => {
  it.each(valid)('accepts %s', (_, answers) => {
    expect(findAnswersIssue(answers, MAX)).toBeNull();
  });

  it.each(invalid)('refuses %s', (_, answers, path, code) => {
    expect(findAnswersIssue(answers, MAX)).toEqual({ path, code });
  });

  it('refuses a hidden (non-enumerable) key, which zod\'s record would skip unchecked (JSON.parse never makes one)', () => {
    const hidden = Object.defineProperty({ q1: dontKnow }, 'q2', { value: { kind: 'maybe' }, enumerable: false });
    expect(findAnswersIssue(hidden, MAX)).toEqual({ path: ['q2'], code: 'invalid_key' });
  });

  it.each([...valid.map(([what, answers]): [string, unknown, boolean] => [what, answers, true]), ...invalid.map(([what, answers]): [string, unknown, boolean] => [what, answers, false])])(
    'agrees with the zod record it replaces: %s',
    (_, answers, accepted) => {
      expect(zodAnswers.safeParse(answers).success).toBe(accepted);
    },
  );
});

describe('the audit schema with the hand-written answers check', () => {
  const audit = (answers: unknown) => ({
    id: 'a1',
    communeId: 'c1',
    questionnaireId: 'cyberdiag',
    questionnaireVersion: 1,
    auditor: '',
    status: 'completed',
    profile: { population: 1200, agents: 6, computers: 7, itProvider: true, hasServer: true },
    answers,
    previousAuditId: null,
    unconfirmed: [],
    lastThemeId: null,
    origin: 'local',
    startedAt: AT,
    updatedAt: AT,
    completedAt: AT,
  });

  it('reports the answer at fault as "path: code"', () => {
    const result = exportedAuditSchema.safeParse(audit({ q1: dontKnow, q2: option('Oui') }));
    expect(result.success ? '' : describeIssue(result.error)).toBe('answers.q2.optionId: stable-id');
  });

  it('keeps valid answers as they were', () => {
    const answers = { q1: option('yes'), q2: dontKnow };
    const result = exportedAuditSchema.safeParse(audit(answers));
    expect(result.success ? result.data.answers : null).toEqual(answers);
  });

  it('writes every answer date as the app writes its own, in UTC, leaving the map it was given alone', () => {
    const answers = { q1: { kind: 'option', optionId: 'yes', answeredAt: '2026-03-04T23:59:59+14:00' }, q2: dontKnow };
    const result = exportedAuditSchema.safeParse(audit(answers));
    expect(result.success ? result.data.answers : null).toEqual({ q1: { kind: 'option', optionId: 'yes', answeredAt: '2026-03-04T09:59:59.000Z' }, q2: dontKnow });
    expect(answers.q1.answeredAt).toBe('2026-03-04T23:59:59+14:00');
  });
});
