/** The server's settings, all from the environment so that one command starts it with sensible defaults. */
import path from 'node:path';

export interface ServerConfig {
  host: string;
  port: number;
  /** Real PostgreSQL when given; otherwise PGlite stored in dataDir. */
  databaseUrl: string | null;
  /** Connections to real PostgreSQL (PGlite takes one). */
  poolSize: number;
  dataDir: string;
  /** The app's origins, the only ones CORS lets in. */
  appOrigins: string[];
  /** Requests a minute: per IP for the doors an attacker would knock on, per token for the rest. */
  rateLimits: { login: number; redeem: number; device: number; epci: number };
  /**
   * Fastify's trustProxy: which proxies may name the client in X-Forwarded-For. Behind nginx every request comes
   * from 127.0.0.1, so without it the per-address limits would be shared by every commune.
   */
  trustProxy: false | string[];
  /** Printed nothing but errors (tests, benchmark). */
  quiet: boolean;
}

function integer(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`Not a whole number: ${value}`);
  return parsed;
}

/**
 * TRUST_PROXY: the proxies' addresses or CIDRs, comma-separated ("127.0.0.1", or proxy-addr's "loopback"). Unset,
 * nobody is trusted. No "true" and no hop count: either would let a client reaching the server directly name any
 * address (this Fastify trusts nobody for a hop count).
 */
function trustProxy(value: string | undefined): false | string[] {
  const addresses = (value ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
  return addresses.length === 0 ? false : addresses;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: integer(env.PORT, 8787),
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : null,
    poolSize: Math.max(1, integer(env.DATABASE_POOL_SIZE, 10)),
    dataDir: path.resolve(env.DATA_DIR ?? 'mailbox-data'),
    appOrigins: (env.APP_ORIGIN ?? 'http://127.0.0.1:4173,http://localhost:4173')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    rateLimits: {
      login: integer(env.RATE_LIMIT_LOGIN, 10),
      redeem: integer(env.RATE_LIMIT_REDEEM, 10),
      device: integer(env.RATE_LIMIT_DEVICE, 120),
      epci: integer(env.RATE_LIMIT_EPCI, 600),
    },
    trustProxy: trustProxy(env.TRUST_PROXY),
    quiet: env.MAILBOX_QUIET === '1',
  };
}
