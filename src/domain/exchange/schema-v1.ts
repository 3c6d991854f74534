/** Format version 1: strict schemas of a plain export document and of the encrypted envelope (unknown keys refused). */
import { z } from 'zod';
import { communeProfileSchema, INSEE_PATTERN, POSTCODE_PATTERN, SIREN_PATTERN } from '../audit/commune-schema';
import { findAnswersIssue, RESERVED_KEYS, STABLE_ID_MAX_LENGTH, STABLE_ID_PATTERN, withStorableAnswerStamps, type ImportedAnswer } from './check-answers';
import { storableInstant } from '../instant';
import { DATE_TIME_MAX_LENGTH, DUE_DATE_LIMITS, PAYLOAD_LIMITS, QUESTIONNAIRE_VERSIONS, TEXT_LIMITS } from '../limits';
import { cleanText } from './clean-text';
import {
  CIPHER_IV_BYTES,
  CIPHER_NAME,
  EXPORT_FORMAT_ID,
  KDF_HASH,
  KDF_ITERATIONS,
  KDF_MAX_ITERATIONS,
  KDF_NAME,
  KDF_SALT_BYTES,
} from './export-format';

/** Record ids: UUIDs as the app makes them, or any short token of letters, digits, "-" and "_". */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const recordIdSchema = z.string().regex(RECORD_ID_PATTERN, 'id');

export { TEXT_LIMITS };

/** Questionnaire, theme, question, option and action ids: kebab-case, as in questionnaires/. Also used as keys. */
export const stableIdSchema = z
  .string()
  .max(STABLE_ID_MAX_LENGTH, 'too-long')
  .regex(STABLE_ID_PATTERN, 'stable-id')
  .refine((id) => !RESERVED_KEYS.has(id), 'reserved');

/**
 * Bounded first: the pattern's fractional seconds would otherwise take megabytes of digits. Then rewritten as the
 * app writes its stamps (storableInstant: UTC, 24 characters): the database and every comparison of text then see
 * instants, whatever offset a file wrote. An instant the app could not write (before the year 0, after 9999) is
 * refused.
 */
export const isoDateTimeSchema = z
  .string()
  .max(DATE_TIME_MAX_LENGTH, 'too-long')
  .pipe(z.iso.datetime({ offset: true, error: 'date-time' }))
  .transform((iso, context) => {
    const stored = storableInstant(iso);
    if (stored !== null) return stored;
    context.issues.push({ code: 'custom', message: 'out-of-range', input: iso });
    return z.NEVER;
  });

/** A due date: empty, or an ISO date within DUE_DATE_LIMITS (same length, so text order is date order). */
export const dueDateSchema = z.union([
  z.literal(''),
  z.iso
    .date({ error: 'date' })
    .refine((date) => date >= DUE_DATE_LIMITS.min && date <= DUE_DATE_LIMITS.max, 'out-of-range'),
]);

const text = (max: number) => z.string().max(max, 'too-long').transform(cleanText);
const requiredText = (max: number) =>
  text(max).pipe(z.string().trim().min(1, 'required'));
const optionalPattern = (pattern: RegExp, code: string) => z.union([z.literal(''), z.string().regex(pattern, code)]);

export const exportedCommuneSchema = z.strictObject({
  id: recordIdSchema,
  name: requiredText(TEXT_LIMITS.communeName),
  insee: optionalPattern(INSEE_PATTERN, 'insee'),
  postcode: optionalPattern(POSTCODE_PATTERN, 'postcode'),
  epciSiren: optionalPattern(SIREN_PATTERN, 'siren'),
  epciName: text(TEXT_LIMITS.epciName),
  profile: communeProfileSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});

/** One answer, as zod states it; the import checks the answers map with check-answers.ts (same rules, tested so). */
export const storedAnswerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('option'), optionId: stableIdSchema, answeredAt: isoDateTimeSchema }),
  z.strictObject({ kind: z.literal('dontKnow'), answeredAt: isoDateTimeSchema }),
]);

/**
 * The same rules as z.record(stableIdSchema, storedAnswerSchema) with the "__proto__" guard and the count cap,
 * checked by a hand-written loop (check-answers.ts): the jitless zod record was most of an import's time. The
 * map is kept as JSON.parse built it, which is safe once every key and entry has been checked exactly (copied only
 * when an answeredAt must be rewritten as the app writes it, like every other date of the door).
 */
