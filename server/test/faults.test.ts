// Faults on real PostgreSQL: the server killed in the middle of sends and restarted; PostgreSQL restarted under
// load. Communes retry what was not acknowledged (as the app's outbox does); afterwards every envelope is there
// exactly once, byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createMailboxKey, openEnvelope, type MailboxPrivateKey } from '../../src/crypto/mailbox-envelope';
import { envelopeFor } from './harness';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';
import { freePort, startServerProcess, type ServerProcess } from './server-process';

const COMMUNES = 240;
const CONCURRENCY = 12;

let cluster: PostgresCluster;
let server: ServerProcess;
let env: Record<string, string>;
let key: MailboxPrivateKey;
let session: string;
const devices: Array<{ insee: string; token: string }> = [];

async function call(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) };
  if (typeof init.body === 'string') headers['content-type'] = 'application/json';
  if (init.body instanceof Uint8Array) headers['content-type'] = 'application/octet-stream';
  return fetch(`${server.url}${path}`, { ...init, headers });
}

interface Sent {
  /** The indexes acknowledged (2xx); the others failed or never ran. */
  acked: Set<number>;
  /** Sends answered 5xx or cut, then tried again (with `retry`). */
  retried: number;
}

/**
 * Sends with bounded concurrency. With `retry`, a send that failed is tried again (the outbox's rule); with
 * `until`, the workers go round the envelopes again (sending an acknowledged one again is harmless) until it says
 * so, so that the fault under way meets sends whatever its timing.
 */
async function sendAll(
  envelopes: Array<Uint8Array<ArrayBuffer>>,
  { onAck = () => undefined, retry = false, until = () => true }: { onAck?: (acked: number) => void; retry?: boolean; until?: () => boolean } = {},
): Promise<Sent> {
  const acked = new Set<number>();
  let retried = 0;
  let next = 0;
  const worker = async () => {
    while (next < envelopes.length || !until()) {
      const index = next++ % envelopes.length;
      for (let attempt = 0; attempt < (retry ? 60 : 1); attempt += 1) {
        try {
          const response = await call('/v1/device/envelopes', { method: 'PUT', body: envelopes[index], token: devices[index]?.token });
          if (response.ok) {
            acked.add(index);
            onAck(acked.size);
            break;
          }
          if (response.status !== 503 && response.status !== 500) throw new Error(`${response.status} ${await response.text()}`);
        } catch (error) {
          if (!retry && !(error instanceof Error && error.message.startsWith('5'))) {
            if (error instanceof TypeError) break;
            throw error;
          }
        }
        if (retry) retried += 1;
        await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { acked, retried };
}

/** The stored envelopes by commune; throws if any commune has more than one row (a send stored twice). */
async function storedEnvelopes(): Promise<Map<string, Buffer>> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ insee: string; envelope: Buffer }>('SELECT insee, envelope FROM envelope');
  await client.end();
  const stored = new Map(rows.map((row) => [row.insee, row.envelope]));
  expect(rows, 'rows for fewer communes: a send stored twice').toHaveLength(stored.size);
  return stored;
}

async function countEnvelopes(): Promise<{ rows: number; communes: number }> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ rows: string; communes: string }>('SELECT count(*) AS rows, count(DISTINCT (epci_id, insee, audit_id)) AS communes FROM envelope');
  await client.end();
  return { rows: Number(rows[0]?.rows), communes: Number(rows[0]?.communes) };
}

beforeAll(async () => {
  cluster = startPostgresCluster();
  env = { DATABASE_URL: cluster.url(), PORT: String(await freePort()) };
  server = await startServerProcess(env);
  const setup = await call('/v1/setup', {
    method: 'POST',
    body: JSON.stringify({ secret: server.secret, email: 'cm@cc.fr', password: 'correct horse battery staple', epci: { siren: '200000001', name: 'CC' } }),
  });
  session = ((await setup.json()) as { token: string }).token;
  key = (await createMailboxKey('passphrase of the EPCI')).key;
  await call('/v1/epci/key', { method: 'PUT', token: session, body: JSON.stringify({ publicKey: key.publicKey }) });
  for (let i = 0; i < COMMUNES; i += 1) {
    const insee = `01${String(i).padStart(3, '0')}`;
    const invitation = (await (await call('/v1/epci/invitations', { method: 'POST', token: session, body: JSON.stringify({ insee }) })).json()) as { code: string };
    const redeemed = (await (await call('/v1/device/redeem', { method: 'POST', body: JSON.stringify({ code: invitation.code }) })).json()) as { token: string };
    devices.push({ insee, token: redeemed.token });
  }
});

afterAll(async () => {
  await server.kill('SIGKILL');
  cluster.stop();
});

