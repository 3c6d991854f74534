/**
 * A commune's device: its connection to the intercommunalité's mailbox and the outbox of audits to send.
 * "Envoyer à mon intercommunalité" puts the audit in the outbox (stored with the audits, schema version 6) at
 * once, online or not; sendPending() seals and sends what is due, and leaves what failed for later with a growing
 * back-off. Putting the same version in again changes nothing; a newer version goes back to pending.
 */
import { db } from '../../db/database';
import type { OutboxRecord } from '../../db/records';
import { sealEnvelope } from '../../crypto/mailbox-envelope';
import { exportData } from '../exchange/export-files';
import { callMailbox, callMailboxJson, MailboxError, normaliseServerUrl, type RecipientKey } from './mailbox-api';
import { readDeviceConnection, saveDeviceConnection, type DeviceConnection } from './mailbox-settings';

/** Back-off after the n-th failed attempt: 5 s, 10 s, 20 s … up to an hour, with a little jitter. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(5_000 * 2 ** Math.max(attempts - 1, 0), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Redeems an invitation code: the device token and the EPCI's public key are kept in settings. */
export async function connectDevice(typedUrl: string, code: string): Promise<DeviceConnection> {
  const serverUrl = normaliseServerUrl(typedUrl);
  if (serverUrl === null) throw new MailboxError('invalid-server-url', 0);
  const redeemed = await callMailboxJson<{ token: string; insee: string; epci: RecipientKey }>(serverUrl, '/v1/device/redeem', {
    method: 'POST',
    json: { code, label: 'Cyberdiag' },
  });
  const connection: DeviceConnection = { serverUrl, token: redeemed.token, insee: redeemed.insee, epci: redeemed.epci };
  await saveDeviceConnection(connection);
  return connection;
}

/**
 * Forgets the connection on this device after revoking its token on the server. A server that cannot be reached does
 * not keep the device linked (it may be gone for good), but `revoked` says so: the user is told the token still
 * works there. A token the server no longer knows counts as revoked.
 */
export async function disconnectDevice(): Promise<{ revoked: boolean }> {
  const connection = await readDeviceConnection();
  let revoked = true;
  if (connection) {
    revoked = await callMailbox(connection.serverUrl, '/v1/device', { method: 'DELETE', token: connection.token }).then(
      () => true,
      (error: unknown) => error instanceof MailboxError && error.status === 401,
    );
  }
  await saveDeviceConnection(null);
  return { revoked };
}

/**
 * Withdraws the audit from the mailbox: the server erases its envelope, and the EPCI's next "Recevoir" counts it as
 * withdrawn. What the EPCI already received stays on its device: nothing reaches back there. The outbox row goes
 * first, so that a pending send of it does not leave afterwards (one on its way is waited for); it comes back as it
 * was when the server could not be reached (nothing was withdrawn, the user is told and may try again). Nothing on the server (a send that never
 * left) is no failure: the audit is not in the mailbox, which is what the user asked.
 */
export async function withdrawAudit(auditId: string): Promise<void> {
  const connection = await readDeviceConnection();
  if (!connection) throw new MailboxError('not-connected', 0);
  const record = await db.outbox.get(auditId);
  await db.outbox.delete(auditId);
  // A send of it already on its way would land after the withdrawal: let it land first, then erase it.
  await sending.get(auditId)?.catch(() => undefined);
  try {
    await callMailbox(connection.serverUrl, `/v1/device/envelopes/${encodeURIComponent(auditId)}`, { method: 'DELETE', token: connection.token });
  } catch (error) {
    if (error instanceof MailboxError && error.code === 'not-found') return;
    if (record) {
      // Put back unless the audit was queued again meanwhile.
      await db.transaction('rw', db.outbox, async () => {
        if ((await db.outbox.get(auditId)) === undefined) await db.outbox.put(record);
      });
    }
    throw error;
  }
}

/** Puts the audit's current version in the outbox; the same version again changes nothing. */
export async function queueAudit(auditId: string, now = new Date()): Promise<OutboxRecord> {
  return db.transaction('rw', db.audits, db.outbox, async () => {
    const audit = await db.audits.get(auditId);
    if (!audit) throw new MailboxError('not-found', 404);
    const existing = await db.outbox.get(auditId);
    if (existing && existing.versionDate === audit.updatedAt) return existing;
    const record: OutboxRecord = {
      auditId,
      communeId: audit.communeId,
      versionDate: audit.updatedAt,
      state: 'pending',
      queuedAt: now.toISOString(),
      sentAt: null,
      attempts: 0,
      retryAt: null,
      lastError: null,
    };
    await db.outbox.put(record);
    return record;
  });
}

export function outboxRecord(auditId: string): Promise<OutboxRecord | undefined> {
  return db.outbox.get(auditId);
}

export async function refreshRecipient(connection: DeviceConnection): Promise<DeviceConnection> {
  const epci = await callMailboxJson<RecipientKey>(connection.serverUrl, '/v1/device/recipient', { token: connection.token });
  const updated = { ...connection, epci };
  await saveDeviceConnection(updated);
  return updated;
}

