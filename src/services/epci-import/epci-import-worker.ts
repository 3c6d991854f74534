/**
 * A worker of the EPCI's bulk import: it reads and checks one file at a time through the one import door
 * (openExportFile; for the mailbox, a batch of envelopes that it opens first: envelope-batch.ts), tells the page
 * what the file holds (ids, dates, INSEE codes), then writes it as the page instructs (writeCheckedFile). The
 * file's records never cross to the page: two such workers read, check and write on both cores while the page
 * only keeps count.
 */
import { config } from 'zod/v4/core';
import type { ExchangeError } from '../../domain/exchange/exchange-error';
import { failedWrite, fileKeys, holdFile, writeCheckedFile, type FileKeys, type HeldFile, type WriteInstructions, type WriteOutcome } from './epci-file-writer';
import { db } from '../../db/database';
import { loadSummaryContext } from '../../db/epci-repository';
import { openImportUnit, type EnvelopeVerdict, type ImportUnit } from './envelope-batch';

declare const self: DedicatedWorkerGlobalScope;

// As in the page (src/app/parse-without-eval.ts): no code compiled with new Function(), whatever the CSP.
config({ jitless: true });

export type WorkerRequest =
  /** Started ahead of an import: load what the first file will need. */
  | { type: 'prepare' }
  /** A file, or a batch of the mailbox's envelopes to open with the EPCI's key (envelope-batch.ts). */
  | { type: 'open'; file: ImportUnit; passphrase: string | undefined }
  | { type: 'write'; name: string; instructions: WriteInstructions };

export type WorkerReply =
  | { type: 'opened'; ok: true; keys: FileKeys; verdicts: EnvelopeVerdict[] | null }
  | { type: 'opened'; ok: false; error: ExchangeError }
  | { type: 'written'; outcome: WriteOutcome };

/**
 * The file read last, waiting for the page's instructions: held (a promise) before the page hears that the file is
 * open, since its "write" may come while the summary context is still loading.
 */
let held: Promise<HeldFile> | null = null;

const reply = (message: WorkerReply) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'prepare') {
    // Failures here are met again, and reported, by the first file.
    await Promise.all([loadSummaryContext(), db.open()]).catch(() => undefined);
    return;
  }
  if (request.type === 'open') {
    const opened = await openImportUnit(request.file, { passphrase: request.passphrase });
    // The page plans the write meanwhile; the audits are summarised before its instructions are read.
    held = opened.ok ? loadSummaryContext().then((context) => holdFile(opened.payload, context)) : null;
    // A context that fails to load is reported by the write.
    held?.catch(() => undefined);
    reply(opened.ok ? { type: 'opened', ok: true, keys: fileKeys(opened.payload), verdicts: opened.verdicts } : { type: 'opened', ok: false, error: opened.error });
    return;
  }
  const pending = held;
  held = null;
  try {
    if (!pending) throw new Error('no file open');
    const file = await pending;
    reply({ type: 'written', outcome: await writeCheckedFile(request.name, file, request.instructions, await loadSummaryContext()) });
  } catch {
    reply({ type: 'written', outcome: failedWrite(request.name, 'write-failed') });
  }
};
