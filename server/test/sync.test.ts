// The app's sync services against a real server (PGlite): a commune's outbox sends an audit, the EPCI receives it,
// opens it on its device and imports it through the same door as files. One process plays both devices, one after
// the other: the commune's records are wiped (another device) before the EPCI receives.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { db } from '../../src/db/database';
import { loadSummaryContext } from '../../src/db/epci-repository';
import { connectDevice, queueAudit, sendPending, withdrawAudit } from '../../src/services/sync/outbox';
import { createKey, inviteCommune, receive, signIn } from '../../src/services/sync/receive';
import { listDevices, revokeDevice } from '../../src/services/sync/epci-devices';
import { saveEpciConnection, readEpciConnection, readDeviceConnection, saveDeviceConnection, type EpciConnection } from '../../src/services/sync/mailbox-settings';
import { sealEnvelope } from '../../src/crypto/mailbox-envelope';
import { exportData } from '../../src/services/exchange/export-files';
import { audit, commune } from '../../tests/unit/exchange/seed';
import { buildApp } from '../src/app';
import type { Database } from '../src/database';
import { ensureSetupSecret } from '../src/setup-secret';
import { openTestDatabase, pull, redeem, send, testConfig } from './harness';
import { PULL_FRAMES_TYPE, PullFrameReader } from '../../src/domain/mailbox/pull-frames';

let database: Database;
let app: FastifyInstance;
let url: string;
/** The EPCI's device as the first test leaves it: key and cursor. */
let epciAfterFirstPull: EpciConnection | null = null;

