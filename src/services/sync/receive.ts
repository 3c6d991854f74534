/**
 * An EPCI's device: its account on the mailbox, its key, its invitations, and "Recevoir": what is new since the
 * last complete pull, streamed, each envelope opened on the device (in the import's workers) and the audit files
 * imported through the same door and write path as files chosen by hand (importAuditFiles), with the same progress.
 */
import { createMailboxKey, type OpenEnvelopeProblem } from '../../crypto/mailbox-envelope';
import type { SummaryContext } from '../../db/epci-repository';
import { importAuditFiles, type EpciFileResult, type EpciImportProgress, type EpciImportResult } from '../epci-import/epci-import';
import type { EnvelopeBatch, SealedFile } from '../epci-import/envelope-batch';
import { EnvelopeBatcher } from './envelope-batches';
import { callMailbox, callMailboxJson, MailboxError, normaliseServerUrl, readLines, readPullFrames } from './mailbox-api';
import { PULL_FRAMES_TYPE } from '../../domain/mailbox/pull-frames';
import { readEpciConnection, saveEpciConnection, type EpciConnection } from './mailbox-settings';

async function connected(): Promise<EpciConnection> {
  const connection = await readEpciConnection();
  if (!connection) throw new MailboxError('not-connected', 0);
  return connection;
}

/** Signs in; keeps the key and cursor of an earlier session on this device for the same server and account. */
export async function signIn(typedUrl: string, email: string, password: string, secret?: string, epci?: { siren: string; name: string }): Promise<EpciConnection> {
  const serverUrl = normaliseServerUrl(typedUrl);
  if (serverUrl === null) throw new MailboxError('invalid-server-url', 0);
  const { token } = secret
    ? await callMailboxJson<{ token: string }>(serverUrl, '/v1/setup', { method: 'POST', json: { secret, email, password, epci } })
    : await callMailboxJson<{ token: string }>(serverUrl, '/v1/login', { method: 'POST', json: { email, password } });
  const earlier = await readEpciConnection();
  const same = earlier && earlier.serverUrl === serverUrl && earlier.email === email.toLowerCase();
  const connection: EpciConnection = {
    serverUrl,
    session: token,
    email: email.toLowerCase(),
    key: same ? earlier.key : null,
    sealedKey: same ? earlier.sealedKey : null,
    pendingKey: same ? (earlier.pendingKey ?? null) : null,
    cursor: same ? earlier.cursor : 0,
    lastPullAt: same ? earlier.lastPullAt : null,
  };
  await saveEpciConnection(connection);
  return connection;
}

/** Makes the EPCI's key pair on this device and gives the server its public half. */
export async function createKey(passphrase: string): Promise<EpciConnection> {
  const connection = await connected();
  const { key, sealed } = await createMailboxKey(passphrase);
  await callMailboxJson(connection.serverUrl, '/v1/epci/key', { method: 'PUT', token: connection.session, json: { publicKey: key.publicKey } });
  const updated = { ...connection, key, sealedKey: sealed, pendingKey: null };
  await saveEpciConnection(updated);
  return updated;
}

export async function inviteCommune(insee: string): Promise<{ code: string; expiresAt: string }> {
  const connection = await connected();
  return callMailboxJson(connection.serverUrl, '/v1/epci/invitations', { method: 'POST', token: connection.session, json: { insee } });
}

export interface ReceiveProgress {
  stage: 'receiving';
  done: number;
}

export interface RefusedEnvelope {
  name: string;
  problem: OpenEnvelopeProblem;
}

export interface ReceiveResult {
  /**
   * The import's writes, one per batch of envelopes (a batch of one is named after its envelope), and a result for
   * each envelope whose file the door refused, named after it (`envelopes` stays empty: refused envelopes are in
   * `refused`).
   */
  import: EpciImportResult;
  /** Audits counted one by one, whatever file they went in (refused envelopes are in `refused`). */
  audits: { imported: number; duplicate: number; failed: number };
  refused: RefusedEnvelope[];
  withdrawn: number;
}

interface PulledLine {
  seq?: number;
  insee?: string;
  auditId?: string;
  envelope?: string;
  withdrawn?: boolean;
  done?: boolean;
  cursor?: number;
}

const PROGRESS_EVERY = 200;
/** The import's slots for the pull's batches: see importAuditFiles's `slots`. */
const PULL_SLOTS = 3;

/** The pull's records, whichever way the server sent them: each line, and its envelope (bytes, or base64 in a line). */
async function* pulled(response: Response): AsyncGenerator<{ line: PulledLine; envelope: Uint8Array | string }> {
  if (response.headers.get('content-type')?.startsWith(PULL_FRAMES_TYPE)) {
    for await (const frame of readPullFrames(response)) yield { line: JSON.parse(frame.head) as PulledLine, envelope: frame.envelope };
    return;
  }
  for await (const text of readLines(response)) {
    const line = JSON.parse(text) as PulledLine;
    yield { line, envelope: line.envelope ?? '' };
  }
}

const isStorageError = (file: EpciFileResult) => file.status === 'error' && (file.code === 'storage-full' || file.code === 'write-failed');

