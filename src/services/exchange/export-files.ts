/** Exporting audits or everything to the text of export files, encrypted when a passphrase is given. */
import { buildExportDocument, exportFileName, type ExportContent } from '../../domain/exchange/build-export';
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

interface ExportOptions {
  label: string;
  passphrase?: string | undefined;
  now?: Date;
  /** The import door's cap for this kind of file (EXPORT_LIMITS); lowered in tests. */
  maxBytes?: number;
}

const capOf = (selection: ExportSelection) => (selection.kind === 'backup' ? EXPORT_LIMITS.backupFileBytes : EXPORT_LIMITS.auditsFileBytes);

/** One file's text, refused (ExportTooLargeError) when the import door would not take it back. */
async function fileText(content: ExportContent, { exportedAt, passphrase, maxBytes }: { exportedAt: string; passphrase: string | undefined; maxBytes: number }) {
  const plain = stringifyAscii(buildExportDocument(content, { exportedAt, appVersion }));
  const text = passphrase ? stringifyAscii(await encryptExport(plain, passphrase)) : plain;
  const bytes = utf8Length(text);
  if (bytes > maxBytes) throw new ExportTooLargeError(bytes, maxBytes);
  return text;
}

/**
 * One file. `label` names it (the commune's name, or a translated "sauvegarde"). A full backup is recorded as the
 * last backup once its file is produced; a file over the import door's cap is never produced (ExportTooLargeError).
 */
export async function exportData(selection: ExportSelection, { label, passphrase, now = new Date(), maxBytes = capOf(selection) }: ExportOptions): Promise<ExportedFile> {
  const content = await loadExportContent(selection);
  const exportedAt = now.toISOString();
  const text = await fileText(content, { exportedAt, passphrase, maxBytes });
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
  const content = await loadExportContent({ kind: 'audits', auditIds });
  const exportedAt = now.toISOString();
  const parts = splitExportContent(content, { maxBytes, encrypted: Boolean(passphrase), exportedAt, appVersion });
  const files: ExportedFile[] = [];
  for (const [index, part] of parts.entries()) {
    files.push({
      fileName: exportPartFileName(label, exportedAt, index + 1, parts.length),
      text: await fileText(part.content, { exportedAt, passphrase, maxBytes }),
      audits: part.content.audits.length,
      communes: part.content.communes.length,
    });
  }
  return files;
}
