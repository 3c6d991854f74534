/**
 * The EPCI's bulk import: many audit files at once (a selection or a dropped folder), each through the one import
 * door (openExportFile: size cap, parse, strict schema, upgrade, cross-record checks), planned by the exchange
 * domain (planImport: commune reuse by id or INSEE code, ids, plan items), duplicates settled without asking
 * (decideDuplicate), one result per file.
 *
 * Built for 35,000 audits in a few large files (bench/epci.mjs), hence its own orchestration rather than
 * importFiles/applyImport:
 * - each file is written in its own transaction with the summaries the EPCI view reads: all or nothing per file,
 *   and a storage error on the 17th file keeps the 16 before it, and says so;
 * - two workers take the files in turn, each reading its next file once it has written its last: while one writes
 *   file n, the other reads and checks file n + 1, on the other core, and both may read at once; the records never
 *   travel to the page, which keeps only ids, dates and INSEE codes (without workers, as in jsdom, the same steps
 *   run in the page). The mailbox's pull hands them batches of envelopes, which they open first (envelope-batch.ts);
 * - a file that shares no audit, commune or INSEE code with the files before it still being written is written
 *   at once, without waiting for them: its plan cannot depend on what they write, whether they succeed or fail,
 *   and the database takes its transaction as soon as theirs ends (it sat idle between files otherwise). A file
 *   that shares one waits for them, and is planned against what they wrote;
 * - what the device already holds is read once, by key, and kept up to date as files are written: applyImport
 *   reads it again for every file, with queries whose cost grows with the table.
 */
import { decideDuplicate } from '../../domain/epci/duplicate-policy';
import type { ExchangeError } from '../../domain/exchange/exchange-error';
import type { ExistingAudit } from '../../domain/exchange/plan-import';
import { db } from '../../db/database';
import { failedWrite, fileKeys, holdFile, writeCheckedFile, type CommuneKey, type HeldFile, type EpciFileResult, type FileKeys, type WriteInstructions, type WriteOutcome } from './epci-file-writer';
import type { WorkerReply, WorkerRequest } from './epci-import-worker';
import type { CommuneInfo, SummaryEntry } from '../../domain/epci/epci-row';
import { auditUpdatedAt, entriesOfPack, loadSummaryContextFor, type SummaryContext } from '../../db/epci-repository';
import { isEnvelopeBatch, openImportUnit, type EnvelopeVerdict, type ImportUnit } from './envelope-batch';

export type { EpciFileResult } from './epci-file-writer';

export interface EpciImportProgress {
  /** reading: files read and checked so far (earlier ones being written meanwhile); writing: the last writes. */
  stage: 'reading' | 'writing' | 'done';
  done: number;
  total: number;
}

export interface EpciImportResult {
  files: EpciFileResult[];
  /**
   * What the import added, as the EPCI view shows it: the new communes and the summaries of the audits written
   * (an updated audit's replaces its earlier one). The view adds them to what it had read rather than read
   * 35,000 records back; the database holds the same.
   */
  written: { communes: CommuneInfo[]; entries: SummaryEntry[] };
  /** For each batch of the mailbox's envelopes, at its index in `files`: what became of each envelope. */
  envelopes: Array<EnvelopeVerdict[] | undefined>;
}

/** What the device holds that a file can collide with, read once and kept up to date as files are written. */
class DeviceState {
  private readonly communeById = new Map<string, CommuneKey>();
  private readonly communeByInsee = new Map<string, CommuneKey>();

  private constructor(
    private readonly audits: Map<string, string>,
    communes: readonly CommuneKey[],
  ) {
    for (const commune of communes) this.addCommune(commune);
  }

  static async read(): Promise<DeviceState> {
    const [audits, communes] = await Promise.all([auditUpdatedAt(), db.communes.toArray()]);
    return new DeviceState(audits, communes.map(({ id, insee, name }) => ({ id, insee, name })));
  }

  private addCommune(commune: CommuneKey): void {
    this.communeById.set(commune.id, commune);
    if (commune.insee && !this.communeByInsee.has(commune.insee)) this.communeByInsee.set(commune.insee, commune);
  }

  /** The context planImport expects for one file, and the decision for each of its audits already here. */
  instructionsFor(keys: FileKeys): WriteInstructions {
    const existingAudits = new Map<string, ExistingAudit>();
    const decisions: WriteInstructions['decisions'] = [];
    for (const [id, updatedAt] of keys.audits) {
      const decision = decideDuplicate(updatedAt, this.audits.get(id));
      if (decision === null) continue;
      existingAudits.set(id, { id });
      decisions.push([id, decision]);
    }
    const existingCommunes: CommuneKey[] = [];
    for (const commune of keys.communes) {
      const byId = this.communeById.get(commune.id);
      const byInsee = commune.insee ? this.communeByInsee.get(commune.insee) : undefined;
      if (byId) existingCommunes.push(byId);
      if (byInsee && byInsee !== byId) existingCommunes.push(byInsee);
    }
    return { context: { existingAudits, existingCommunes }, decisions };
  }

