/** Exporting audits or everything to the text of export files, encrypted when a passphrase is given. */
import { buildExportDocument, exportFileName, exportStamp, type ExportContent } from '../../domain/exchange/build-export';
import type { ExchangeError } from '../../domain/exchange/exchange-error';
import { openExportText } from '../../domain/exchange/read-export-file';
import { withoutUnknownAnswers } from '../../domain/exchange/check-answer-ids';
import { KNOWN_ANSWER_IDS } from '../../content/questionnaire-ids';
import { instantOf } from '../../domain/instant';
import { stringifyAscii } from '../../domain/exchange/ascii-json';
import { EXPORT_LIMITS } from '../../domain/exchange/export-format';
import { exportPartFileName, splitExportContent, utf8Length } from '../../domain/exchange/split-export';
import { encryptExport } from '../../crypto/passphrase-cipher';
import { version as appVersion } from '../../../package.json';
import { recordBackup } from '../../db/backup-settings';
import { loadExportContent, type ExportSelection } from '../../db/exchange-repository';

export interface ExportedFile {
  fileName: string;
  text: string;
  audits: number;
  communes: number;
}

/** A file the import door would refuse: it is not handed to the user. */
export class ExportTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`export of ${bytes} bytes over the ${maxBytes}-byte cap`);
    this.name = 'ExportTooLargeError';
  }
}

/**
 * A file the import door refused when the app read it back before offering it: a bug of the app (it stored what
 * it cannot read), reported as such with the door's detail, never handed over as a file that would not restore.
 */
export class ExportRefusedError extends Error {
  constructor(readonly refusal: ExchangeError) {
    super(`export refused by the import door: ${refusal.code}${refusal.detail ? ` (${refusal.detail})` : ''}`);
    this.name = 'ExportRefusedError';
  }
}

interface ExportOptions {
  label: string;
  passphrase?: string | undefined;
  now?: Date;
  /** The import door's cap for this kind of file (EXPORT_LIMITS); lowered in tests. */
  maxBytes?: number;
}

/**
 * The device's records as a file carries them: an answer its audit's questionnaire version does not know (only an
 * audit imported before the door checked ids can hold one) is left out, since it counts for nothing and the door
 * would refuse the file.
 */
async function exportContent(selection: ExportSelection): Promise<ExportContent> {
  const content = await loadExportContent(selection);
  return { ...content, audits: content.audits.map((audit) => withoutUnknownAnswers(audit, KNOWN_ANSWER_IDS)) };
}

const capOf = (selection: ExportSelection) => (selection.kind === 'backup' ? EXPORT_LIMITS.backupFileBytes : EXPORT_LIMITS.auditsFileBytes);

/**
 * One file's text, read back through the import door before it is offered: refused as too large
 * (ExportTooLargeError) or by any other check of the door (ExportRefusedError). The plain document goes through
 * every check; an encrypted file's envelope is checked too (decrypting it again would cost another key derivation).
 */
async function fileText(
  content: ExportContent,
  { exportedAt, passphrase, maxBytes, now }: { exportedAt: string; passphrase: string | undefined; maxBytes: number; now: Date },
) {
  const document = buildExportDocument(content, { exportedAt, appVersion });
  const plain = stringifyAscii(document);
  // Too large already in plain text (an encrypted file is larger still): refused before any reading or encrypting.
  const plainBytes = utf8Length(plain);
  if (plainBytes > maxBytes) throw new ExportTooLargeError(plainBytes, maxBytes);
  // Read back as a device whose clock agrees with the file would (this one's may have been set back).
  const readAt = new Date(Math.max(now.getTime(), instantOf(exportedAt)));
  const readBack = openExportText(plain, { now: readAt, answerIds: KNOWN_ANSWER_IDS });
  if (!readBack.ok) throw new ExportRefusedError(readBack.error);
  const text = passphrase ? stringifyAscii(await encryptExport(plain, passphrase, document.version)) : plain;
  const bytes = utf8Length(text);
  if (bytes > maxBytes) throw new ExportTooLargeError(bytes, maxBytes);
  if (passphrase) {
    const envelope = openExportText(text, { now: readAt, answerIds: KNOWN_ANSWER_IDS });
    if (!envelope.ok) throw new ExportRefusedError(envelope.error);
    if (!envelope.value.encrypted) throw new ExportRefusedError({ code: 'invalid', detail: 'encrypted: missing' });
  }
  return text;
}

/**
 * One file. `label` names it (the commune's name, or a translated "sauvegarde"). A full backup is recorded as the
 * last backup once its file is produced; a file over the import door's cap is never produced (ExportTooLargeError).
 */
export async function exportData(selection: ExportSelection, { label, passphrase, now = new Date(), maxBytes = capOf(selection) }: ExportOptions): Promise<ExportedFile> {
  const content = await exportContent(selection);
  // The EPCI's mailbox key goes into encrypted backups only, never into a plain file (the door refuses it there).
  if (selection.kind === 'backup' && passphrase) content.mailboxKey = await (await import('../sync/epci-key-backup')).mailboxKeyForBackup();
  const exportedAt = exportStamp(content, now);
  const text = await fileText(content, { exportedAt, passphrase, maxBytes, now });
  if (selection.kind === 'backup') await recordBackup(now);
  return { fileName: exportFileName(label, exportedAt), text, audits: content.audits.length, communes: content.communes.length };
}

export type BackupExport = { ok: true; file: ExportedFile } | { ok: false; code: 'too-large'; bytes: number; maxBytes: number };

/** The full backup, or why it was not made: a backup the restore door would refuse is not a backup (none is recorded). */
export async function exportBackup(options: ExportOptions): Promise<BackupExport> {
  try {
    return { ok: true, file: await exportData({ kind: 'backup' }, options) };
  } catch (error) {
    if (error instanceof ExportTooLargeError) return { ok: false, code: 'too-large', bytes: error.bytes, maxBytes: error.maxBytes };
    throw error;
  }
}

/**
 * The chosen audits in as many files as the import door's cap calls for (one when they fit), each complete on its
 * own and encrypted on its own, named "…-1-sur-3.cyberdiag.json" and so on.
 */
export async function exportAudits(
  auditIds: readonly string[],
  { label, passphrase, now = new Date(), maxBytes = EXPORT_LIMITS.auditsFileBytes }: ExportOptions,
): Promise<ExportedFile[]> {
  const content = await exportContent({ kind: 'audits', auditIds });
  const exportedAt = exportStamp(content, now);
  const parts = splitExportContent(content, { maxBytes, encrypted: Boolean(passphrase), exportedAt, appVersion });
  const files: ExportedFile[] = [];
  for (const [index, part] of parts.entries()) {
    files.push({
      fileName: exportPartFileName(label, exportedAt, index + 1, parts.length),
      text: await fileText(part.content, { exportedAt, passphrase, maxBytes, now }),
      audits: part.content.audits.length,
      communes: part.content.communes.length,
    });
  }
  return files;
}
