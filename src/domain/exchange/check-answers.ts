/** Strict, hand-written validator of an imported audit's answers map (the bulk of an export file). */
import { z } from 'zod';
import { isCanonicalInstant, storableInstant } from '../instant';
import { DATE_TIME_MAX_LENGTH } from '../limits';

/*
 * Why not zod here: an audit carries about 80 answers and the CSP forbids the eval zod would need to compile its
 * checks, so jitless zod spent most of an EPCI import on this map alone (docs/measurements.md). These checks are the
 * same rules as zod's record of strict discriminated objects, written as plain loops: nothing is weakened.
 */

/** Questionnaire, theme, question, option and action ids: kebab-case, as in questionnaires/. */
export const STABLE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const STABLE_ID_MAX_LENGTH = 100;
/** Keys that would reach an object's prototype once used as a property name. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** The pattern zod's z.iso.datetime({ offset: true }) uses (the schema's answeredAt), taken from zod itself. */
const ISO_DATE_TIME_PATTERN = z.regexes.datetime({ offset: true });

export type ImportedAnswer = { kind: 'option'; optionId: string; answeredAt: string } | { kind: 'dontKnow'; answeredAt: string };

/** Where the first problem is (relative to the answers map) and its code, as in describeIssue's "path: code". */
export interface AnswersIssue {
  path: string[];
  code: string;
}

/**
 * Ids already found valid. A file repeats the same hundred question ids and few hundred option ids in every
 * audit: a set lookup instead of the pattern for 300,000 ids a file. Bounded, so a hostile file of unique ids
 * only falls back to the pattern.
 */
const validIds = new Set<string>();
const VALID_IDS_KEPT = 5_000;

/** The stable-id rules, in zod's order: length, pattern, reserved word. Returns the failing code, or null. */
function stableIdProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'invalid_type';
  if (validIds.has(value)) return null;
  if (value.length > STABLE_ID_MAX_LENGTH) return 'too-long';
  if (!STABLE_ID_PATTERN.test(value)) return 'stable-id';
  if (RESERVED_KEYS.has(value)) return 'reserved';
  if (validIds.size < VALID_IDS_KEPT) validIds.add(value);
  return null;
}

/** A plain object as JSON.parse makes them (zod's records and objects refuse arrays, dates, class instances). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The keys zod's strict objects count (own, enumerable, string): the entry's unrecognised-key rule exactly.
 * Object.keys rather than Reflect.ownKeys: 150,000 answers an import file, and the former is twice as fast.
 */
const keyCount = (value: object) => Object.keys(value).length;

function answerProblem(answer: unknown): AnswersIssue | null {
  if (!isPlainObject(answer)) return { path: [], code: 'invalid_type' };
  const { kind } = answer;
  if (kind !== 'option' && kind !== 'dontKnow') return { path: ['kind'], code: 'invalid_union' };
  let expectedKeys = 2;
  if (kind === 'option') {
    if (!Object.hasOwn(answer, 'optionId')) return { path: ['optionId'], code: 'invalid_type' };
    const optionProblem = stableIdProblem(answer.optionId);
    if (optionProblem !== null) return { path: ['optionId'], code: optionProblem };
    expectedKeys = 3;
  }
  const { answeredAt } = answer;
  if (!Object.hasOwn(answer, 'answeredAt') || typeof answeredAt !== 'string') return { path: ['answeredAt'], code: 'invalid_type' };
  if (answeredAt.length > DATE_TIME_MAX_LENGTH) return { path: ['answeredAt'], code: 'too-long' };
  if (!ISO_DATE_TIME_PATTERN.test(answeredAt)) return { path: ['answeredAt'], code: 'date-time' };
  if (!isCanonicalInstant(answeredAt) && storableInstant(answeredAt) === null) return { path: ['answeredAt'], code: 'out-of-range' };
  // kind, answeredAt (and optionId) are own keys, checked above: any further key is one too many.
  if (keyCount(answer) !== expectedKeys) return { path: [], code: 'unrecognized_keys' };
  return null;
}

/**
 * The first problem of an answers map, or null when every key is a stable id and every entry exactly
 * `{kind:'option', optionId, answeredAt}` or `{kind:'dontKnow', answeredAt}`, with at most `maxAnswers` entries.
 */
export function findAnswersIssue(value: unknown, maxAnswers: number): AnswersIssue | null {
  if (!isPlainObject(value)) return { path: [], code: 'invalid_type' };
  // Every own key must be an enumerable string (JSON.parse makes no other): checked once for the whole map,
  // rather than key by key, which was much of the time spent on a large file's answers.
  const keys = Object.keys(value);
  if (Object.getOwnPropertySymbols(value).length > 0) return { path: [], code: 'invalid_key' };
  if (Object.getOwnPropertyNames(value).length !== keys.length) {
    const hidden = Object.getOwnPropertyNames(value).find((key) => !Object.prototype.propertyIsEnumerable.call(value, key));
    return { path: hidden === undefined ? [] : [hidden], code: 'invalid_key' };
  }
  if (keys.length > maxAnswers) return { path: [], code: 'too-many' };
  for (const key of keys) {
    // A "__proto__" key (an own property after JSON.parse) is refused as reserved, as the zod schema did.
    const keyProblem = key === '__proto__' ? 'reserved' : stableIdProblem(key);
    if (keyProblem !== null) return { path: [key], code: keyProblem };
    const problem = answerProblem(value[key]);
    if (problem !== null) return { path: [key, ...problem.path], code: problem.code };
  }
  return null;
}

/**
 * A checked answers map with every answeredAt as the app writes it (storableInstant), as the schema's other dates
 * are (a stamp it could not write, which the door refuses, is left as it is). The app's own files need no change,
 * and the map comes back as it was given; otherwise a copy, the caller's map and entries left alone.
 */
export function withStorableAnswerStamps<T extends { answeredAt: string }>(answers: Record<string, T>): Record<string, T> {
  let copy: Record<string, T> | null = null;
  for (const key of Object.keys(answers)) {
    const answer = answers[key];
    if (answer === undefined || isCanonicalInstant(answer.answeredAt)) continue;
    copy ??= { ...answers };
    copy[key] = { ...answer, answeredAt: storableInstant(answer.answeredAt) ?? answer.answeredAt };
  }
  return copy ?? answers;
}