/** Batches handed to the import while the pull goes on: the import waits for the next one, or for the end. */
function batchQueue() {
  const batches: EnvelopeBatch[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  return {
    push(...more: EnvelopeBatch[]) {
      batches.push(...more);
      notify();
    },
    end() {
      ended = true;
      notify();
    },
    get ended() {
      return ended;
    },
    async *[Symbol.asyncIterator](): AsyncGenerator<EnvelopeBatch> {
      for (;;) {
        const next = batches.shift();
        if (next !== undefined) yield next;
        else if (ended) return;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

/** The audits counted one by one and the envelopes' own verdicts, over the batches and what the import made of them. */
function tally(batches: readonly EnvelopeBatch[], imported: EpciImportResult, into: ReceiveResult) {
  const deferred: SealedFile[] = [];
  for (const [index, batch] of batches.entries()) {
    const result = imported.files[index];
    const verdicts = imported.envelopes[index] ?? [];
    let gathered = 0;
    for (const [at, verdict] of verdicts.entries()) {
      const envelope = batch.envelopes[at];
      if (verdict.status === 'gathered') gathered += 1;
      else if (verdict.status === 'refused') into.refused.push({ name: verdict.name, problem: verdict.problem });
      else if (verdict.status === 'error') {
        into.import.files.push({ name: verdict.name, status: 'error', code: verdict.code });
        into.audits.failed += 1;
      } else if (envelope !== undefined) deferred.push({ ...envelope, bytes: verdict.bytes });
    }
    if (result === undefined) continue;
    if (verdicts.length === 0 && result.status === 'error') {
      // The batch failed whole, before any envelope was opened (its worker failed).
      into.import.files.push(result);
      into.audits.failed += batch.envelopes.length;
      continue;
    }
    if (gathered === 0) continue;
    into.import.files.push(result);
    if (result.status === 'imported') {
      into.audits.imported += result.added + result.updated;
      into.audits.duplicate += result.skipped;
    } else if (result.status === 'duplicate') into.audits.duplicate += result.skipped;
    else if (result.status === 'error') into.audits.failed += gathered;
  }
  into.import.written.communes.push(...imported.written.communes);
  into.import.written.entries.push(...imported.written.entries);
  return deferred;
}

/**
 * Pulls and imports. The page reads the stream and gathers the envelopes, still sealed, into batches; each batch is
 * imported as soon as it is full, by the import's workers, which open its envelopes, check each file through the
 * door and write the batch, while the page goes on reading. The cursor moves only once the stream has ended complete
 * and the import has run: a pull cut short is pulled again whole next time (importing the same version twice changes
 * nothing).
 */
export async function receive(context: SummaryContext, onProgress: (progress: ReceiveProgress | EpciImportProgress) => void = () => undefined): Promise<ReceiveResult> {
  const connection = await connected();
  const key = connection.key;
  if (key === null) throw new MailboxError('no-epci-key', 0);
  // Frames where the server sends them; JSON lines from a server older than the app.
  const response = await callMailbox(connection.serverUrl, `/v1/epci/envelopes?after=${connection.cursor}`, { token: connection.session, accept: `${PULL_FRAMES_TYPE}, application/x-ndjson` });
  const batcher = new EnvelopeBatcher(key);
  /** In the order the import is given them. */
  const batches: EnvelopeBatch[] = [];
  const queue = batchQueue();
  const hand = (ready: EnvelopeBatch[]) => {
    batches.push(...ready);
    queue.push(...ready);
  };
  const outcome: ReceiveResult = { import: { files: [], written: { communes: [], entries: [] }, envelopes: [] }, audits: { imported: 0, duplicate: 0, failed: 0 }, refused: [], withdrawn: 0 };
  let received = 0;
  let cursor: number | null = null;
  const receiving = (async () => {
    try {
      for await (const { line, envelope } of pulled(response)) {
        if (line.done) {
          cursor = line.cursor ?? null;
          break;
        }
        if (line.withdrawn) {
          outcome.withdrawn += 1;
          continue;
        }
        const name = `${line.insee ?? '?'}-${line.auditId ?? '?'}.cyberdiag.json`;
        try {
          batcher.add({ name, insee: line.insee ?? '', auditId: line.auditId ?? '' }, envelope);
        } catch {
          outcome.refused.push({ name, problem: 'not-an-envelope' });
        }
        hand(batcher.take());
        received += 1;
        // Not every envelope: each report re-renders the panel, and 35,000 renders cost more than the reading.
        if (received % PROGRESS_EVERY === 0) onProgress({ stage: 'receiving', done: received });
      }
      onProgress({ stage: 'receiving', done: received });
      hand(batcher.finish());
    } finally {
      queue.end();
    }
  })();
  // Rethrown below, once the import has ended.
  receiving.catch(() => undefined);
  // While envelopes still arrive, the panel counts them; the import's own steps show once the stream has ended.
  const first = await importAuditFiles(queue, context, { slots: PULL_SLOTS, onProgress: (progress) => (queue.ended ? onProgress(progress) : undefined) });
  await receiving;
  if (cursor === null) throw new MailboxError('incomplete-pull', 0);
  const deferred = tally(batches, first, outcome);
  // An envelope whose file shared a record with its batch's others goes on its own, planned against what they wrote.
  if (deferred.length > 0) {
    const singles = deferred.map((envelope) => batcher.batchOf([envelope]));
    tally(singles, await importAuditFiles(singles, context, { onProgress }), outcome);
  }
  if (!outcome.import.files.some(isStorageError)) {
    await saveEpciConnection({ ...connection, cursor, lastPullAt: new Date().toISOString() });
  }
  return outcome;
}
