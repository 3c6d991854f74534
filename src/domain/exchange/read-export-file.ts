/**
 * The one door for export files: size cap (before reading) → text → JSON.parse → "is it ours, which version" →
 * decrypt if needed → upgrade → strict schema → cross-record checks → answers known to their audit's questionnaire
 * version, and a file refused anywhere on the way that
 * nests too deep is said to be so. It never writes anything; every failure is a value with a code.
 */
import { z } from 'zod';
import { findUnknownAnswerId, type KnownAnswerIds } from './check-answer-ids';
import { checkDates } from './check-dates';
import { checkPayload } from './check-payload';
import { exceedsJsonDepth } from './json-depth';
import { describeIssue } from './describe-issue';
import { fail, ok, type Result } from './exchange-error';
import { CURRENT_EXPORT_VERSION, EXPORT_FORMAT_ID, EXPORT_LIMITS, type ExportKind } from './export-format';
import { encryptedEnvelopeV1Schema, type EncryptedEnvelopeV1, type ExportPayload } from './schema-v1';
import { encryptedEnvelopeV2Schema, exportDocumentV2Schema, type EncryptedEnvelopeV2, type MailboxKeyBackup } from './schema-v2';
import { upgradeToCurrent } from './upgraders';

/** What the door needs of a File (or a Blob, or a test double). */
export interface ExportSource {
  readonly size: number;
  text(): Promise<string>;
}

export type EncryptedEnvelope = EncryptedEnvelopeV1 | EncryptedEnvelopeV2;

/** Decryption is supplied by src/crypto (the domain stays free of WebCrypto). */
export type Decrypt = (envelope: EncryptedEnvelope, passphrase: string) => Promise<Result<string>>;

/** A file that passed every check, upgraded to the current format version. */
export interface ParsedExport {
  kind: ExportKind;
  exportedAt: string;
  appVersion: string;
  /** The version the file was written in (older ones were upgraded). */
  formatVersion: number;
  encrypted: boolean;
  payload: ExportPayload;
  /** The EPCI's mailbox key (version 2, encrypted backups only); null in every other file. */
  mailboxKey: MailboxKeyBackup | null;
}

export type OpenedText = { encrypted: false; parsed: ParsedExport } | { encrypted: true; envelope: EncryptedEnvelope };

const headerSchema = z.object({ format: z.string(), version: z.unknown().optional(), encrypted: z.unknown().optional() });

const ENVELOPE_SCHEMAS: Readonly<Record<number, z.ZodType<EncryptedEnvelope> | undefined>> = {
  1: encryptedEnvelopeV1Schema,
  2: encryptedEnvelopeV2Schema,
};

/**
 * The synchronous part of the door: from text to a checked document, or to an envelope still to decrypt.
 *
 * Nesting is measured only once the text is refused. An accepted document cannot nest deeper than its strict
 * schema (six levels), and nothing on the way walks a structure the schema does not describe: the schemas stop
 * at an unknown key, and JSON.parse is iterative in today's engines (one that ran out of stack would throw, and
 * the text be refused here all the same). Scanning 20 MB of text ahead of every parse cost a bulk import time
 * for nothing (docs/measurements.md).
 */
export interface OpenOptions {
  /** This device's clock: a file exported after it (beyond a day's drift) is refused. */
  now: Date;
  /** The question and option ids of every questionnaire version this app has (src/content/questionnaire-ids.ts). */
  answerIds: KnownAnswerIds;
}

export function openExportText(text: string, { now, answerIds }: OpenOptions): Result<OpenedText> {
  const opened = openUncheckedDepth(text, now, answerIds);
  if (!opened.ok && exceedsJsonDepth(text, EXPORT_LIMITS.maxJsonDepth)) return fail('invalid', 'nesting: too-deep');
  return opened;
}

