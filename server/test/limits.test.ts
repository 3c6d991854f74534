// Rate limits, per address and per token, behind a proxy or not; a device or a session ending itself. PGlite only:
// the limits live in the server, not in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { readConfig, type ServerConfig } from '../src/config';
import type { Database } from '../src/database';
import { envelopeFor, invite, makeEpci, openTestDatabase, send, testConfig, type TestEpci } from './harness';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const LIMITS = { login: 2, redeem: 2, device: 3, epci: 1000 };

describe('rate limits and ending a token', () => {
  let database: Database;
  // Straight on the network (no TRUST_PROXY), and behind nginx on the same host (TRUST_PROXY=127.0.0.1).
  let direct: FastifyInstance;
  let proxied: FastifyInstance;
  let epci: TestEpci;

  async function open(overrides: Partial<ServerConfig>): Promise<FastifyInstance> {
    return buildApp(database.pool, testConfig({ rateLimits: LIMITS, ...overrides }));
  }
  const loginFrom = (app: FastifyInstance, address?: string) =>
    app.inject({ method: 'POST', url: '/v1/login', headers: address ? { 'x-forwarded-for': address } : {}, payload: { email: 'cm@200000001.fr', password: 'not the password' } });

  // Each commune from its own address behind the proxy, so that redemption's limit (2) lets each one in.
  let communes = 0;
  async function connect(insee: string): Promise<string> {
    const code = await invite(direct.inject.bind(direct), epci.session, insee);
    const response = await proxied.inject({ method: 'POST', url: '/v1/device/redeem', headers: { 'x-forwarded-for': `192.0.2.${(communes += 1)}` }, payload: { code } });
    return response.json<{ token: string }>().token;
  }

  beforeAll(async () => {
    database = await openTestDatabase('pglite', null);
    direct = await open({});
    proxied = await open({ trustProxy: readConfig({ TRUST_PROXY: '127.0.0.1' }).trustProxy });
    epci = await makeEpci(direct, database, '200000001');
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
    await database?.close();
  });

  it('reads TRUST_PROXY as nobody by default, or addresses', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '127.0.0.1, ::1' }).trustProxy).toEqual(['127.0.0.1', '::1']);
  });

  it('behind the proxy, limits each client to its own tries: one commune locked out does not lock out another', async () => {
    expect((await loginFrom(proxied, '203.0.113.1')).statusCode).toBe(401);
    expect((await loginFrom(proxied, '203.0.113.1')).statusCode).toBe(401);
    expect((await loginFrom(proxied, '203.0.113.1')).statusCode).toBe(429);
    // Another client behind the same nginx is still let in to try.
    expect((await loginFrom(proxied, '198.51.100.7')).statusCode).toBe(401);
  });

  it('without TRUST_PROXY, a client cannot escape its limit by naming another address', async () => {
    expect((await loginFrom(direct, '203.0.113.1')).statusCode).toBe(401);
    expect((await loginFrom(direct, '203.0.113.2')).statusCode).toBe(401);
    expect((await loginFrom(direct, '203.0.113.3')).statusCode).toBe(429);
  });

  it('refuses the redemption after too many tries from one address', async () => {
    const tryCode = () => direct.inject({ method: 'POST', url: '/v1/device/redeem', payload: { code: 'AAAA-AAAA-AAAA' } });
    expect((await tryCode()).statusCode).toBe(410);
    expect((await tryCode()).statusCode).toBe(410);
    const third = await tryCode();
    expect(third.statusCode).toBe(429);
    expect(third.json()).toEqual({ error: 'rate-limited' });
    // Even with a good code: the limit stands in the way of guessing, not of one wrong code.
    const code = await invite(direct.inject.bind(direct), epci.session, '01001');
    expect((await direct.inject({ method: 'POST', url: '/v1/device/redeem', payload: { code } })).statusCode).toBe(429);
    // From another client behind the proxy, the code works.
    expect((await proxied.inject({ method: 'POST', url: '/v1/device/redeem', headers: { 'x-forwarded-for': '198.51.100.9' }, payload: { code } })).statusCode).toBe(201);
  });

  it("limits a device's requests per token: another commune's device is not held up", async () => {
    const inject = proxied.inject.bind(proxied);
    const fromA = await connect('01002');
    const fromB = await connect('01003');
    const recipient = (token: string) => proxied.inject({ method: 'GET', url: '/v1/device/recipient', headers: auth(token) });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await recipient(fromA)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await send(inject, fromA, await envelopeFor(epci.key, '01002', 'audit-a', '2026-11-01T10:00:00.000Z'))).statusCode).toBe(201);
    expect((await recipient(fromB)).statusCode).toBe(200);
  });

  it('lets a device revoke its own token: nothing more is accepted from it', async () => {
    const inject = direct.inject.bind(direct);
    const token = await connect('01004');
    expect((await direct.inject({ method: 'DELETE', url: '/v1/device', headers: auth(token) })).statusCode).toBe(204);
    expect((await direct.inject({ method: 'GET', url: '/v1/device/recipient', headers: auth(token) })).statusCode).toBe(401);
    expect((await send(inject, token, await envelopeFor(epci.key, '01004', 'audit-r', '2026-11-01T10:00:00.000Z'))).statusCode).toBe(401);
    // The EPCI's list of devices shows it revoked.
    const devices = (await direct.inject({ method: 'GET', url: '/v1/epci/devices', headers: auth(epci.session) })).json<Array<{ insee: string; revokedAt: string | null }>>();
    expect(devices.find((device) => device.insee === '01004')?.revokedAt).not.toBeNull();
    expect(devices.find((device) => device.insee === '01002')?.revokedAt).toBeNull();
  });

  it('ends the session at logout: the EPCI must sign in again', async () => {
    const login = await proxied.inject({ method: 'POST', url: '/v1/login', headers: { 'x-forwarded-for': '192.0.2.50' }, payload: { email: 'cm@200000001.fr', password: 'correct horse battery staple' } });
    expect(login.statusCode).toBe(200);
    const session = login.json<{ token: string }>().token;
    expect((await direct.inject({ method: 'GET', url: '/v1/epci', headers: auth(session) })).statusCode).toBe(200);
    expect((await direct.inject({ method: 'POST', url: '/v1/logout', headers: auth(session) })).statusCode).toBe(204);
    expect((await direct.inject({ method: 'GET', url: '/v1/epci', headers: auth(session) })).statusCode).toBe(401);
    // The other session of the same account is untouched.
    expect((await direct.inject({ method: 'GET', url: '/v1/epci', headers: auth(epci.session) })).statusCode).toBe(200);
  });
});
