/**
 * A fast path through the format 1 schema for the files that pass it: the same rules as exportDocumentV1Schema,
 * written as plain loops, returning the same document zod would (text cleaned, names trimmed) or null. Null
 * says nothing: the door then asks zod, which accepts what this path did not try to (an odd but valid file) and
 * words the refusal. So this path may only accept what zod accepts, with the same output: a test holds it to
 * that on valid files, every hostile file and a table of one-field corruptions.
 *
 * Why: jitless zod (the CSP forbids the eval its compiled checks need) spent about 12 ms a 2,000-audit file on
 * the records around the answers, and as much again in collecting its garbage; an EPCI imports 18 such files.
 */
import { z } from 'zod';
import { INSEE_PATTERN, POSTCODE_PATTERN, SIREN_PATTERN } from '../audit/commune-schema';
import { PROFILE_LIMITS, type CommuneProfile } from '../audit/types';
import { findAnswersIssue, isPlainObject, ISO_DATE_TIME_PATTERN, stableIdProblem } from './check-answers';
import { DATE_TIME_MAX_LENGTH, DUE_DATE_LIMITS } from '../limits';
import { cleanText } from './clean-text';
import { EXPORT_FORMAT_ID } from './export-format';
import {
  PAYLOAD_LIMITS,
  QUESTIONNAIRE_VERSIONS,
  RECORD_ID_PATTERN,
  TEXT_LIMITS,
  type ExportDocumentV1,
  type ExportedAudit,
  type ExportedCommune,
  type ExportedPlanItem,
} from './schema-v1';

const DATE = z.regexes.date;

type Plain = Record<string, unknown>;

/** Exactly these own keys, and `optional` more (zod's strict objects count own enumerable string keys). */
function hasKeys(value: Plain, keys: readonly string[], optional = 0): boolean {
  return Object.keys(value).length === keys.length + optional && keys.every((key) => Object.hasOwn(value, key));
}

const isString = (value: unknown): value is string => typeof value === 'string';
const recordId = (value: unknown): value is string => isString(value) && RECORD_ID_PATTERN.test(value);
const stableId = (value: unknown): value is string => stableIdProblem(value) === null;
const dateTime = (value: unknown): value is string => isString(value) && value.length <= DATE_TIME_MAX_LENGTH && ISO_DATE_TIME_PATTERN.test(value);
const dueDate = (value: unknown): value is string =>
  isString(value) && (value === '' || (DATE.test(value) && value >= DUE_DATE_LIMITS.min && value <= DUE_DATE_LIMITS.max));
const text = (value: unknown, max: number): value is string => isString(value) && value.length <= max;
const optionalPattern = (value: unknown, pattern: RegExp): value is string => isString(value) && (value === '' || pattern.test(value));
const count = (value: unknown, limits: { min: number; max: number }): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= limits.min && value <= limits.max;

const PROFILE_KEYS = ['population', 'agents', 'computers', 'itProvider', 'hasServer'] as const;
function profile(value: unknown): CommuneProfile | null {
  if (!isPlainObject(value) || !hasKeys(value, PROFILE_KEYS)) return null;
  const { population, agents, computers, itProvider, hasServer } = value;
  if (!count(population, PROFILE_LIMITS.population) || !count(agents, PROFILE_LIMITS.agents) || !count(computers, PROFILE_LIMITS.computers)) return null;
  if (typeof itProvider !== 'boolean' || typeof hasServer !== 'boolean') return null;
  return { population, agents, computers, itProvider, hasServer };
}

const COMMUNE_KEYS = ['id', 'name', 'insee', 'postcode', 'epciSiren', 'epciName', 'profile', 'createdAt', 'updatedAt'] as const;
function commune(value: unknown): ExportedCommune | null {
  if (!isPlainObject(value) || !hasKeys(value, COMMUNE_KEYS)) return null;
  const { id, name, insee, postcode, epciSiren, epciName, createdAt, updatedAt } = value;
  if (!recordId(id) || !text(name, TEXT_LIMITS.communeName) || !text(epciName, TEXT_LIMITS.epciName)) return null;
  const cleanName = cleanText(name).trim();
  if (cleanName === '') return null;
  if (!optionalPattern(insee, INSEE_PATTERN) || !optionalPattern(postcode, POSTCODE_PATTERN) || !optionalPattern(epciSiren, SIREN_PATTERN)) return null;
  if (!dateTime(createdAt) || !dateTime(updatedAt)) return null;
  const checkedProfile = profile(value.profile);
  if (!checkedProfile) return null;
  return { id, name: cleanName, insee, postcode, epciSiren, epciName: cleanText(epciName), profile: checkedProfile, createdAt, updatedAt };
}

