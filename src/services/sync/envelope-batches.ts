/**
 * The audit files opened from the mailbox, gathered into export files of up to 2,000 audits before the import.
 * A pull of all of France is 35,000 one-audit files: through the bulk import one by one, that is 35,000 reads in
 * a worker and 35,000 transactions, where the same audits in files take 18 (bench: tests/bench/mailbox/pull.run.ts).
 * Gathered, they go through the same door (openExportFile: schema, cross-record checks, dates) and the same write
 * path as files chosen by hand.
 *
 * Only what the door would take alike is gathered: version 1 audits files with the same frame (format, version,
 * app, kind), and a file joins a batch only if it shares no commune, audit, plan item or INSEE code with it (two
 * audits of one commune go to two batches, planned one after the other by the import). Anything else (a file that
 * is not JSON, an older or encrypted format) stays a file of its own and gets the door's own verdict. A gathered
 * file the door refuses is imported again file by file by the caller (splitRefused), so that one bad audit never
 * holds back 1,999 others and each refusal names its envelope.
 */
import { EXPORT_FILE_EXTENSION, EXPORT_FORMAT_ID, EXPORT_LIMITS, EXPORT_VERSION_WITHOUT_KEY } from '../../domain/exchange/export-format';
import type { TextFile } from '../exchange/import-files';

const MAX_AUDITS = 2_000;
/** Well under the door's cap for an audits file, which the gathered file must pass. */
const MAX_TEXT = EXPORT_LIMITS.auditsFileBytes / 2;

export interface ReceivedFile {
  /** <insee>-<audit id>.cyberdiag.json: how the envelope is named in results and refusals. */
  name: string;
  /** From the envelope's authenticated header. */
  insee: string;
  text: string;
}

/** One file for the import (its text: no File made in the page) and the received files it holds (one, or a batch). */
export interface ImportBatch {
  file: TextFile;
  members: ReceivedFile[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

interface Parts {
  frame: string;
  exportedAt: string;
  communes: unknown[];
  audits: unknown[];
  planItems: unknown[];
  keys: string[];
}

function partsOf(received: ReceivedFile): Parts | null {
  let document: unknown;
  try {
    document = JSON.parse(received.text);
  } catch {
    return null;
  }
  // The version the app writes every audits file in, not the newest it reads (a backup with the mailbox key is the
  // only version 2 file): on the newest, nothing would be gathered and every envelope would be a file of its own.
  if (!isObject(document) || document.format !== EXPORT_FORMAT_ID || document.version !== EXPORT_VERSION_WITHOUT_KEY || document.kind !== 'audits') return null;
  const { payload, exportedAt, ...frame } = document;
  if (!isObject(payload) || typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt))) return null;
  const { communes, audits, planItems, ...other } = payload;
  if (Object.keys(other).length > 0 || !Array.isArray(communes) || !Array.isArray(audits) || !Array.isArray(planItems)) return null;
  const keys = [`insee:${received.insee}`];
  for (const [kind, records] of [['commune', communes], ['audit', audits], ['plan', planItems]] as const) {
    for (const record of records) {
      if (!isObject(record) || typeof record.id !== 'string') return null;
      keys.push(`${kind}:${record.id}`);
      if (kind === 'commune' && typeof record.insee === 'string' && record.insee !== '') keys.push(`insee:${record.insee}`);
    }
  }
  return { frame: JSON.stringify(frame), exportedAt, communes, audits, planItems, keys };
}

class Batch {
  readonly keys = new Set<string>();
  readonly members: ReceivedFile[] = [];
  readonly communes: unknown[] = [];
  readonly audits: unknown[] = [];
  readonly planItems: unknown[] = [];
  exportedAt = '';
  text = 0;

  constructor(readonly frame: string) {}

  add(parts: Parts, received: ReceivedFile): void {
    for (const key of parts.keys) this.keys.add(key);
    this.members.push(received);
    this.communes.push(...parts.communes);
    this.audits.push(...parts.audits);
    this.planItems.push(...parts.planItems);
    // The latest: the door refuses a record dated after its file.
    if (this.exportedAt === '' || Date.parse(parts.exportedAt) > Date.parse(this.exportedAt)) this.exportedAt = parts.exportedAt;
    this.text += received.text.length;
  }

  get full(): boolean {
    return this.members.length >= MAX_AUDITS || this.text >= MAX_TEXT;
  }
}

const single = (received: ReceivedFile): ImportBatch => ({ file: { name: received.name, text: received.text }, members: [received] });

export class EnvelopeBatcher {
  private readonly open: Batch[] = [];
  private readonly batches: ImportBatch[] = [];
  private gathered = 0;

  add(received: ReceivedFile): void {
    const parts = partsOf(received);
    if (parts === null) {
      this.batches.push(single(received));
      return;
    }
    let batch = this.open.find((candidate) => candidate.frame === parts.frame && !parts.keys.some((key) => candidate.keys.has(key)));
    if (batch === undefined) {
      batch = new Batch(parts.frame);
      this.open.push(batch);
    }
    batch.add(parts, received);
    if (batch.full) this.close(batch);
  }

  private close(batch: Batch): void {
    this.open.splice(this.open.indexOf(batch), 1);
    const [only] = batch.members;
    if (batch.members.length === 1 && only !== undefined) {
      this.batches.push(single(only));
      return;
    }
    const frame = JSON.parse(batch.frame) as Record<string, unknown>;
    const text = JSON.stringify({ ...frame, exportedAt: batch.exportedAt, payload: { communes: batch.communes, audits: batch.audits, planItems: batch.planItems } });
    this.gathered += 1;
    this.batches.push({ file: { name: `mailbox-${this.gathered}${EXPORT_FILE_EXTENSION}`, text }, members: batch.members });
  }

  private given = 0;

  /** The files ready since the last call: those of their own as they came, each batch once full. */
  take(): ImportBatch[] {
    const ready = this.batches.slice(this.given);
    this.given = this.batches.length;
    return ready;
  }

  /** The rest, once every envelope is in: the batches not full yet. */
  finish(): ImportBatch[] {
    for (const batch of [...this.open]) this.close(batch);
    return this.take();
  }
}