  record(outcome: WriteOutcome): void {
    for (const commune of outcome.communes) this.addCommune(commune);
    for (const [id, updatedAt] of outcome.audits) this.audits.set(id, updatedAt);
  }
}

type Opened = { ok: true; keys: FileKeys; verdicts: EnvelopeVerdict[] | null } | { ok: false; error: ExchangeError };

/**
 * The records a file may write or be planned against: its audit ids, commune ids and INSEE codes. What a
 * file writes beyond them has a fresh id (a copy kept beside an audit, a renamed commune), so two files whose
 * footprints do not meet cannot change each other's plan.
 */
type Footprint = ReadonlySet<string>;

function footprintOf(keys: FileKeys): Footprint {
  const footprint = new Set<string>();
  for (const [id] of keys.audits) footprint.add(`audit:${id}`);
  for (const commune of keys.communes) {
    footprint.add(`commune:${commune.id}`);
    if (commune.insee) footprint.add(`insee:${commune.insee}`);
  }
  return footprint;
}

function overlaps(a: Footprint, b: Footprint): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const key of small) if (large.has(key)) return true;
  return false;
}

/** Reads, checks and holds one file at a time, then writes it when told how. */
interface FileSlot {
  open(file: ImportUnit): Promise<Opened>;
  write(name: string, instructions: WriteInstructions): Promise<WriteOutcome>;
  close(): void;
}

function pageSlot(passphrase: string | undefined, summaries: SummaryContext): FileSlot {
  let held: HeldFile | null = null;
  return {
    async open(file) {
      const opened = await openImportUnit(file, { passphrase });
      held = opened.ok ? holdFile(opened.payload, summaries) : null;
      return opened.ok ? { ok: true, keys: fileKeys(opened.payload), verdicts: opened.verdicts } : { ok: false, error: opened.error };
    },
    async write(name, instructions) {
      const file = held;
      held = null;
      if (!file) return failedWrite(name, 'write-failed');
      return writeCheckedFile(name, file, instructions, summaries);
    },
    close: () => undefined,
  };
}

const startWorker = () => new Worker(new URL('./epci-import-worker.ts', import.meta.url), { type: 'module' });

/** Workers started while the view waits for files (prepareImportWorkers); an import takes them. */
const prepared: Worker[] = [];
const failedEarly = new WeakSet<Worker>();

/**
 * Starts the import's two workers ahead of time, their code loaded, questionnaire read and database open, so that
 * an import starts reading at once (starting them was a large share of a small import: docs/measurements.md).
 * Returns what gives back those no import has taken (the view closes).
 */
export function prepareImportWorkers(): () => void {
  if (typeof Worker === 'undefined') return () => undefined;
  const started: Worker[] = [];
  while (prepared.length < 2) {
    const worker = startWorker();
    worker.onerror = (event) => {
      event.preventDefault();
      failedEarly.add(worker);
    };
    worker.postMessage({ type: 'prepare' } satisfies WorkerRequest);
    prepared.push(worker);
    started.push(worker);
  }
  return () => {
    for (const worker of started) {
      const index = prepared.indexOf(worker);
      if (index === -1) continue;
      prepared.splice(index, 1);
      worker.terminate();
    }
  };
}

function takeWorker(): Worker {
  for (let worker = prepared.shift(); worker; worker = prepared.shift()) {
    if (!failedEarly.has(worker)) return worker;
    worker.terminate();
  }
  return startWorker();
}

/** A slot in a worker; if the worker cannot run, the page takes over (same door, same writes). */
function workerSlot(passphrase: string | undefined, summaries: SummaryContext): FileSlot {
  const fallback = pageSlot(passphrase, summaries);
  const worker = takeWorker();
  let waiting: ((reply: WorkerReply | null) => void) | null = null;
  let broken = false;
  worker.onmessage = (event: MessageEvent<WorkerReply>) => waiting?.(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    broken = true;
    worker.terminate();
    waiting?.(null);
  };
  const ask = (request: WorkerRequest, transfer: Transferable[] = []) =>
    new Promise<WorkerReply | null>((resolve) => {
      waiting = resolve;
      worker.postMessage(request, transfer);
    });
  return {
    async open(file) {
      if (broken) return fallback.open(file);
      // A batch's envelopes cross as their buffer, transferred rather than copied by the page.
      const transfer = isEnvelopeBatch(file) ? [...new Set(file.envelopes.map((envelope) => envelope.bytes.buffer))] : [];
      const reply = await ask({ type: 'open', file, passphrase }, transfer);
      if (reply?.type === 'opened') return reply.ok ? { ok: true, keys: reply.keys, verdicts: reply.verdicts } : { ok: false, error: reply.error };
      // The worker failed: the page takes over, but a batch it handed over is no longer the page's to read. It fails
      // as a write does, and the pull keeps its cursor: the next pull brings these envelopes again.
      if (transfer.length > 0) return { ok: false, error: { code: 'write-failed', detail: 'worker' } };
      return fallback.open(file);
    },
    async write(name, instructions) {
      if (broken) return fallback.write(name, instructions);
      const reply = await ask({ type: 'write', name, instructions });
      return reply?.type === 'written' ? reply.outcome : failedWrite(name, 'write-failed');
    },
    close: () => worker.terminate(),
  };
}

