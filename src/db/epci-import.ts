/**
 * The EPCI's bulk import: many audit files at once (a selection or a dropped folder) through the one import door
 * (src/db/import-files.ts), duplicates settled without asking (decideDuplicate), one result per file, then the
 * summaries of the imported audits made from the files' records already in memory, so that the answers are
 * not read back from the database.
 */
import { decideDuplicate } from '../domain/epci/duplicate-policy';
import type { ExchangeErrorCode } from '../domain/exchange/exchange-error';
import type { ConflictDecision } from '../domain/exchange/plan-import';
import type { ParsedExport } from '../domain/exchange/read-export-file';
import { auditUpdatedAt, refreshAuditSummaries, summaryRecord, type SummaryContext } from './epci-repository';
import { importFiles } from './import-files';
import type { AuditSummaryRecord } from './records';

export type EpciFileResult =
  | { name: string; status: 'imported'; added: number; updated: number; skipped: number }
  /** Every audit of the file was already on the device, unchanged. */
  | { name: string; status: 'duplicate'; skipped: number }
  /** A valid file holding no audit (a commune alone). */
  | { name: string; status: 'empty' }
  | { name: string; status: 'error'; code: ExchangeErrorCode };

export interface EpciImportProgress {
  stage: 'reading' | 'writing' | 'summarising' | 'done';
  /** Files read (reading), or audits summarised (summarising), out of total. */
  done: number;
  total: number;
}

export interface EpciImportResult {
  files: EpciFileResult[];
  /** Set when the database refused the write: nothing was imported (the files themselves were fine). */
  writeError: ExchangeErrorCode | null;
}

const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Summaries of the audits in the files, first copy of each audit only (as the import keeps it). */
async function summariesOf(files: readonly ParsedExport[], context: SummaryContext, onProgress: (done: number, total: number) => void) {
  const made = new Map<string, AuditSummaryRecord>();
  const total = files.reduce((sum, f) => sum + f.payload.audits.length, 0);
  let done = 0;
  for (const file of files) {
    for (const audit of file.payload.audits) {
      if (!made.has(audit.id)) made.set(audit.id, summaryRecord(audit, context));
      done += 1;
      if (done % 500 === 0) {
        onProgress(done, total);
        await breathe();
      }
    }
  }
  return made;
}

export async function importAuditFiles(
  files: readonly File[],
  context: SummaryContext,
  { passphrase, onProgress }: { passphrase?: string | undefined; onProgress?: (progress: EpciImportProgress) => void } = {},
): Promise<EpciImportResult> {
  const report = (stage: EpciImportProgress['stage'], done: number, total: number) => onProgress?.({ stage, done, total });
  const batch = await importFiles(files, {
    passphrase,
    onConflict: async (conflicts) => {
      const updatedAt = await auditUpdatedAt();
      return new Map<string, ConflictDecision>(conflicts.map((c) => [c.auditId, decideDuplicate(c, updatedAt.get(c.auditId))]));
    },
    onProgress: ({ read, total, stage }) => report(stage === 'reading' ? 'reading' : 'writing', read, total),
  });

  const writeError = batch.written !== null && !batch.written.ok ? batch.written.error.code : null;
  const results: EpciFileResult[] = batch.files.map((file): EpciFileResult => {
    if (!file.ok) return { name: file.name, status: 'error', code: file.error.code };
    // All or nothing: when the write fails, no file was imported.
    if (writeError !== null) return { name: file.name, status: 'error', code: writeError };
    if (file.parsed.payload.audits.length === 0) return { name: file.name, status: 'empty' };
    const summary = file.summary;
    const added = (summary?.auditsAdded ?? 0) + (summary?.auditsKeptBoth ?? 0);
    const updated = summary?.auditsReplaced ?? 0;
    const skipped = summary?.auditsSkipped ?? 0;
    if (added + updated === 0) return { name: file.name, status: 'duplicate', skipped };
    return { name: file.name, status: 'imported', added, updated, skipped };
  });
  if (batch.written === null || writeError !== null) {
    report('done', files.length, files.length);
    return { files: results, writeError };
  }

  const parsed = batch.files.flatMap((f) => (f.ok ? [f.parsed] : []));
  const precomputed = await summariesOf(parsed, context, (done, total) => report('summarising', done, total));
  await refreshAuditSummaries(context, { precomputed });
  report('done', files.length, files.length);
  return { files: results, writeError: null };
}
