/**
 * The database: real PostgreSQL when DATABASE_URL is given, otherwise PGlite (PostgreSQL compiled to WebAssembly)
 * stored in a folder. PGlite is served on a Unix socket by @electric-sql/pglite-socket, so that the server, its
 * queries and the migration tool talk to both through the same `pg` client and the same wire protocol: one code
 * path, tested on both.
 */
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ServerConfig } from './config.js';

export interface Database {
  pool: pg.Pool;
  /** How to open one more connection (the migration tool opens its own). */
  connectionString: string;
  kind: 'postgresql' | 'pglite';
  close(): Promise<void>;
}

export async function openDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'> & Partial<Pick<ServerConfig, 'poolSize'>>): Promise<Database> {
  if (config.databaseUrl !== null) {
    const connectionString = config.databaseUrl;
    const pool = new pg.Pool({ connectionString, max: config.poolSize ?? 10 });
    // An idle connection dropped by a PostgreSQL restart must not end the process; the next query reconnects.
    pool.on('error', () => undefined);
    return { pool, connectionString, kind: 'postgresql', close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  await mkdir(config.dataDir, { recursive: true });
  const db = await PGlite.create(config.dataDir);
  const socketDir = await mkdtemp(path.join(tmpdir(), 'cyberdiag-pglite-'));
  const socketServer = new PGLiteSocketServer({ db, path: path.join(socketDir, '.s.PGSQL.5432'), maxConnections: 4 });
  await socketServer.start();
  // PGlite runs one query at a time: the pool keeps one connection (the socket server accepts a few more, for the
  // migration tool's own), so that a transaction is never interleaved with another's.
  const connectionString = `postgresql://postgres@localhost:5432/postgres?host=${encodeURIComponent(socketDir)}`;
  const pool = new pg.Pool({ connectionString, max: 1 });
  pool.on('error', () => undefined);
  return {
    pool,
    connectionString,
    kind: 'pglite',
    async close() {
      await pool.end();
      await socketServer.stop();
      await db.close();
      await rm(socketDir, { recursive: true, force: true });
    },
  };
}

/** Runs fn in one transaction on one connection; rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection cut while checked out (PostgreSQL restarting) emits 'error'; unheard, it would end the process.
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    if (broken === undefined) await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.off('error', onError);
    // A broken connection is destroyed rather than returned to the pool.
    client.release(broken);
  }
}
