/**
 * An EPCI's device: its account on the mailbox, its key, its invitations, and "Recevoir": what is new since the
 * last complete pull, streamed, each envelope opened on the device and the audit files imported through the same
 * door and write path as files chosen by hand (importAuditFiles), with the same progress.
 */
import { createMailboxKey, openEnvelope, type OpenEnvelopeProblem } from '../../crypto/mailbox-envelope';
import { base64ToBytes } from '../../crypto/base64';
import type { SummaryContext } from '../../db/epci-repository';
import { importAuditFiles, type EpciImportProgress, type EpciImportResult } from '../epci-import/epci-import';
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
  import: EpciImportResult;
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

/**
 * Pulls and imports. The cursor moves only once the stream has ended complete and the import has run: a pull cut
 * short is pulled again whole next time (importing the same version twice changes nothing).
 */
export async function receive(context: SummaryContext, onProgress: (progress: ReceiveProgress | EpciImportProgress) => void = () => undefined): Promise<ReceiveResult> {
  const connection = await connected();
  if (connection.key === null) throw new MailboxError('no-epci-key', 0);
  const response = await callMailbox(connection.serverUrl, `/v1/epci/envelopes?after=${connection.cursor}`, { token: connection.session });
  const files: File[] = [];
  const refused: RefusedEnvelope[] = [];
  let withdrawn = 0;
  let cursor: number | null = null;
  for await (const text of readLines(response)) {
    const line = JSON.parse(text) as PulledLine;
    if (line.done) {
      cursor = line.cursor ?? null;
      break;
    }
    const name = `${line.insee ?? '?'}-${line.auditId ?? '?'}.cyberdiag.json`;
    if (line.withdrawn) {
      withdrawn += 1;
      continue;
    }
    let opened: Awaited<ReturnType<typeof openEnvelope>>;
    try {
      opened = await openEnvelope(base64ToBytes(line.envelope ?? ''), connection.key);
    } catch {
      opened = { ok: false, problem: 'not-an-envelope' };
    }
    // The header the server routed on must be the one sealed inside the envelope.
    if (opened.ok && (opened.header.insee !== line.insee || opened.header.auditId !== line.auditId)) opened = { ok: false, problem: 'tampered-envelope' };
    if (opened.ok) files.push(new File([opened.text], name, { type: 'application/json' }));
    else refused.push({ name, problem: opened.problem });
    onProgress({ stage: 'receiving', done: files.length + refused.length });
  }
  if (cursor === null) throw new MailboxError('incomplete-pull', 0);
  const imported = await importAuditFiles(files, context, { onProgress });
  if (!imported.files.some((file) => file.status === 'error' && (file.code === 'storage-full' || file.code === 'write-failed'))) {
    await saveEpciConnection({ ...connection, cursor, lastPullAt: new Date().toISOString() });
  }
  return { import: imported, refused, withdrawn };
}
