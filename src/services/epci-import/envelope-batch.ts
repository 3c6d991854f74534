/**
 * A batch of the mailbox's envelopes, opened where the import reads its files (a worker, or the page without
 * workers): each envelope opened with the EPCI's key, the audit file inside it read through the one import door
 * (openExportFile) as a file chosen by hand, and the files that pass gathered into one payload, written in one
 * transaction like a file of the EPCI bench.
 *
 * Why here and not in the page: the page used to open every envelope, parse each file, gather and re-serialise the
 * batches and copy their text to the workers, which parsed them again (docs/mailbox-measurements.md,
 * "2026-12-04: the EPCI's pull against the file import"). The envelopes' bytes and the key (a CryptoKey is
 * structured-cloneable, non-extractable or not) cross instead, and each file is parsed once.
 */
import { openEnvelope, type MailboxPrivateKey, type OpenEnvelopeProblem } from '../../crypto/mailbox-envelope';
import type { ExchangeError, ExchangeErrorCode } from '../../domain/exchange/exchange-error';
import type { ExportPayload } from '../../domain/exchange/schema-v1';
import { openExportFile, type TextFile } from '../exchange/import-files';

/** One envelope as the server routed it: the header it was routed on, and its bytes (still sealed). */
export interface SealedFile {
  /** <insee>-<audit id>.cyberdiag.json: how the envelope is named in results and refusals. */
  name: string;
  insee: string;
  auditId: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface EnvelopeBatch {
  kind: 'mailbox-envelopes';
  /** The batch's name in the import's results (its write). */
  name: string;
  envelopes: SealedFile[];
  key: MailboxPrivateKey;
}

/** What became of each envelope of a batch, in the batch's order. */
export type EnvelopeVerdict =
  /** In the batch's payload: its audits are written (or not) with the batch. */
  | { name: string; status: 'gathered' }
  /** Not opened: not an envelope, sealed to another key, or changed on the way. */
  | { name: string; status: 'refused'; problem: OpenEnvelopeProblem }
  /** Opened, and its file refused by the door, as the same file chosen by hand would be. */
  | { name: string; status: 'error'; code: ExchangeErrorCode }
  /**
   * Opened and valid, but sharing a commune, audit or plan item with a file already in the batch: the caller imports
   * it on its own afterwards, planned against what the batch wrote. Its bytes come back with it: the batch's were
   * handed to the worker.
   */
  | { name: string; status: 'deferred'; bytes: Uint8Array<ArrayBuffer> };

export const isEnvelopeBatch = (unit: object): unit is EnvelopeBatch => 'kind' in unit && unit.kind === 'mailbox-envelopes';

/** Envelopes being opened at once: WebCrypto works off this thread, so the next ones open while a file is checked. */
const OPENING = 16;

type Opened = Awaited<ReturnType<typeof openEnvelope>>;

async function openSealed(envelope: SealedFile, key: MailboxPrivateKey): Promise<Opened> {
  let opened: Opened;
  try {
    opened = await openEnvelope(envelope.bytes, key);
  } catch {
    opened = { ok: false, problem: 'not-an-envelope' };
  }
  // The header the server routed on must be the one sealed inside the envelope.
  if (opened.ok && (opened.header.insee !== envelope.insee || opened.header.auditId !== envelope.auditId)) return { ok: false, problem: 'tampered-envelope' };
  return opened;
}

/** The records a file writes or is planned against, and its envelope's commune: two files that share one are not gathered. */
function keysOf(payload: ExportPayload, insee: string): string[] {
  const keys = [`insee:${insee}`];
  for (const commune of payload.communes) {
    keys.push(`commune:${commune.id}`);
    if (commune.insee) keys.push(`insee:${commune.insee}`);
  }
  for (const audit of payload.audits) keys.push(`audit:${audit.id}`);
  for (const item of payload.planItems) keys.push(`plan:${item.auditId}|${item.actionId}`);
  return keys;
}

/**
 * Opens every envelope of the batch, in order, and checks its file through the door. The payload gathers the files
 * that passed and share no record; each file was checked whole by the door, and their records are disjoint, so the
 * gathered payload holds what the door would accept of them one by one.
 */
export async function openEnvelopeBatch(batch: EnvelopeBatch, { passphrase }: { passphrase?: string | undefined } = {}): Promise<{ payload: ExportPayload; verdicts: EnvelopeVerdict[] }> {
  const payload: ExportPayload = { communes: [], audits: [], planItems: [] };
  const verdicts: EnvelopeVerdict[] = [];
  const taken = new Set<string>();
  const opening: Array<Promise<Opened>> = [];
  let next = 0;
  const startNext = () => {
    const envelope = batch.envelopes[next++];
    if (envelope !== undefined) opening.push(openSealed(envelope, batch.key));
  };
  while (next < OPENING) startNext();
  for (const envelope of batch.envelopes) {
    const opened = await (opening.shift() ?? Promise.resolve<Opened>({ ok: false, problem: 'not-an-envelope' }));
    startNext();
    if (!opened.ok) {
      verdicts.push({ name: envelope.name, status: 'refused', problem: opened.problem });
      continue;
    }
    const read = await openExportFile({ name: envelope.name, text: opened.text }, { passphrase });
    if (!read.ok) {
      verdicts.push({ name: envelope.name, status: 'error', code: read.error.code });
      continue;
    }
    const file = read.value.payload;
    const keys = keysOf(file, envelope.insee);
    if (keys.some((key) => taken.has(key))) {
      verdicts.push({ name: envelope.name, status: 'deferred', bytes: envelope.bytes.slice() });
      continue;
    }
    for (const key of keys) taken.add(key);
    payload.communes.push(...file.communes);
    payload.audits.push(...file.audits);
    payload.planItems.push(...file.planItems);
    verdicts.push({ name: envelope.name, status: 'gathered' });
  }
  return { payload, verdicts };
}

/** What the import reads as one file: a file (chosen by hand, or a text in memory) or a batch of envelopes. */
export type ImportUnit = Blob | TextFile | EnvelopeBatch;

/** A unit read and checked: its payload to write (a batch's gathered files), and what became of each envelope. */
export type OpenedUnit = { ok: true; payload: ExportPayload; verdicts: EnvelopeVerdict[] | null } | { ok: false; error: ExchangeError };

export async function openImportUnit(unit: ImportUnit, { passphrase }: { passphrase?: string | undefined }): Promise<OpenedUnit> {
  if (isEnvelopeBatch(unit)) return { ok: true, ...(await openEnvelopeBatch(unit, { passphrase })) };
  const opened = await openExportFile(unit, { passphrase });
  return opened.ok ? { ok: true, payload: opened.value.payload, verdicts: null } : opened;
}