function openUncheckedDepth(text: string, now: Date, answerIds: KnownAnswerIds): Result<OpenedText> {
  if (text.trim() === '') return fail('not-json');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('not-json');
  }
  const header = headerSchema.safeParse(json);
  if (!header.success || header.data.format !== EXPORT_FORMAT_ID) return fail('not-ours');
  const { version, encrypted } = header.data;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return fail('invalid', 'version');
  if (version > CURRENT_EXPORT_VERSION) return fail('newer-version', `version ${version}`);

  if (encrypted === true) {
    const schema = ENVELOPE_SCHEMAS[version];
    if (!schema) return fail('invalid', 'encrypted: unsupported');
    const envelope = schema.safeParse(json);
    return envelope.success ? ok({ encrypted: true, envelope: envelope.data }) : fail('invalid', describeIssue(envelope.error));
  }

  if (version === 0 && text.length > EXPORT_LIMITS.v0FileBytes) return fail('invalid', 'version 0: too-large');
  const upgraded = upgradeToCurrent(json, version);
  if (!upgraded.ok) return upgraded;
  const document = exportDocumentV2Schema.safeParse(upgraded.value);
  if (!document.success) {
    // A damaged key is named as such: the restore's message says the key, not the audits, is at fault.
    const atKey = document.error.issues[0]?.path[0] === 'mailboxKey';
    return fail(atKey ? 'invalid-mailbox-key' : 'invalid', describeIssue(document.error));
  }
  const data = document.data;
  const payload = checkPayload(data.payload);
  if (!payload.ok) return payload;
  const unknownAnswer = findUnknownAnswerId(payload.value.audits, answerIds);
  if (unknownAnswer !== null) return fail('invalid', unknownAnswer);
  const dates = checkDates(data.exportedAt, payload.value, now);
  if (!dates.ok) return dates;
  return ok({
    encrypted: false,
    parsed: {
      kind: data.kind,
      exportedAt: data.exportedAt,
      appVersion: data.app.version,
      formatVersion: version,
      encrypted: false,
      payload: payload.value,
      mailboxKey: data.mailboxKey ?? null,
    },
  });
}

export interface ReadOptions extends OpenOptions {
  /** The door's cap: EXPORT_LIMITS.auditsFileBytes or EXPORT_LIMITS.backupFileBytes. */
  maxBytes: number;
  passphrase?: string | undefined;
  decrypt: Decrypt;
}

/** Reads, decrypts and checks one file. Nothing is written: see planImport and the exchange repository. */
export async function readExportFile(source: ExportSource, { maxBytes, passphrase, decrypt, now, answerIds }: ReadOptions): Promise<Result<ParsedExport>> {
  // File.size is known without reading: a 50 MB file is refused at once.
  if (source.size > maxBytes) return fail('too-large');
  let text: string;
  try {
    text = await source.text();
  } catch {
    return fail('unreadable');
  }
  if (text.length > maxBytes) return fail('too-large');
  const opened = openExportText(text, { now, answerIds });
  if (!opened.ok) return opened;
  if (!opened.value.encrypted) {
    // The key travels only inside a passphrase-encrypted backup: a plain file carrying one was decrypted and
    // saved in clear, or forged. Refused, so that nobody learns to keep such a file.
    if (opened.value.parsed.mailboxKey !== null) return fail('invalid-mailbox-key', 'mailboxKey: not-encrypted');
    return ok(opened.value.parsed);
  }

  const { envelope } = opened.value;
  if (!passphrase) return fail('passphrase-required');
  const plain = await decrypt(envelope, passphrase);
  if (!plain.ok) return plain;
  const inner = openExportText(plain.value, { now, answerIds });
  if (!inner.ok) return inner;
  // An envelope holds exactly one plain document of its own version.
  if (inner.value.encrypted) return fail('invalid', 'encrypted: nested');
  if (inner.value.parsed.formatVersion !== envelope.version) return fail('invalid', 'version: mismatch');
  return ok({ ...inner.value.parsed, encrypted: true });
}