beforeAll(async () => {
  database = await openTestDatabase('pglite', null);
  app = await buildApp(database.pool, testConfig());
  url = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const wipeDevice = () => Promise.all(db.tables.map((table) => table.clear()));

/** Every row of every table of the server's database as text; bytea as latin1, so that any plaintext in it shows. */
async function dumpDatabase(): Promise<string> {
  const tables = await database.pool.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  expect(tables.rows.map((table) => table.name)).toContain('envelope');
  const text = (value: unknown): string => (Buffer.isBuffer(value) ? value.toString('latin1') : value instanceof Date ? value.toISOString() : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
  const dumped: string[] = [];
  for (const { name } of tables.rows) {
    const { rows } = await database.pool.query<Record<string, unknown>>(`SELECT * FROM "${name}"`);
    for (const row of rows) dumped.push(`${name}: ${Object.values(row).map(text).join(' | ')}`);
  }
  return dumped.join('\n');
}

describe('sync services through a real server', () => {
  it('sends an audit from the outbox once, replaces it by a newer version, and the EPCI receives and imports it', async () => {
    // The EPCI's device: first account, key, invitation.
    const secret = await ensureSetupSecret(database.pool);
    await signIn(url, 'cm@cc.fr', 'correct horse battery staple', secret ?? '', { siren: '200000001', name: 'CC du Test' });
    await createKey('passphrase of the EPCI');
    const { code } = await inviteCommune('16020');
    const epciDevice = await readEpciConnection();
    await wipeDevice();

    // The commune's device, offline at first: the audit waits in the outbox.
    await db.communes.add(commune('commune-a', 'Aubeterre', '16020'));
    await db.audits.add(audit('audit-a1', 'commune-a', { status: 'completed', completedAt: '2026-01-05T10:06:00.000Z' }));
    await queueAudit('audit-a1');
    expect(await sendPending()).toEqual({ sent: 0, failed: 0, nextRetryAt: null });
    expect((await db.outbox.get('audit-a1'))?.state).toBe('pending');

    await connectDevice(url, code);
    expect((await sendPending()).sent).toBe(1);
    expect(await db.outbox.get('audit-a1')).toMatchObject({ state: 'sent', versionDate: '2026-01-05T10:06:00.000Z', lastError: null });
    // The same version again: nothing changes, nothing is sent.
    await queueAudit('audit-a1');
    expect((await db.outbox.get('audit-a1'))?.state).toBe('sent');
    expect((await sendPending()).sent).toBe(0);
    // A newer version goes back to pending and replaces the older one on the server.
    await db.audits.update('audit-a1', { updatedAt: '2026-02-01T10:00:00.000Z', auditor: 'Maire' });
    await queueAudit('audit-a1');
    expect((await db.outbox.get('audit-a1'))?.state).toBe('pending');
    expect((await sendPending()).sent).toBe(1);
    const rows = await database.pool.query<{ version_date: Date }>('SELECT version_date FROM envelope');
    expect(rows.rows.map((row) => row.version_date.toISOString())).toEqual(['2026-02-01T10:00:00.000Z']);
    // A copy of the server's database reveals no answer: every table, each row as text, bytea as latin1.
    const dump = await dumpDatabase();
    expect(dump).toContain('16020'); // the commune's INSEE code is stored in clear, to route the envelope
    for (const secret of ['Aubeterre', 'Maire', 'Secrétaire de mairie', 'backup-exists', 'backup-frequency', 'automatic-all']) expect(dump).not.toContain(secret);

    // The EPCI's device receives: decrypted and imported through the same door.
    await wipeDevice();
    await saveEpciConnection(epciDevice ?? null);
    const progress: string[] = [];
    const result = await receive(await loadSummaryContext(), (p) => progress.push(p.stage));
    expect(result.refused).toEqual([]);
    expect(result.import.files).toEqual([expect.objectContaining({ name: '16020-audit-a1.cyberdiag.json', status: 'imported' })]);
    expect(progress).toContain('receiving');
    expect(await db.audits.get('audit-a1')).toMatchObject({ auditor: 'Maire', updatedAt: '2026-02-01T10:00:00.000Z', origin: 'imported' });
    expect(await db.communes.where('insee').equals('16020').count()).toBe(1);
    // Nothing new since: the next pull brings nothing.
    const again = await receive(await loadSummaryContext());
    expect(again.import.files).toEqual([]);
    epciAfterFirstPull = (await readEpciConnection()) ?? null;
  });

  it('receives envelopes gathered into batches through the same door; each envelope refused in a batch is named', async () => {
    const epci = epciAfterFirstPull;
    if (epci?.key == null) throw new Error('the first test leaves the EPCI connected');
    // Four communes' devices: Aubeterre sends two audits, Bellecombe one, Coulx one the door refuses, and Dirac's is
    // changed on the way.
    await wipeDevice();
    await db.communes.bulkAdd([commune('c-a', 'Aubeterre', '16020'), commune('c-b', 'Bellecombe', '73034'), commune('c-c', 'Coulx', '47072'), commune('c-d', 'Dirac', '16120')]);
    await db.audits.bulkAdd([
      audit('a-1', 'c-a', { status: 'completed', completedAt: '2026-01-05T10:06:00.000Z' }),
      audit('a-2', 'c-a', { updatedAt: '2026-02-05T10:00:00.000Z' }),
      audit('b-1', 'c-b'),
      audit('c-1', 'c-c'),
      audit('d-1', 'c-d'),
    ]);
    const sent: Array<[insee: string, auditId: string]> = [['16020', 'a-1'], ['16020', 'a-2'], ['73034', 'b-1'], ['47072', 'c-1'], ['16120', 'd-1']];
    const texts = new Map<string, string>();
    for (const [, auditId] of sent) texts.set(auditId, (await exportData({ kind: 'audits', auditIds: [auditId] }, { label: auditId })).text);
    const bad = JSON.parse(texts.get('c-1') ?? '') as { payload: { audits: Array<{ status: string }> } };
    for (const record of bad.payload.audits) record.status = 'not-a-status';
    texts.set('c-1', JSON.stringify(bad));
    const versions = new Map((await db.audits.toArray()).map((record) => [record.id, record.updatedAt]));
    await wipeDevice();
    const inject = app.inject.bind(app);
    const tokens = new Map<string, string>();
    await saveEpciConnection(epci);
    for (const insee of ['16020', '73034', '47072', '16120']) tokens.set(insee, await redeem(inject, (await inviteCommune(insee)).code));
    for (const [insee, auditId] of sent) {
      const envelope = await sealEnvelope(texts.get(auditId) ?? '', { publicKey: epci.key.publicKey, keyId: epci.key.keyId }, { insee, auditId, versionDate: versions.get(auditId) ?? '' });
      // One byte of Dirac's ciphertext changed: the server cannot tell, the EPCI's device can.
      if (auditId === 'd-1') envelope[envelope.length - 1] = (envelope[envelope.length - 1] ?? 0) ^ 1;
      expect((await send(inject, tokens.get(insee) ?? '', envelope)).statusCode).toBe(201);
    }

    const result = await receive(await loadSummaryContext());
    expect(result.audits).toEqual({ imported: 3, duplicate: 0, failed: 1 });
    expect(result.refused).toEqual([{ name: '16120-d-1.cyberdiag.json', problem: 'tampered-envelope' }]);
    // The two audits of one commune never share a batch; in the batch holding the bad audit and the changed
    // envelope, the others were written, and only those two refused, under their envelopes' names.
    expect(result.import.files.filter((file) => file.status === 'error')).toEqual([expect.objectContaining({ name: '47072-c-1.cyberdiag.json' })]);
    expect((await db.audits.toArray()).map((record) => record.id).sort()).toEqual(['a-1', 'a-2', 'b-1']);
    expect(await db.communes.where('insee').equals('16020').count()).toBe(1);
  });

  it('pulls the same records as frames and as JSON lines, and receives from a server that sends only lines', async () => {
    const epci = epciAfterFirstPull;
    if (epci === null) throw new Error('the first test leaves the EPCI connected');
    const after = epci.cursor;
    const lines = await pull(app.inject.bind(app), epci.session, after);
    const framed = await app.inject({ method: 'GET', url: `/v1/epci/envelopes?after=${after}`, headers: { authorization: `Bearer ${epci.session}`, accept: PULL_FRAMES_TYPE } });
    expect(framed.headers['content-type']).toBe(PULL_FRAMES_TYPE);
    const reader = new PullFrameReader();
    const frames = reader.read(new Uint8Array(framed.rawPayload));
    expect(reader.complete).toBe(true);
    expect(frames.map((frame) => JSON.parse(frame.head) as unknown)).toEqual(lines.lines.map(({ envelope: _envelope, ...head }) => head));
    expect(frames.map((frame) => Buffer.from(frame.envelope).toString('base64'))).toEqual(lines.lines.map((line) => line.envelope ?? ''));

    // An app newer than its server: the server ignores what it does not know in Accept, and sends lines.
    await wipeDevice();
    await saveEpciConnection(epci);
    const fetchFrames = globalThis.fetch;
    globalThis.fetch = (input, init) => fetchFrames(input, { ...init, headers: { ...(init?.headers as Record<string, string>), accept: 'application/x-ndjson' } });
    try {
      const result = await receive(await loadSummaryContext());
      expect(result.audits).toEqual({ imported: 3, duplicate: 0, failed: 1 });
      expect(result.refused).toEqual([{ name: '16120-d-1.cyberdiag.json', problem: 'tampered-envelope' }]);
    } finally {
      globalThis.fetch = fetchFrames;
    }
  });

  it("lists the communes' devices; a device the EPCI revoked can no longer send", async () => {
    const epci = epciAfterFirstPull;
    if (epci === null) throw new Error('the first test leaves the EPCI connected');
    await wipeDevice();
    await saveEpciConnection(epci);
    const { code } = await inviteCommune('24037');

    // Bergerac's tablet links itself and sends.
    await wipeDevice();
    await db.communes.add(commune('commune-g', 'Bergerac', '24037'));
    await db.audits.add(audit('audit-g1', 'commune-g'));
    await connectDevice(url, code);
    await queueAudit('audit-g1');
    expect((await sendPending()).sent).toBe(1);
    const tablet = await readDeviceConnection();

    // The tablet is lost: the EPCI sees it in the list, active, and revokes it.
    await saveEpciConnection(epci);
    const before = (await listDevices()).filter((device) => device.insee === '24037');
    expect(before).toEqual([expect.objectContaining({ insee: '24037', label: 'Cyberdiag', revokedAt: null })]);
    await revokeDevice(before[0]?.id ?? '');
    const after = (await listDevices()).filter((device) => device.insee === '24037');
    expect(after).toEqual([expect.objectContaining({ id: before[0]?.id, revokedAt: expect.any(String) as unknown })]);

    // Whoever has the tablet now cannot send a newer version: refused, nothing replaced on the server.
    await saveDeviceConnection(tablet ?? null);
    await db.audits.update('audit-g1', { updatedAt: '2026-03-01T10:00:00.000Z', auditor: 'Quelqu’un d’autre' });
    await queueAudit('audit-g1');
    expect(await sendPending()).toMatchObject({ sent: 0, failed: 1 });
    expect(await db.outbox.get('audit-g1')).toMatchObject({ state: 'pending', lastError: 'unauthorised' });
    const stored = await database.pool.query<{ version_date: Date }>(`SELECT version_date FROM envelope WHERE insee = '24037'`);
    expect(stored.rows.map((row) => row.version_date.toISOString())).not.toContain('2026-03-01T10:00:00.000Z');
    expect(stored.rows).toHaveLength(1);
  });

  it('retries later with a growing back-off when the server cannot be reached', async () => {
    await wipeDevice();
    await db.communes.add(commune('commune-b', 'Bellecombe', '73034'));
    await db.audits.add(audit('audit-b1', 'commune-b'));
    await db.settings.put({ key: 'mailbox-device', value: { serverUrl: 'http://127.0.0.1:9', token: 'cdd_x', insee: '73034', epci: { siren: '1', name: 'x', publicKey: null, keyId: null } } });
    await queueAudit('audit-b1');
    const now = new Date('2026-03-01T10:00:00.000Z');
    const first = await sendPending(() => now);
    expect(first.failed).toBe(1);
    const record = await db.outbox.get('audit-b1');
    expect(record).toMatchObject({ state: 'pending', attempts: 1, lastError: 'offline' });
    // Not due yet: not tried again.
    expect((await sendPending(() => now)).failed).toBe(0);
    const later = new Date(Date.parse(record?.retryAt ?? '') + 1);
    expect((await sendPending(() => later)).failed).toBe(1);
    const second = await db.outbox.get('audit-b1');
    expect(second?.attempts).toBe(2);
    expect(Date.parse(second?.retryAt ?? '') - later.getTime()).toBeGreaterThan(Date.parse(record?.retryAt ?? '') - now.getTime());
  });

  it('drops a pending send whose audit is no longer on the device (replaced by a restore), and sends the others', async () => {
    await wipeDevice();
    await db.communes.add(commune('commune-b', 'Bellecombe', '73034'));
    await db.audits.add(audit('audit-b1', 'commune-b'));
    await db.audits.add(audit('audit-b2', 'commune-b'));
    // Unreachable: any send attempted would fail and stay pending.
    await db.settings.put({ key: 'mailbox-device', value: { serverUrl: 'http://127.0.0.1:9', token: 'cdd_x', insee: '73034', epci: { siren: '1', name: 'x', publicKey: null, keyId: null } } });
    await queueAudit('audit-b1');
    await queueAudit('audit-b2');
    // A restore wrote the device's records again, without audit-b1: the outbox alone still names it.
    await db.audits.delete('audit-b1');
    const report = await sendPending();
    expect(await db.outbox.get('audit-b1')).toBeUndefined();
    expect(report).toMatchObject({ sent: 0, failed: 1 });
    expect(await db.outbox.get('audit-b2')).toMatchObject({ state: 'pending', lastError: 'offline' });
  });

  it('withdraws a sent audit: the envelope is erased, the next receive counts it withdrawn, the EPCI keeps its copy', async () => {
    const epci = epciAfterFirstPull;
    if (epci === null) throw new Error('the first test leaves the EPCI connected');
    // The EPCI's device: an invitation, and a pull that brings it up to date (what earlier tests sent).
    await wipeDevice();
    await saveEpciConnection(epci);
    const { code } = await inviteCommune('79001');
    await receive(await loadSummaryContext());
    const upToDate = await readEpciConnection();

    // The commune's device sends its audit.
    await wipeDevice();
    await db.communes.add(commune('commune-w', 'Walincourt', '79001'));
    await db.audits.add(audit('audit-w1', 'commune-w', { status: 'completed', completedAt: '2026-01-05T10:06:00.000Z' }));
    await connectDevice(url, code);
    await queueAudit('audit-w1');
    expect((await sendPending()).sent).toBe(1);
    const communeDevice = { connection: await readDeviceConnection(), outbox: await db.outbox.toArray() };
    expect(communeDevice.outbox).toEqual([expect.objectContaining({ auditId: 'audit-w1', state: 'sent' })]);

    // The EPCI receives it.
    await wipeDevice();
    await saveEpciConnection(upToDate ?? null);
    expect((await receive(await loadSummaryContext())).audits).toMatchObject({ imported: 1 });
    const epciRecords = { connection: await readEpciConnection(), communes: await db.communes.toArray(), audits: await db.audits.toArray() };

    // The commune withdraws it: no longer in its outbox, no longer on the server.
    await wipeDevice();
    await db.communes.add(commune('commune-w', 'Walincourt', '79001'));
    await db.audits.add(audit('audit-w1', 'commune-w', { status: 'completed', completedAt: '2026-01-05T10:06:00.000Z' }));
    await saveDeviceConnection(communeDevice.connection ?? null);
    await db.outbox.bulkAdd(communeDevice.outbox);
    await withdrawAudit('audit-w1');
    expect(await db.outbox.get('audit-w1')).toBeUndefined();
    const rows = await database.pool.query<{ envelope: Buffer | null }>(`SELECT envelope FROM envelope WHERE audit_id = 'audit-w1'`);
    expect(rows.rows).toEqual([{ envelope: null }]);

    // The EPCI's next receive counts one withdrawn, imports nothing, and its copy stays.
    await wipeDevice();
    await saveEpciConnection(epciRecords.connection ?? null);
    await db.communes.bulkAdd(epciRecords.communes);
    await db.audits.bulkAdd(epciRecords.audits);
    const after = await receive(await loadSummaryContext());
    expect(after.withdrawn).toBe(1);
    expect(after.import.files).toEqual([]);
    expect(await db.audits.get('audit-w1')).toBeDefined();
  });
});