const answersSchema = z
  .custom<Record<string, ImportedAnswer>>()
  .check((context) => {
    const issue = findAnswersIssue(context.value, PAYLOAD_LIMITS.answersPerAudit);
    if (issue !== null) context.issues.push({ code: 'custom', message: issue.code, path: issue.path, input: context.value });
  })
  .transform(withStorableAnswerStamps);

export const exportedAuditSchema = z.strictObject({
  id: recordIdSchema,
  communeId: recordIdSchema,
  questionnaireId: stableIdSchema,
  questionnaireVersion: z.number().int().min(QUESTIONNAIRE_VERSIONS.min).max(QUESTIONNAIRE_VERSIONS.max),
  auditor: text(TEXT_LIMITS.auditor),
  status: z.enum(['in-progress', 'completed']),
  profile: communeProfileSchema,
  /** Option ids are checked as ids only: a file may come from another questionnaire version. */
  answers: answersSchema,
  previousAuditId: recordIdSchema.nullable(),
  unconfirmed: z.array(stableIdSchema).max(PAYLOAD_LIMITS.answersPerAudit, 'too-many'),
  lastThemeId: stableIdSchema.nullable(),
  origin: z.enum(['local', 'imported']),
  startedAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  completedAt: isoDateTimeSchema.nullable(),
});

export const exportedPlanItemSchema = z.strictObject({
  auditId: recordIdSchema,
  actionId: stableIdSchema,
  communeId: recordIdSchema,
  owner: text(TEXT_LIMITS.owner),
  dueDate: dueDateSchema,
  status: z.enum(['todo', 'in-progress', 'done']),
  note: text(TEXT_LIMITS.note),
  updatedAt: isoDateTimeSchema,
});

export const exportPayloadSchema = z.strictObject({
  communes: z.array(exportedCommuneSchema).max(PAYLOAD_LIMITS.communes, 'too-many'),
  audits: z.array(exportedAuditSchema).max(PAYLOAD_LIMITS.audits, 'too-many'),
  planItems: z.array(exportedPlanItemSchema).max(PAYLOAD_LIMITS.planItems, 'too-many'),
});

export const exportDocumentV1Schema = z.strictObject({
  format: z.literal(EXPORT_FORMAT_ID),
  version: z.literal(1),
  /** Absent in plain files; a plain document inside an envelope never says true. */
  encrypted: z.literal(false).optional(),
  exportedAt: isoDateTimeSchema,
  app: z.strictObject({ version: z.string().max(TEXT_LIMITS.appVersion, 'too-long').transform(cleanText) }),
  kind: z.enum(['audits', 'backup']),
  payload: exportPayloadSchema,
});

/*
 * Base64 (standard alphabet, padded). Checked with a flat character class and a length test rather than a
 * grouped regex, which could backtrack over a 25 MB ciphertext.
 */
const BASE64_CHARACTERS = /^[A-Za-z0-9+/]*={0,2}$/;
export const isBase64 = (value: string) => value.length % 4 === 0 && BASE64_CHARACTERS.test(value);
export const base64OfBytes = (bytes: number) =>
  z.string().length(Math.ceil(bytes / 3) * 4, 'length').refine(isBase64, 'base64');

export const encryptedEnvelopeV1Schema = z.strictObject({
  format: z.literal(EXPORT_FORMAT_ID),
  version: z.literal(1),
  encrypted: z.literal(true),
  kdf: z.strictObject({
    name: z.literal(KDF_NAME),
    hash: z.literal(KDF_HASH),
    iterations: z.number().int().min(KDF_ITERATIONS, 'too-small').max(KDF_MAX_ITERATIONS, 'too-large'),
    salt: base64OfBytes(KDF_SALT_BYTES),
  }),
  cipher: z.strictObject({ name: z.literal(CIPHER_NAME), iv: base64OfBytes(CIPHER_IV_BYTES) }),
  data: z.string().min(1, 'required').refine(isBase64, 'base64'),
});

export type ExportedCommune = z.output<typeof exportedCommuneSchema>;
export type ExportedAudit = z.output<typeof exportedAuditSchema>;
export type ExportedPlanItem = z.output<typeof exportedPlanItemSchema>;
export type ExportPayload = z.output<typeof exportPayloadSchema>;
export type ExportDocumentV1 = z.output<typeof exportDocumentV1Schema>;
export type EncryptedEnvelopeV1 = z.output<typeof encryptedEnvelopeV1Schema>;