/** A promise settled from outside: a file's write, known before the file is read. */
function settlement() {
  let resolve: () => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const fileName = (file: ImportUnit, index: number) => ('name' in file && typeof file.name === 'string' ? file.name : `#${index + 1}`);

/**
 * `files` may also arrive while the import runs (an AsyncIterable: the mailbox's pull, whose batches are imported as
 * they are opened); `total` then counts those come so far.
 */
export async function importAuditFiles(
  files: ReadonlyArray<ImportUnit> | AsyncIterable<ImportUnit>,
  summaries: SummaryContext,
  {
    passphrase,
    onProgress,
    slots: slotCount = 2,
  }: {
    passphrase?: string | undefined;
    onProgress?: (progress: EpciImportProgress) => void;
    /**
     * Files read or written at once. Two suit files, whose reading is short beside their write: while one slot
     * writes, the other reads. The mailbox's batches take longer to open (each envelope decrypted and inflated) than
     * to write, and the writes take turns in the database: a third slot opens a batch while the other two wait on
     * theirs (docs/mailbox-measurements.md).
     */
    slots?: number;
  } = {},
): Promise<EpciImportResult> {
  const known = Array.isArray(files) ? (files as ReadonlyArray<ImportUnit>).length : 0;
  let total = known;
  const results: EpciFileResult[] = [];
  const envelopes: EpciImportResult['envelopes'] = [];
  const written: EpciImportResult['written'] = { communes: [], entries: [] };
  const device = await DeviceState.read();
  const makeSlot = typeof Worker === 'undefined' ? pageSlot : workerSlot;
  // File n goes to slot n % slots: one slot reads while another writes.
  const slots = Array.from({ length: Math.max(1, slotCount) }, () => makeSlot(passphrase, summaries));
  /** Each file's write, done once it is written (or has failed, or has nothing to write). */
  const writes: Promise<void>[] = [];
  /** The files read and not yet written, with what they may write, for the files after them to wait on. */
  const unwritten = new Map<number, { footprint: Footprint; written: Promise<void> }>();
  onProgress?.({ stage: 'reading', done: 0, total });
  try {
    let count = 0;
    /** The files are planned in order, each once the one before it is: its plan depends on what they write. */
    let planned: Promise<void> = Promise.resolve();
    for await (const file of files) {
      // One constant per file: the steps below refer to it after the loop has moved on.
      const index = count++;
      total = Math.max(known, count);
      const slot = slots[index % slots.length];
      if (slot === undefined) throw new Error('no slot');
      const name = fileName(file, index);
      const write = settlement();
      writes[index] = write.promise;
      // A slot holds one file: it reads the next one once its previous file is written. The slots read at once:
      // reading a batch of envelopes (opening each, then the door) takes longer than writing it, and read one after
      // the other they left a core idle (docs/mailbox-measurements.md).
      const opening = Promise.resolve(writes[index - slots.length]).then(() => slot.open(file));
      // Met by the planning below, unless an earlier file's failure ended the import first.
      opening.catch(() => undefined);
      planned = planned.then(async () => {
        const opened = await opening;
        if (opened.ok && opened.verdicts !== null) envelopes[index] = opened.verdicts;
        if (!opened.ok) {
          results[index] = { name, status: 'error', code: opened.error.code };
          write.resolve();
        } else if (opened.verdicts !== null && !opened.verdicts.some((verdict) => verdict.status === 'gathered')) {
          // A batch none of whose envelopes passed: nothing to write.
          results[index] = { name, status: 'empty' };
          write.resolve();
        } else {
          // Planned against what the earlier files it shares records with wrote; the others do not matter to it.
          const footprint = footprintOf(opened.keys);
          const earlier = [...unwritten.values()].filter((other) => overlaps(other.footprint, footprint)).map((other) => other.written);
          const settled = Promise.allSettled(earlier)
            .then(async () => {
              const outcome = await slot.write(name, device.instructionsFor(opened.keys));
              device.record(outcome);
              results[index] = outcome.result;
              written.communes.push(...outcome.communes);
              if (outcome.pack) written.entries.push(...entriesOfPack(outcome.pack, summaries));
              for (const other of outcome.otherPacks) {
                const context = await loadSummaryContextFor(other.version);
                if (context) written.entries.push(...entriesOfPack(other.pack, context));
              }
            })
            .finally(() => unwritten.delete(index));
          unwritten.set(index, { footprint, written: settled });
          settled.then(write.resolve, write.reject);
        }
        onProgress?.({ stage: 'reading', done: index + 1, total });
      });
    }
    await planned;
    onProgress?.({ stage: 'writing', done: total, total });
    await Promise.all(writes);
  } finally {
    for (const slot of slots) slot.close();
  }
  onProgress?.({ stage: 'done', done: total, total });
  return { files: results, written, envelopes };
}
