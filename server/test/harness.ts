/** What the server's tests share: databases of both kinds, an EPCI with its key, communes with device tokens. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { createMailboxKey, sealEnvelope, type MailboxPrivateKey } from '../../src/crypto/mailbox-envelope';
import { readConfig, type ServerConfig } from '../src/config';
import { openDatabase, type Database } from '../src/database';
import { migrate } from '../src/migrate';
import { ensureSetupSecret } from '../src/setup-secret';
import type { PostgresCluster } from './postgres-cluster';

export type DatabaseKind = 'postgresql' | 'pglite';

let databases = 0;

/** A fresh, migrated database: a new database in the cluster, or PGlite in a new folder. */
export async function openTestDatabase(kind: DatabaseKind, cluster: PostgresCluster | null): Promise<Database> {
  if (kind === 'postgresql') {
    if (cluster === null) throw new Error('no cluster');
    const name = `mailbox_${process.pid}_${(databases += 1)}`;
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: cluster.url(name), dataDir: '' });
    await migrate(database.connectionString);
    return database;
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cyberdiag-pglite-test-'));
  // A copy of the run's migrated database (pglite-template.ts): PGlite's initdb once, not once a file.
  cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
  const database = await openDatabase({ databaseUrl: null, dataDir });
  await migrate(database.connectionString);
  return {
    ...database,
    async close() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...readConfig({ MAILBOX_QUIET: '1', APP_ORIGIN: 'https://app.example' }), ...overrides };
}

export const PASSWORD = 'correct horse battery staple';

export interface TestEpci {
  session: string;
  key: MailboxPrivateKey;
}

type Inject = FastifyInstance['inject'];

/** The first account through the setup secret, or another EPCI added directly in the database. */
export async function makeEpci(app: FastifyInstance, database: Database, siren: string): Promise<TestEpci> {
  const secret = await ensureSetupSecret(database.pool);
  let session: string;
  if (secret !== null) {
    const response = await app.inject({ method: 'POST', url: '/v1/setup', payload: { secret, email: `cm@${siren}.fr`, password: PASSWORD, epci: { siren, name: `EPCI ${siren}` } } });
    session = response.json<{ token: string }>().token;
  } else {
    const { hashPassword } = await import('../src/secrets');
    const epci = await database.pool.query<{ id: string }>(`INSERT INTO epci (siren, name) VALUES ($1, $2) RETURNING id`, [siren, `EPCI ${siren}`]);
    await database.pool.query(`INSERT INTO account (epci_id, email, password_hash) VALUES ($1, $2, $3)`, [epci.rows[0]?.id, `cm@${siren}.fr`, await hashPassword(PASSWORD)]);
    const response = await app.inject({ method: 'POST', url: '/v1/login', payload: { email: `cm@${siren}.fr`, password: PASSWORD } });
    session = response.json<{ token: string }>().token;
  }
  const { key } = await createMailboxKey('passphrase of the EPCI');
  const put = await app.inject({ method: 'PUT', url: '/v1/epci/key', headers: { authorization: `Bearer ${session}` }, payload: { publicKey: key.publicKey } });
  if (put.statusCode !== 200) throw new Error(`key: ${put.body}`);
  return { session, key };
}

export async function invite(inject: Inject, session: string, insee: string): Promise<string> {
  const response = await inject({ method: 'POST', url: '/v1/epci/invitations', headers: { authorization: `Bearer ${session}` }, payload: { insee } });
  return response.json<{ code: string }>().code;
}

export async function redeem(inject: Inject, code: string): Promise<string> {
  const response = await inject({ method: 'POST', url: '/v1/device/redeem', payload: { code } });
  if (response.statusCode !== 201) throw new Error(`redeem: ${response.body}`);
  return response.json<{ token: string }>().token;
}

export function auditFile(insee: string, auditId: string, note: string): string {
  return JSON.stringify({ format: 'cyberdiag-export', version: 1, insee, auditId, note });
}

export async function envelopeFor(key: MailboxPrivateKey, insee: string, auditId: string, versionDate: string, note = 'answers'): Promise<Uint8Array<ArrayBuffer>> {
  return sealEnvelope(auditFile(insee, auditId, note), key, { insee, auditId, versionDate });
}

export function send(inject: Inject, token: string, envelope: Uint8Array) {
  return inject({ method: 'PUT', url: '/v1/device/envelopes', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, payload: Buffer.from(envelope) });
}

export interface PulledLine {
  seq?: number;
  insee?: string;
  auditId?: string;
  versionDate?: string;
  envelope?: string;
  withdrawn?: boolean;
  done?: boolean;
  cursor?: number;
}

export async function pull(inject: Inject, session: string, after?: number): Promise<{ status: number; lines: PulledLine[] }> {
  const response = await inject({ method: 'GET', url: `/v1/epci/envelopes${after === undefined ? '' : `?after=${after}`}`, headers: { authorization: `Bearer ${session}` } });
  if (response.statusCode !== 200) return { status: response.statusCode, lines: [] };
  return { status: 200, lines: response.body.trim().split('\n').map((line) => JSON.parse(line) as PulledLine) };
}