const AUDIT_KEYS = [
  'id',
  'communeId',
  'questionnaireId',
  'questionnaireVersion',
  'auditor',
  'status',
  'profile',
  'answers',
  'previousAuditId',
  'unconfirmed',
  'lastThemeId',
  'origin',
  'startedAt',
  'updatedAt',
  'completedAt',
] as const;
function audit(value: unknown): ExportedAudit | null {
  if (!isPlainObject(value) || !hasKeys(value, AUDIT_KEYS)) return null;
  const { id, communeId, questionnaireId, questionnaireVersion, auditor, status, answers, previousAuditId, unconfirmed, lastThemeId, origin } = value;
  const { startedAt, updatedAt, completedAt } = value;
  if (!recordId(id) || !recordId(communeId) || !stableId(questionnaireId)) return null;
  if (!count(questionnaireVersion, QUESTIONNAIRE_VERSIONS) || !text(auditor, TEXT_LIMITS.auditor)) return null;
  if ((status !== 'in-progress' && status !== 'completed') || (origin !== 'local' && origin !== 'imported')) return null;
  if (previousAuditId !== null && !recordId(previousAuditId)) return null;
  if (lastThemeId !== null && !stableId(lastThemeId)) return null;
  if (!Array.isArray(unconfirmed) || unconfirmed.length > PAYLOAD_LIMITS.answersPerAudit || !unconfirmed.every(stableId)) return null;
  if (!dateTime(startedAt) || !dateTime(updatedAt) || (completedAt !== null && !dateTime(completedAt))) return null;
  const checkedProfile = profile(value.profile);
  if (!checkedProfile || findAnswersIssue(answers, PAYLOAD_LIMITS.answersPerAudit) !== null) return null;
  return {
    id,
    communeId,
    questionnaireId,
    questionnaireVersion,
    auditor: cleanText(auditor),
    status,
    profile: checkedProfile,
    // Checked entry by entry above, kept as JSON.parse made it (as the schema does).
    answers: answers as ExportedAudit['answers'],
    previousAuditId,
    unconfirmed: [...unconfirmed],
    lastThemeId,
    origin,
    startedAt,
    updatedAt,
    completedAt,
  };
}

const PLAN_ITEM_KEYS = ['auditId', 'actionId', 'communeId', 'owner', 'dueDate', 'status', 'note', 'updatedAt'] as const;
function planItem(value: unknown): ExportedPlanItem | null {
  if (!isPlainObject(value) || !hasKeys(value, PLAN_ITEM_KEYS)) return null;
  const { auditId, actionId, communeId, owner, dueDate: due, status, note, updatedAt } = value;
  if (!recordId(auditId) || !stableId(actionId) || !recordId(communeId) || !text(owner, TEXT_LIMITS.owner) || !text(note, TEXT_LIMITS.note)) return null;
  if (!dueDate(due)) return null;
  if ((status !== 'todo' && status !== 'in-progress' && status !== 'done') || !dateTime(updatedAt)) return null;
  return { auditId, actionId, communeId, owner: cleanText(owner), dueDate: due, status, note: cleanText(note), updatedAt };
}

function all<T>(value: unknown, max: number, check: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(value) || value.length > max) return null;
  const checked: T[] = [];
  for (const item of value) {
    const result = check(item);
    if (result === null) return null;
    checked.push(result);
  }
  return checked;
}

const DOCUMENT_KEYS = ['format', 'version', 'exportedAt', 'app', 'kind', 'payload'] as const;
const PAYLOAD_KEYS = ['communes', 'audits', 'planItems'] as const;

export function fastDocumentV1(value: unknown): ExportDocumentV1 | null {
  if (!isPlainObject(value)) return null;
  const encrypted = Object.hasOwn(value, 'encrypted');
  if (!hasKeys(value, DOCUMENT_KEYS, encrypted ? 1 : 0) || (encrypted && value.encrypted !== false)) return null;
  const { format, version, exportedAt, app, kind, payload } = value;
  if (format !== EXPORT_FORMAT_ID || version !== 1 || !dateTime(exportedAt) || (kind !== 'audits' && kind !== 'backup')) return null;
  if (!isPlainObject(app) || !hasKeys(app, ['version']) || !text(app.version, TEXT_LIMITS.appVersion)) return null;
  if (!isPlainObject(payload) || !hasKeys(payload, PAYLOAD_KEYS)) return null;
  const communes = all(payload.communes, PAYLOAD_LIMITS.communes, commune);
  const audits = communes && all(payload.audits, PAYLOAD_LIMITS.audits, audit);
  const planItems = audits && all(payload.planItems, PAYLOAD_LIMITS.planItems, planItem);
  if (!communes || !audits || !planItems) return null;
  return {
    format,
    version,
    ...(encrypted ? { encrypted: false as const } : {}),
    exportedAt,
    app: { version: cleanText(app.version) },
    kind,
    payload: { communes, audits, planItems },
  };
}