interface SendOutcome {
  connection: DeviceConnection;
  outcome: 'stored' | 'unchanged' | 'older';
  /** The version sent: the audit as it is now (it may have changed since it was queued). */
  versionDate: string;
}

async function sendOne(record: OutboxRecord, connection: DeviceConnection): Promise<SendOutcome> {
  const audit = await db.audits.get(record.auditId);
  if (!audit) throw new MailboxError('not-found', 404);
  // The file the commune would export for this audit, sealed: the EPCI imports it through the same door.
  const file = await exportData({ kind: 'audits', auditIds: [record.auditId] }, { label: record.auditId });
  let current = connection;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (current.epci.publicKey === null || current.epci.keyId === null) current = await refreshRecipient(current);
    const { publicKey, keyId } = current.epci;
    if (publicKey === null || keyId === null) throw new MailboxError('no-epci-key', 409);
    const envelope = await sealEnvelope(file.text, { publicKey, keyId }, { insee: current.insee, auditId: audit.id, versionDate: audit.updatedAt });
    try {
      const response = await callMailbox(current.serverUrl, '/v1/device/envelopes', { method: 'PUT', token: current.token, bytes: envelope });
      return { connection: current, outcome: response.status === 201 ? 'stored' : 'unchanged', versionDate: audit.updatedAt };
    } catch (error) {
      // The EPCI made a new key since: fetch it and seal again, once.
      if (error instanceof MailboxError && error.code === 'stale-key' && attempt === 0) {
        current = await refreshRecipient(current);
        continue;
      }
      if (error instanceof MailboxError && error.code === 'older-version') return { connection: current, outcome: 'older', versionDate: audit.updatedAt };
      throw error;
    }
  }
  throw new MailboxError('stale-key', 409);
}

/** The sends on their way in this page, by audit id: a withdrawal waits for its audit's. */
const sending = new Map<string, Promise<SendOutcome>>();

async function sendTracked(record: OutboxRecord, connection: DeviceConnection): Promise<SendOutcome> {
  const sent = sendOne(record, connection);
  sending.set(record.auditId, sent);
  try {
    return await sent;
  } finally {
    sending.delete(record.auditId);
  }
}

export interface SendReport {
  sent: number;
  failed: number;
  /** The earliest time a failed send may be tried again, if any. */
  nextRetryAt: string | null;
}

/**
 * Sends every pending audit whose retry time has come, one after the other; with `all`, every pending audit (the
 * network has just come back: what was waiting for it need not wait out its back-off). The report's nextRetryAt is
 * the earliest retry time of whatever is still pending, sent this round or not.
 */
export async function sendPending(now: () => Date = () => new Date(), { all = false }: { all?: boolean } = {}): Promise<SendReport> {
  let connection = await readDeviceConnection();
  const report: SendReport = { sent: 0, failed: 0, nextRetryAt: null };
  if (!connection) return report;
  const due = (await db.outbox.where('state').equals('pending').toArray()).filter((r) => all || r.retryAt === null || r.retryAt <= now().toISOString());
  for (const record of due) {
    // Its audit is gone (a restore replaced the device's audits): nothing is left to send, and nothing to retry.
    if ((await db.audits.get(record.auditId)) === undefined) {
      await db.outbox.delete(record.auditId);
      continue;
    }
    try {
      const sent = await sendTracked(record, connection);
      connection = sent.connection;
      // Marked sent unless a newer version was queued while this one was on its way (it stays pending).
      await db.transaction('rw', db.outbox, async () => {
        const latest = await db.outbox.get(record.auditId);
        if (!latest || latest.versionDate > sent.versionDate) return;
        await db.outbox.put({
          ...latest,
          state: 'sent',
          versionDate: sent.versionDate,
          sentAt: now().toISOString(),
          attempts: 0,
          retryAt: null,
          lastError: sent.outcome === 'older' ? 'older-version' : null,
        });
      });
      report.sent += 1;
    } catch (error) {
      const code = error instanceof MailboxError ? error.code : 'unexpected';
      const transient = error instanceof MailboxError ? error.transient : false;
      const attempts = record.attempts + 1;
      // A refusal that waiting will not cure (revoked device, no key yet) is still retried, an hour apart.
      const retryAt = new Date(now().getTime() + (transient ? retryDelayMs(attempts) : 3_600_000)).toISOString();
      await db.outbox.update(record.auditId, { attempts, retryAt, lastError: code });
      report.failed += 1;
      // Offline: the next ones would fail the same way.
      if (code === 'offline') break;
    }
  }
  for (const waiting of await db.outbox.where('state').equals('pending').toArray()) {
    // One left untried after an offline failure goes with the first retry.
    if (waiting.retryAt !== null && (report.nextRetryAt === null || waiting.retryAt < report.nextRetryAt)) report.nextRetryAt = waiting.retryAt;
  }
  return report;
}
