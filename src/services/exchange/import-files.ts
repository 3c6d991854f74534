/**
 * Importing export files, for the backup pages and for bulk imports (EPCI): every file goes through the one
 * door (readExportFile), the conflicts of the whole batch are asked once, and every valid file is written in
 * one transaction. Invalid files are reported one by one and change nothing.
 */
import { EXPORT_LIMITS } from '../../domain/exchange/export-format';
import type { ExchangeError, Result } from '../../domain/exchange/exchange-error';
import { fail } from '../../domain/exchange/exchange-error';
import { findConflicts, type AuditConflict, type ConflictDecision } from '../../domain/exchange/plan-import';
import { readExportFile, type ExportSource, type ParsedExport } from '../../domain/exchange/read-export-file';
import { utf8Length } from '../../domain/exchange/split-export';
import { decryptExport } from '../../crypto/passphrase-cipher';
import { KNOWN_ANSWER_IDS } from '../../content/questionnaire-ids';
import { applyImport, loadImportContext, replaceAllData, type AppliedImport } from '../../db/exchange-repository';

/**
 * A file's text already in memory (the mailbox's opened envelopes): the door reads it as it reads a file, its size
 * counted in UTF-8 bytes as a file's is. It spares the page making a File of it (a copy to the browser's process).
 */
export interface TextFile {
  readonly name: string;
  readonly text: string;
}

const isTextFile = (file: Blob | TextFile): file is TextFile => typeof file.text === 'string';

function textSource(text: string): ExportSource {
  return { size: utf8Length(text), text: () => Promise.resolve(text) };
}

/** Blob.text() where the browser has it; FileReader otherwise (older Safari, jsdom). */
export function blobSource(blob: Blob): ExportSource {
  return {
    size: blob.size,
    text: () =>
      typeof blob.text === 'function'
        ? blob.text()
        : new Promise<string>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
            reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
            reader.readAsText(blob);
          }),
  };
}

/** Reads and checks one file (nothing is written). */
export function openExportFile(
  file: Blob | TextFile,
  { passphrase, maxBytes = EXPORT_LIMITS.auditsFileBytes, now = new Date() }: { passphrase?: string | undefined; maxBytes?: number; now?: Date } = {},
): Promise<Result<ParsedExport>> {
  return readExportFile(isTextFile(file) ? textSource(file.text) : blobSource(file), { maxBytes, passphrase, decrypt: decryptExport, now, answerIds: KNOWN_ANSWER_IDS });
}

/** How many conflicts are described in detail (the others are listed, and "same choice for all" covers them). */
export const DESCRIBED_CONFLICTS = 200;

/** The conflicts a batch of checked files would raise on this device. */
export async function conflictsOf(files: readonly ParsedExport[]): Promise<AuditConflict[]> {
  const payloads = files.map((f) => f.payload);
  return findConflicts(payloads, await loadImportContext(payloads, { summaries: DESCRIBED_CONFLICTS }));
}

/** Writes checked files (see applyImport). */
export function writeImport(files: readonly ParsedExport[], decisions: ReadonlyMap<string, ConflictDecision>): Promise<Result<AppliedImport>> {
  return applyImport(
    files.map((f) => f.payload),
    decisions,
  );
}

/**
 * Restores a full backup over everything on the device; the restore counts as a backup made now. A backup carrying
 * the EPCI's mailbox key has it checked first (a damaged one refuses the whole restore, nothing written), opened
 * with the backup's passphrase when it is also the key's, and written in the same transaction as the records.
 */
export async function restoreBackup(file: ParsedExport, { now = new Date(), passphrase }: { now?: Date; passphrase?: string | undefined } = {}): Promise<Result<void>> {
  if (file.kind !== 'backup') return fail('not-a-backup');
  if (file.mailboxKey === null) return replaceAllData(file.payload, { now });
  const setting = await (await import('../sync/epci-key-backup')).restoredMailboxSetting(file.mailboxKey, passphrase);
  if (!setting.ok) return setting;
  return replaceAllData(file.payload, { now, settings: [setting.value] });
}

export interface ImportProgress {
  /** Files read so far, out of `total`. */
  read: number;
  total: number;
  stage: 'reading' | 'writing' | 'done';
}

export type FileOutcome =
  | { name: string; ok: true; parsed: ParsedExport; summary: AppliedImport['perFile'][number] | null }
  | { name: string; ok: false; error: ExchangeError };

export interface BatchImportResult {
  files: FileOutcome[];
  /** null when no file was valid or the user cancelled at the conflicts; otherwise the write's outcome. */
  written: Result<AppliedImport> | null;
}

export interface ImportFilesOptions {
  /** The same passphrase is tried on every encrypted file. */
  passphrase?: string | undefined;
  maxBytes?: number;
  /** Asked once for the whole batch; resolve to null to cancel (nothing is written). */
  onConflict: (conflicts: AuditConflict[]) => Promise<ReadonlyMap<string, ConflictDecision> | null>;
  onProgress?: (progress: ImportProgress) => void;
}

/** Imports many files at once: one result per file, one transaction for all the valid ones. */
export async function importFiles(files: readonly Blob[], options: ImportFilesOptions): Promise<BatchImportResult> {
  const { passphrase, maxBytes, onConflict, onProgress } = options;
  const outcomes: FileOutcome[] = [];
  const total = files.length;
  onProgress?.({ read: 0, total, stage: 'reading' });
  for (const [index, file] of files.entries()) {
    const name = 'name' in file && typeof file.name === 'string' ? file.name : `#${index + 1}`;
    const result = await openExportFile(file, { passphrase, maxBytes });
    outcomes.push(result.ok ? { name, ok: true, parsed: result.value, summary: null } : { name, ok: false, error: result.error });
    onProgress?.({ read: index + 1, total, stage: 'reading' });
  }
  const valid = outcomes.filter((o) => o.ok);
  if (valid.length === 0) return { files: outcomes, written: null };
  const parsed = valid.map((o) => o.parsed);
  const conflicts = await conflictsOf(parsed);
  const decisions = conflicts.length === 0 ? new Map<string, ConflictDecision>() : await onConflict(conflicts);
  if (decisions === null) return { files: outcomes, written: null };
  onProgress?.({ read: total, total, stage: 'writing' });
  const written = await writeImport(parsed, decisions);
  if (written.ok) valid.forEach((o, i) => (o.summary = written.value.perFile[i] ?? null));
  onProgress?.({ read: total, total, stage: 'done' });
  return { files: outcomes, written };
}
