/**
 * The EPCI's bulk import: many audit files at once (a selection or a dropped folder), each through the one import
 * door (openExportFile: size cap, parse, strict schema, upgrade, cross-record checks) and planned by the exchange
 * domain (planImport: commune reuse by id or INSEE code, ids, plan items), duplicates settled without asking
 * (decideDuplicate), one result per file.
 *
 * Built for 35,000 audits in a few large files (see bench/epci.mjs), hence its own write step rather than
 * importFiles/applyImport:
 * - each file is written in its own transaction, with the summaries the EPCI view reads: all or nothing per file,
 *   and a storage error on the 17th file keeps the 16 before it, and says so;
 * - pipelined: while the database commits file n (off the main thread), the page reads and checks file n + 1,
 *   with at most two files held in memory;
 * - what the device already holds is read once, by key, and kept up to date in memory: applyImport reads it again
 *   for every file with queries whose cost grows with the table (measured: 2 s per file at 20,000 audits).
 */
import { decideDuplicate } from '../domain/epci/duplicate-policy';
import type { ExchangeErrorCode } from '../domain/exchange/exchange-error';
import { planImport, type ExistingAudit, type ImportContext, type ImportSummary } from '../domain/exchange/plan-import';
import type { ExportPayload } from '../domain/exchange/schema-v1';
import { EXCHANGE_SETTING_KEYS } from './backup-settings';
import { db } from './database';
import { auditUpdatedAt, summaryRecord, type SummaryContext } from './epci-repository';
import { openExportFile } from './import-files';
import type { AuditRecord, CommuneRecord, PlanItemRecord } from './records';

export type EpciFileResult =
  | { name: string; status: 'imported'; added: number; updated: number; skipped: number }
  /** Every audit of the file was already on the device, unchanged. */
  | { name: string; status: 'duplicate'; skipped: number }
  /** A valid file holding no audit (a commune alone). */
  | { name: string; status: 'empty' }
  | { name: string; status: 'error'; code: ExchangeErrorCode };

export interface EpciImportProgress {
  /** reading: files read and checked so far (earlier ones being written meanwhile); writing: the last writes. */
  stage: 'reading' | 'writing' | 'done';
  done: number;
  total: number;
}

export interface EpciImportResult {
  files: EpciFileResult[];
}

type CommuneKey = { id: string; insee: string; name: string };

/** What the device holds that a file can collide with, read once and kept up to date as files are written. */
class DeviceState {
  private readonly communeById = new Map<string, CommuneKey>();
  private readonly communeByInsee = new Map<string, CommuneKey>();

  constructor(
    readonly audits: Map<string, string>,
    communes: readonly CommuneKey[],
  ) {
    for (const commune of communes) this.addCommune(commune);
  }

  static async read(): Promise<DeviceState> {
    const [audits, communes] = await Promise.all([auditUpdatedAt(), db.communes.toArray()]);
    return new DeviceState(audits, communes.map(({ id, insee, name }) => ({ id, insee, name })));
  }

  addCommune(commune: CommuneKey): void {
    this.communeById.set(commune.id, commune);
    if (commune.insee && !this.communeByInsee.has(commune.insee)) this.communeByInsee.set(commune.insee, commune);
  }

  /** The context planImport expects, for one file. */
  contextFor(payload: ExportPayload): ImportContext {
    const existingAudits = new Map<string, ExistingAudit>();
    for (const audit of payload.audits) if (this.audits.has(audit.id)) existingAudits.set(audit.id, { id: audit.id });
    const existingCommunes: CommuneKey[] = [];
    for (const commune of payload.communes) {
      const byId = this.communeById.get(commune.id);
      const byInsee = commune.insee ? this.communeByInsee.get(commune.insee) : undefined;
      if (byId) existingCommunes.push(byId);
      if (byInsee && byInsee !== byId) existingCommunes.push(byInsee);
    }
    return { existingAudits, existingCommunes };
  }
}

/** Dexie wraps the browser's DOMException (sometimes twice): look for the quota error down the chain. */
function writeErrorCode(error: unknown): ExchangeErrorCode {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if ('name' in current && current.name === 'QuotaExceededError') return 'storage-full';
    current = 'inner' in current ? current.inner : undefined;
  }
  return 'write-failed';
}

function outcome(name: string, audits: number, summary: ImportSummary | undefined): EpciFileResult {
  if (audits === 0) return { name, status: 'empty' };
  const added = (summary?.auditsAdded ?? 0) + (summary?.auditsKeptBoth ?? 0);
  const updated = summary?.auditsReplaced ?? 0;
  const skipped = summary?.auditsSkipped ?? 0;
  if (added + updated === 0) return { name, status: 'duplicate', skipped };
  return { name, status: 'imported', added, updated, skipped };
}

