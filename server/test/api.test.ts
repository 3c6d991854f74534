// The mailbox's API on real PostgreSQL and on PGlite: accounts, codes, tokens, sends, pulls, refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openEnvelope } from '../../src/crypto/mailbox-envelope';
import { MAX_ENVELOPE_BYTES } from '../../src/domain/mailbox/envelope-format';
import { buildApp } from '../src/app';
import type { Database } from '../src/database';
import { envelopeFor, invite, makeEpci, openTestDatabase, pull, redeem, send, testConfig, PASSWORD, type DatabaseKind, type TestEpci } from './harness';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';

let cluster: PostgresCluster;
beforeAll(() => {
  cluster = startPostgresCluster();
});
afterAll(() => cluster.stop());

describe.each<DatabaseKind>(['postgresql', 'pglite'])('mailbox API on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let epciA: TestEpci;
  let epciB: TestEpci;
  let communeA: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    database = await openTestDatabase(kind, cluster);
    app = await buildApp(database.pool, testConfig({ rateLimits: { login: 5, redeem: 1000, device: 1000, epci: 1000 } }));
    epciA = await makeEpci(app, database, '200000001');
    epciB = await makeEpci(app, database, '200000002');
    communeA = await redeem(app.inject.bind(app), await invite(app.inject.bind(app), epciA.session, '01001'));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('opens the first account with the setup secret once only', async () => {
    const [secretRow] = (await database.pool.query<{ used_at: Date | null }>('SELECT used_at FROM setup_secret')).rows;
    expect(secretRow?.used_at).not.toBeNull();
    const again = await app.inject({ method: 'POST', url: '/v1/setup', payload: { secret: 'anything', email: 'x@y.fr', password: PASSWORD, epci: { siren: '200000003', name: 'X' } } });
    expect(again.statusCode).toBe(403);
  });

  it('stores passwords as scrypt hashes and tokens and codes as hashes only', async () => {
    const { rows } = await database.pool.query<{ password_hash: string }>('SELECT password_hash FROM account');
    for (const row of rows) expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const dump = JSON.stringify((await database.pool.query('SELECT * FROM token')).rows) + JSON.stringify((await database.pool.query('SELECT * FROM invitation')).rows);
    expect(dump).not.toContain(communeA.slice(4));
    expect(dump).not.toContain(epciA.session.slice(4));
  });

  it('refuses a wrong password, and the same address after too many tries', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/v1/login', payload: { email: 'cm@200000001.fr', password: 'not the password' } });
    expect(wrong.statusCode).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await app.inject({ method: 'POST', url: '/v1/login', payload: { email: 'cm@200000001.fr', password: 'nope' } })).statusCode);
    expect(statuses).toContain(429);
  });

  it("gives a commune's token nothing to read", async () => {
    for (const url of ['/v1/epci/envelopes', '/v1/epci/devices', '/v1/epci']) {
      expect((await app.inject({ method: 'GET', url, headers: auth(communeA) })).statusCode).toBe(401);
    }
    expect((await app.inject({ method: 'POST', url: '/v1/epci/invitations', headers: auth(communeA), payload: { insee: '01002' } })).statusCode).toBe(401);
  });

  it("keeps one EPCI out of another's mailbox", async () => {
    expect((await send(app.inject.bind(app), communeA, await envelopeFor(epciA.key, '01001', 'audit-a1', '2026-11-01T10:00:00.000Z'))).statusCode).toBe(201);
    const fromB = await pull(app.inject.bind(app), epciB.session);
    expect(fromB.lines).toEqual([{ done: true, cursor: 0 }]);
    const fromA = await pull(app.inject.bind(app), epciA.session);
    expect(fromA.lines.filter((line) => line.auditId === 'audit-a1')).toHaveLength(1);
    const devicesOfA = (await app.inject({ method: 'GET', url: '/v1/epci/devices', headers: auth(epciA.session) })).json<Array<{ id: string }>>();
    const revokeByB = await app.inject({ method: 'DELETE', url: `/v1/epci/devices/${devicesOfA[0]?.id}`, headers: auth(epciB.session) });
    expect(revokeByB.statusCode).toBe(404);
  });

  it('refuses an envelope sealed to another EPCI, and a commune sending for another commune', async () => {
    const toB = await envelopeFor(epciB.key, '01001', 'audit-x', '2026-11-01T10:00:00.000Z');
    expect((await send(app.inject.bind(app), communeA, toB)).json()).toEqual({ error: 'stale-key' });
    const forOther = await envelopeFor(epciA.key, '01002', 'audit-x', '2026-11-01T10:00:00.000Z');
    expect((await send(app.inject.bind(app), communeA, forOther)).statusCode).toBe(403);
  });

  it('makes invitation codes single-use and expiring', async () => {
    const inject = app.inject.bind(app);
    const code = await invite(inject, epciA.session, '01004');
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await redeem(inject, code.toLowerCase().replace(/-/g, ' '));
    const replay = await app.inject({ method: 'POST', url: '/v1/device/redeem', payload: { code } });
    expect(replay.statusCode).toBe(410);
    const late = await invite(inject, epciA.session, '01005');
    await database.pool.query(`UPDATE invitation SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    expect((await app.inject({ method: 'POST', url: '/v1/device/redeem', payload: { code: late } })).statusCode).toBe(410);
    expect((await app.inject({ method: 'POST', url: '/v1/device/redeem', payload: { code: 'not a code' } })).statusCode).toBe(400);
  });

  it('stores the same version once, replaces it by a newer one, refuses an older one', async () => {
    const inject = app.inject.bind(app);
    const token = await redeem(inject, await invite(inject, epciA.session, '01006'));
    const { lines: before } = await pull(inject, epciA.session);
    const cursor = before.at(-1)?.cursor ?? 0;
    const first = await envelopeFor(epciA.key, '01006', 'audit-v', '2026-11-02T10:00:00.000Z', 'first');
    expect((await send(inject, token, first)).statusCode).toBe(201);
    expect((await send(inject, token, first)).json()).toEqual({ status: 'unchanged' });
    expect((await send(inject, token, await envelopeFor(epciA.key, '01006', 'audit-v', '2026-11-02T10:00:00.000Z', 'same date'))).json()).toEqual({ status: 'unchanged' });
    const newer = await envelopeFor(epciA.key, '01006', 'audit-v', '2026-11-03T10:00:00.000Z', 'newer');
    expect((await send(inject, token, newer)).statusCode).toBe(201);
    expect((await send(inject, token, first)).json()).toEqual({ error: 'older-version' });
    const { lines } = await pull(inject, epciA.session, cursor);
    const audits = lines.filter((line) => line.auditId === 'audit-v');
    expect(audits).toHaveLength(1);
    const opened = await openEnvelope(Buffer.from(audits[0]?.envelope ?? '', 'base64'), epciA.key);
    expect(opened.ok && opened.text).toContain('newer');
    expect(lines.at(-1)).toEqual({ done: true, cursor: audits[0]?.seq });
    expect((await pull(inject, epciA.session, audits[0]?.seq)).lines).toEqual([{ done: true, cursor: audits[0]?.seq }]);
  });

  it('lets a commune withdraw what it sent: the envelope is erased and the next pull says so', async () => {
    const inject = app.inject.bind(app);
    const token = await redeem(inject, await invite(inject, epciA.session, '01007'));
    await send(inject, token, await envelopeFor(epciA.key, '01007', 'audit-w', '2026-11-02T10:00:00.000Z'));
    const cursor = (await pull(inject, epciA.session)).lines.at(-1)?.cursor;
    expect((await app.inject({ method: 'DELETE', url: '/v1/device/envelopes/audit-w', headers: auth(token) })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: '/v1/device/envelopes/audit-w', headers: auth(token) })).statusCode).toBe(404);
    const { rows } = await database.pool.query(`SELECT envelope FROM envelope WHERE audit_id = 'audit-w'`);
    expect(rows).toEqual([{ envelope: null }]);
    const { lines } = await pull(inject, epciA.session, cursor);
    expect(lines[0]).toMatchObject({ insee: '01007', auditId: 'audit-w', withdrawn: true });
    expect(lines[0]).not.toHaveProperty('envelope');
  });

  it('refuses a revoked device token', async () => {
    const inject = app.inject.bind(app);
    const token = await redeem(inject, await invite(inject, epciA.session, '01008'));
    const devices = (await app.inject({ method: 'GET', url: '/v1/epci/devices', headers: auth(epciA.session) })).json<Array<{ id: string; insee: string }>>();
    const device = devices.find((d) => d.insee === '01008');
    expect((await app.inject({ method: 'DELETE', url: `/v1/epci/devices/${device?.id}`, headers: auth(epciA.session) })).statusCode).toBe(204);
    expect((await send(inject, token, await envelopeFor(epciA.key, '01008', 'audit-r', '2026-11-02T10:00:00.000Z'))).statusCode).toBe(401);
  });

  it('refuses malformed, oversized and mislabelled requests, and changes nothing', async () => {
    const inject = app.inject.bind(app);
    const count = async () => Number((await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM envelope')).rows[0]?.n);
    const before = await count();
    const good = await envelopeFor(epciA.key, '01001', 'audit-m', '2026-11-02T10:00:00.000Z');
    const cut = good.subarray(0, good.length - 1);
    expect((await send(inject, communeA, cut)).statusCode).toBe(413);
    expect((await send(inject, communeA, new TextEncoder().encode('{"format":"cyberdiag-export"}'))).json()).toEqual({ error: 'envelope-not-an-envelope' });
    const badHeader = Buffer.from(good);
    badHeader.write('{"v":3', 8);
    expect((await send(inject, communeA, badHeader)).json()).toEqual({ error: 'envelope-header' });
    const oversized = await app.inject({
      method: 'PUT',
      url: '/v1/device/envelopes',
      headers: { ...auth(communeA), 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(MAX_ENVELOPE_BYTES + 1),
    });
    expect(oversized.statusCode).toBe(413);
    const asJson = await app.inject({ method: 'PUT', url: '/v1/device/envelopes', headers: auth(communeA), payload: { envelope: 'x' } });
    expect(asJson.statusCode).toBe(415);
    const extraField = await app.inject({ method: 'POST', url: '/v1/epci/invitations', headers: auth(epciA.session), payload: { insee: '01009', extra: true } });
    expect(extraField.statusCode).toBe(400);
    const badInsee = await app.inject({ method: 'POST', url: '/v1/epci/invitations', headers: auth(epciA.session), payload: { insee: '1001' } });
    expect(badInsee.statusCode).toBe(400);
    const notJson = await app.inject({ method: 'POST', url: '/v1/epci/invitations', headers: { ...auth(epciA.session), 'content-type': 'application/json' }, payload: '{"insee":' });
    expect(notJson.statusCode).toBe(400);
    expect((await app.inject({ method: 'PUT', url: '/v1/epci/key', headers: auth(epciA.session), payload: { publicKey: 'AAAA' } })).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it("opens CORS to the app's origin only", async () => {
    const preflight = (origin: string) =>
      app.inject({ method: 'OPTIONS', url: '/v1/device/envelopes', headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,content-type' } });
    expect((await preflight('https://app.example')).headers['access-control-allow-origin']).toBe('https://app.example');
    expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
  });
});