describe('mailbox under faults (real PostgreSQL)', () => {
  it('loses nothing and doubles nothing when the server is killed in the middle of sends and restarted', async () => {
    const envelopes = await Promise.all(devices.map((device) => envelopeFor(key, device.insee, `audit-${device.insee}`, '2026-11-01T10:00:00.000Z', `v1 ${device.insee}`)));
    let killed: Promise<void> | null = null;
    const { acked } = await sendAll(envelopes, {
      onAck: (count) => {
        if (count === COMMUNES / 3 && killed === null) killed = server.kill('SIGKILL');
      },
    });
    await killed;
    expect(acked.size).toBeGreaterThanOrEqual(COMMUNES / 3);
    expect(acked.size).toBeLessThan(COMMUNES);
    // Every acknowledged send was committed before its answer.
    const afterKill = await storedEnvelopes();
    for (const index of acked) expect(afterKill.get(devices[index]?.insee ?? '')?.equals(envelopes[index] ?? new Uint8Array())).toBe(true);

    server = await startServerProcess(env);
    expect(server.secret).toBeNull();
    // The outbox sends again everything it has no acknowledgement for; sending an acknowledged one again is harmless.
    const { acked: resent } = await sendAll(envelopes, { retry: true });
    expect(resent.size).toBe(COMMUNES);
    const stored = await storedEnvelopes();
    expect(stored.size).toBe(COMMUNES);
    devices.forEach((device, index) => expect(stored.get(device.insee)?.equals(envelopes[index] ?? new Uint8Array())).toBe(true));
  });

  it('loses nothing when PostgreSQL restarts under load: the server answers 503 and the communes retry', async () => {
    const envelopes = await Promise.all(devices.map((device) => envelopeFor(key, device.insee, `audit-${device.insee}`, '2026-11-02T10:00:00.000Z', `v2 ${device.insee}`)));
    let restarted: Promise<void> | null = null;
    let restartDone = false;
    const { acked, retried } = await sendAll(envelopes, {
      onAck: (count) => {
        if (count === COMMUNES / 4 && restarted === null)
          restarted = cluster.restart().then(() => {
            restartDone = true;
          });
      },
      retry: true,
      // Sending goes on until PostgreSQL is back, so that the restart meets sends however long it takes.
      until: () => restartDone,
    });
    await restarted;
    expect(acked.size).toBe(COMMUNES);
    // The restart did hit sends, and they got through on a later try.
    expect(retried).toBeGreaterThan(0);
    // Nothing stored twice: one row a commune.
    const counts = await countEnvelopes();
    expect(counts.rows).toBe(counts.communes);
    const response = await call('/v1/epci/envelopes', { token: session });
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as { insee?: string; envelope?: string; done?: boolean });
    expect(lines.at(-1)?.done).toBe(true);
    const audits = lines.filter((line) => line.envelope !== undefined);
    expect(audits).toHaveLength(COMMUNES);
    expect(new Set(audits.map((line) => line.insee)).size).toBe(COMMUNES);
    for (const line of audits) {
      const opened = await openEnvelope(Buffer.from(line.envelope ?? '', 'base64'), key);
      expect(opened.ok && opened.text).toContain(`v2 ${line.insee}`);
    }
  });

  it('never lets a pull skip a send that commits after a later one: the pull waits for the sends under way', async () => {
    const pullLines = async (after: number) =>
      (await (await call(`/v1/epci/envelopes?after=${after}`, { token: session })).text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { auditId?: string; cursor?: number });
    const before = (await pullLines(0)).at(-1)?.cursor ?? 0;
    // A send under way, as the server makes one: the EPCI's lock in shared mode, its position drawn, not committed.
    const slow = new pg.Client({ connectionString: env.DATABASE_URL });
    await slow.connect();
    await slow.query('BEGIN');
    await slow.query('SELECT pg_advisory_xact_lock_shared(id) FROM epci');
    await slow.query(`INSERT INTO envelope (epci_id, insee, audit_id, version_date, size, envelope) SELECT epci_id, insee, 'late', now(), 1, '\\x00' FROM token WHERE insee = $1`, [devices[0]?.insee]);
    // A later send commits first, without waiting for it.
    const early = await envelopeFor(key, devices[1]?.insee ?? '', 'early', '2026-11-03T10:00:00.000Z');
    expect((await call('/v1/device/envelopes', { method: 'PUT', body: early, token: devices[1]?.token })).status).toBe(201);
    const pulling = pullLines(before);
    // The pull is waiting for the lock: the send under way commits now, after the later one.
    const waiting = async () => Number((await slow.query<{ n: string }>(`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)).rows[0]?.n);
    while ((await waiting()) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await slow.query('COMMIT');
    await slow.end();
    const lines = await pulling;
    expect(lines.filter((line) => line.auditId !== undefined).map((line) => line.auditId)).toEqual(['late', 'early']);
    expect(await pullLines(lines.at(-1)?.cursor ?? 0)).toHaveLength(1);
  });
});