/** Plans one checked file against the device and writes it, with its audits' summaries, in one transaction. */
async function writeFile(name: string, payload: ExportPayload, device: DeviceState, context: SummaryContext): Promise<EpciFileResult> {
  const plan = planImport([payload], device.contextFor(payload), {
    decide: (conflict) => decideDuplicate(conflict.imported.updatedAt, device.audits.get(conflict.auditId)) ?? 'keep-existing',
    newId: () => crypto.randomUUID(),
  });
  const audits: AuditRecord[] = plan.audits;
  const communes: CommuneRecord[] = plan.communes;
  const planItems: PlanItemRecord[] = plan.planItems;
  const summaries = audits.map((audit) => summaryRecord(audit, context));
  try {
    await db.transaction('rw', [db.communes, db.audits, db.planItems, db.settings, db.auditSummaries], async () => {
      if (plan.replacedAuditIds.length > 0) await db.planItems.where('auditId').anyOf(plan.replacedAuditIds).delete();
      // add, not put: a commune the plan believes new must really be new, or the whole file is undone.
      await db.communes.bulkAdd(communes);
      await db.audits.bulkPut(audits);
      await db.planItems.bulkPut(planItems);
      await db.auditSummaries.bulkPut(summaries);
      await db.settings.put({ key: EXCHANGE_SETTING_KEYS.lastImportAt, value: new Date().toISOString() });
    });
  } catch (error) {
    return { name, status: 'error', code: writeErrorCode(error) };
  }
  for (const commune of communes) device.addCommune({ id: commune.id, insee: commune.insee, name: commune.name });
  for (const audit of audits) device.audits.set(audit.id, audit.updatedAt);
  return outcome(name, payload.audits.length, plan.perFile[0]);
}

type Opened = Awaited<ReturnType<typeof openExportFile>>;

/**
 * Opens files through the door in a worker when the browser has workers (the second core reads while the page
 * writes), in the page otherwise (tests in jsdom, very old browsers). Same door, same results.
 */
function fileOpener(passphrase: string | undefined): { open: (file: Blob) => Promise<Opened>; close: () => void } {
  const inPage = (file: Blob) => openExportFile(file, { passphrase });
  if (typeof Worker === 'undefined') return { open: inPage, close: () => undefined };
  const worker = new Worker(new URL('./open-export-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { file: Blob; resolve: (result: Opened) => void }>();
  let broken = false;
  let next = 0;
  worker.onmessage = (event: MessageEvent<{ id: number; result: Opened }>) => {
    pending.get(event.data.id)?.resolve(event.data.result);
    pending.delete(event.data.id);
  };
  // A worker that cannot start (or dies) is not worth a lost import: its files are opened in the page.
  worker.onerror = () => {
    broken = true;
    worker.terminate();
    for (const { file, resolve } of pending.values()) void inPage(file).then(resolve);
    pending.clear();
  };
  return {
    open: (file) => {
      if (broken) return inPage(file);
      return new Promise<Opened>((resolve) => {
        const id = next++;
        pending.set(id, { file, resolve });
        worker.postMessage({ id, file, passphrase });
      });
    },
    close: () => worker.terminate(),
  };
}

const fileName = (file: Blob, index: number) => ('name' in file && typeof file.name === 'string' ? file.name : `#${index + 1}`);

export async function importAuditFiles(
  files: readonly Blob[],
  context: SummaryContext,
  { passphrase, onProgress }: { passphrase?: string | undefined; onProgress?: (progress: EpciImportProgress) => void } = {},
): Promise<EpciImportResult> {
  const total = files.length;
  const results: EpciFileResult[] = [];
  const device = await DeviceState.read();
  const opener = fileOpener(passphrase);
  // Writes run one after the other (each plans against what the previous ones wrote); reading goes ahead.
  const writes: Promise<void>[] = [];
  onProgress?.({ stage: 'reading', done: 0, total });

  for (const [index, file] of files.entries()) {
    // At most two files in memory: the one being written and the one being read.
    await writes[index - 2];
    const name = fileName(file, index);
    const opened = await opener.open(file);
    const previous = writes[index - 1] ?? Promise.resolve();
    writes.push(
      previous.then(async () => {
        results[index] = opened.ok ? await writeFile(name, opened.value.payload, device, context) : { name, status: 'error', code: opened.error.code };
      }),
    );
    onProgress?.({ stage: 'reading', done: index + 1, total });
  }
  opener.close();
  onProgress?.({ stage: 'writing', done: total, total });
  await Promise.all(writes);
  onProgress?.({ stage: 'done', done: total, total });
  return { files: results };
}
