/**
 * An EPCI's device: its account on the mailbox, its key, its invitations, and "Recevoir": what is new since the
 * last complete pull, streamed, each envelope opened on the device and the audit files imported through the same
 * door and write path as files chosen by hand (importAuditFiles), with the same progress.
 */
import { createMailboxKey, openEnvelope, type MailboxPrivateKey, type OpenEnvelopeProblem } from '../../crypto/mailbox-envelope';
import { base64ToBytes } from '../../crypto/base64';
import type { SummaryContext } from '../../db/epci-repository';
import { importAuditFiles, type EpciFileResult, type EpciImportProgress, type EpciImportResult } from '../epci-import/epci-import';
import { EnvelopeBatcher, type ImportBatch } from './envelope-batches';
import type { TextFile } from '../exchange/import-files';
import { callMailbox, callMailboxJson, MailboxError, normaliseServerUrl, readLines } from './mailbox-api';
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
  /** The import's files: a received file of its own, or a batch of them (envelope-batches.ts). */
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

/** Envelopes being opened at once: WebCrypto works off the page's thread, so they overlap with reading the stream. */
const OPENING = 16;
const PROGRESS_EVERY = 200;

type Opened = Awaited<ReturnType<typeof openEnvelope>>;

async function openLine(line: PulledLine, key: MailboxPrivateKey): Promise<Opened> {
  let opened: Opened;
  try {
    opened = await openEnvelope(base64ToBytes(line.envelope ?? ''), key);
  } catch {
    opened = { ok: false, problem: 'not-an-envelope' };
  }
  // The header the server routed on must be the one sealed inside the envelope.
  if (opened.ok && (opened.header.insee !== line.insee || opened.header.auditId !== line.auditId)) return { ok: false, problem: 'tampered-envelope' };
  return opened;
}

const isStorageError = (file: EpciFileResult) => file.status === 'error' && (file.code === 'storage-full' || file.code === 'write-failed');

/** Files handed to the import while the pull goes on: the import waits for the next one, or for the end. */
function fileQueue() {
  const files: TextFile[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  return {
    push(...more: TextFile[]) {
      files.push(...more);
      notify();
    },
    end() {
      ended = true;
      notify();
    },
    get ended() {
      return ended;
    },
    async *[Symbol.asyncIterator](): AsyncGenerator<TextFile> {
      for (;;) {
        const next = files.shift();
        if (next !== undefined) yield next;
        else if (ended) return;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

/**
 * Pulls and imports. Each batch is imported as soon as it is full, by the import's workers, while the page goes on
 * reading and opening envelopes. The cursor moves only once the stream has ended complete and the import has run: a
 * pull cut short is pulled again whole next time (importing the same version twice changes nothing).
 */
export async function receive(context: SummaryContext, onProgress: (progress: ReceiveProgress | EpciImportProgress) => void = () => undefined): Promise<ReceiveResult> {
  const connection = await connected();
  const key = connection.key;
  if (key === null) throw new MailboxError('no-epci-key', 0);
  const response = await callMailbox(connection.serverUrl, `/v1/epci/envelopes?after=${connection.cursor}`, { token: connection.session });
  const batcher = new EnvelopeBatcher();
  /** In the order the import is given them. */
  const batches: ImportBatch[] = [];
  const queue = fileQueue();
  const hand = (ready: ImportBatch[]) => {
    batches.push(...ready);
    queue.push(...ready.map((batch) => batch.file));
  };
  const refused: RefusedEnvelope[] = [];
  let received = 0;
  let withdrawn = 0;
  let cursor: number | null = null;
  const receiving = (async () => {
    try {
      // Opened in order of arrival, a few at a time.
      const opening: Array<{ name: string; insee: string; opened: Promise<Opened> }> = [];
      const settleFirst = async () => {
        const first = opening.shift();
        if (first === undefined) return;
        const opened = await first.opened;
        if (opened.ok) batcher.add({ name: first.name, insee: first.insee, text: opened.text });
        else refused.push({ name: first.name, problem: opened.problem });
        hand(batcher.take());
        received += 1;
        // Not every envelope: each report re-renders the panel, and 35,000 renders cost more than the opening.
        if (received % PROGRESS_EVERY === 0) onProgress({ stage: 'receiving', done: received });
      };
      for await (const text of readLines(response)) {
        const line = JSON.parse(text) as PulledLine;
        if (line.done) {
          cursor = line.cursor ?? null;
          break;
        }
        if (line.withdrawn) {
          withdrawn += 1;
          continue;
        }
        opening.push({ name: `${line.insee ?? '?'}-${line.auditId ?? '?'}.cyberdiag.json`, insee: line.insee ?? '', opened: openLine(line, key) });
        if (opening.length >= OPENING) await settleFirst();
      }
      while (opening.length > 0) await settleFirst();
      onProgress({ stage: 'receiving', done: received });
      hand(batcher.finish());
    } finally {
      queue.end();
    }
  })();
  // Rethrown below, once the import has ended.
  receiving.catch(() => undefined);
  // While envelopes still arrive, the panel counts them; the import's own steps show once the stream has ended.
  const first = await importAuditFiles(queue, context, { onProgress: (progress) => (queue.ended ? onProgress(progress) : undefined) });
  await receiving;
  if (cursor === null) throw new MailboxError('incomplete-pull', 0);

  // A batch the door refused goes again file by file: each of its envelopes gets its own verdict.
  const again = batches.flatMap((batch, index) => {
    const result = first.files[index];
    return batch.members.length > 1 && result?.status === 'error' && !isStorageError(result) ? batch.members : [];
  });
  const second = again.length > 0 ? await importAuditFiles(again, context, { onProgress }) : null;
  const kept = batches.flatMap((batch, index) => {
    const result = first.files[index];
    return result === undefined || (batch.members.length > 1 && result.status === 'error' && !isStorageError(result)) ? [] : [{ batch, result }];
  });
  const files = [...kept.map(({ result }) => result), ...(second?.files ?? [])];
  const audits = { imported: 0, duplicate: 0, failed: 0 };
  for (const { batch, result } of [...kept, ...again.map((member, index) => ({ batch: { members: [member] }, result: second?.files[index] }))]) {
    if (result?.status === 'imported') {
      audits.imported += result.added + result.updated;
      audits.duplicate += result.skipped;
    } else if (result?.status === 'duplicate') audits.duplicate += result.skipped;
    else if (result?.status === 'error') audits.failed += batch.members.length;
  }
  const imported: EpciImportResult = {
    files,
    written: {
      communes: [...first.written.communes, ...(second?.written.communes ?? [])],
      entries: [...first.written.entries, ...(second?.written.entries ?? [])],
    },
  };
  if (!files.some(isStorageError)) {
    await saveEpciConnection({ ...connection, cursor, lastPullAt: new Date().toISOString() });
  }
  return { import: imported, audits, refused, withdrawn };
}
