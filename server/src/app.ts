/**
 * The mailbox's HTTP API (Fastify). Three kinds of caller: the server's first start (one-time setup secret), the
 * EPCI's chargé(e) de mission (session token after a password login) and a commune's device (device token after
 * an invitation code). Every refusal is `{ error: code }` with an HTTP status; the app words the codes.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { Readable } from 'node:stream';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { ServerConfig } from './config.js';
import { inTransaction } from './database.js';
import { INSEE_PATTERN, MAX_ENVELOPE_BYTES, RECORD_ID_PATTERN, readEnvelopeHeader } from '../../src/domain/mailbox/envelope-format.ts';
import { PULL_FRAMES_TYPE } from '../../src/domain/mailbox/pull-frames.ts';
import { DUMMY_PASSWORD_HASH, hashPassword, newInvitationCode, newToken, normaliseInvitationCode, sha256, verifyPassword } from './secrets.js';

const SESSION_HOURS = 12;
const INVITATION_DAYS = { default: 14, max: 90 };
const PULL_PAGE = 500;
const acceptsFrames = (accept: string | undefined) => accept?.split(',').some((type) => type.split(';')[0]?.trim() === PULL_FRAMES_TYPE) ?? false;

/** One record of the pull as frames (src/domain/mailbox/pull-frames.ts), in parts: the envelope is not copied. */
function pullFrame(head: Record<string, unknown>, envelope: Buffer | null): Buffer[] {
  const json = Buffer.from(JSON.stringify(head));
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32BE(json.length, 0);
  lengths.writeUInt32BE(envelope?.length ?? 0, 4);
  return envelope === null ? [lengths.subarray(0, 4), json, lengths.subarray(4)] : [lengths.subarray(0, 4), json, lengths.subarray(4), envelope];
}

interface Caller {
  tokenId: string;
  epciId: string;
  accountId: string | null;
  insee: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

const strings = {
  email: { type: 'string', minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' },
  password: { type: 'string', minLength: 12, maxLength: 200 },
  siren: { type: 'string', pattern: '^[0-9]{9}$' },
  name: { type: 'string', minLength: 1, maxLength: 200 },
  insee: { type: 'string', pattern: INSEE_PATTERN.source },
} as const;

/** Connection failures (PostgreSQL restarting, pool exhausted): the caller should retry later. */
function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || code === '57P01' || code === '57P03' || code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ENOENT')) return true;
  return error instanceof Error && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(error.message);
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return null;
  const token = header.slice(7);
  return /^cd[sd]_[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

function keyIdOf(spki: Buffer): string {
  return createHash('sha256').update(spki).digest('base64url');
}

export async function buildApp(pool: pg.Pool, config: ServerConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.quiet ? false : { level: 'warn' },
    // The JSON doors carry a few hundred bytes; only the envelope route takes more (its own bodyLimit).
    bodyLimit: 16 * 1024,
    // request.ip, the key of the per-address limits: the client named by a trusted proxy (TRUST_PROXY), if any.
    trustProxy: config.trustProxy,
    // A field the schema does not name is refused, not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  });

  await app.register(cors, {
    origin: config.appOrigins,
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
  await app.register(rateLimit, { global: false });

  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_ENVELOPE_BYTES }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error: unknown, _request, reply) => {
    if (error instanceof Refusal) return reply.code(error.status).send({ error: error.code });
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code = status === 413 ? 'too-large' : status === 429 ? 'rate-limited' : status === 415 ? 'unsupported-media-type' : 'malformed';
      return reply.code(status).send({ error: code });
    }
    if (isUnavailable(error)) return reply.code(503).header('retry-after', '1').send({ error: 'unavailable' });
    app.log.error(error);
    return reply.code(500).send({ error: 'internal' });
  });

  async function authenticate(request: FastifyRequest, kind: 'session' | 'device'): Promise<Caller> {
    const token = bearer(request);
    if (token === null || !token.startsWith(kind === 'session' ? 'cds_' : 'cdd_')) throw new Refusal(401, 'unauthorised');
    // Named: prepared once per connection, as every request but a few runs it.
    const { rows } = await pool.query<{ id: string; epci_id: string; account_id: string | null; insee: string | null }>({
      name: 'authenticate',
      text: `SELECT id, epci_id, account_id, insee FROM token
              WHERE token_hash = $1 AND kind = $2 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
      values: [sha256(token), kind],
    });
    const row = rows[0];
    if (row === undefined) throw new Refusal(401, 'unauthorised');
    const caller = { tokenId: row.id, epciId: row.epci_id, accountId: row.account_id, insee: row.insee };
    request.caller = caller;
    return caller;
  }
  const callerOf = (request: FastifyRequest): Caller => {
    if (request.caller === undefined) throw new Refusal(401, 'unauthorised');
    return request.caller;
  };
  const asSession = async (request: FastifyRequest) => {
    await authenticate(request, 'session');
  };
  const asDevice = async (request: FastifyRequest) => {
    await authenticate(request, 'device');
  };
  /** Per token where there is one (a département's communes may share one public address), else per address. */
  const perToken = (request: FastifyRequest) => {
    const token = bearer(request);
    return token === null ? request.ip : sha256(token).toString('base64url');
  };
  const limit = (max: number, byToken: boolean) => ({ rateLimit: { max, timeWindow: 60_000, ...(byToken ? { keyGenerator: perToken } : {}) } });

  async function createSession(client: pg.PoolClient | pg.Pool, accountId: string, epciId: string): Promise<string> {
    const token = newToken('cds');
    await client.query(`INSERT INTO token (token_hash, kind, epci_id, account_id, expires_at) VALUES ($1, 'session', $2, $3, now() + make_interval(hours => $4))`, [
      sha256(token),
      epciId,
      accountId,
      SESSION_HOURS,
    ]);
    return token;
  }

  app.get('/v1/health', async () => {
    await pool.query('SELECT 1');
    return { ok: true };
  });

  // First account: the secret printed at the server's first start, single use.
  app.post<{ Body: { secret: string; email: string; password: string; epci: { siren: string; name: string } } }>(
    '/v1/setup',
    {
      config: limit(config.rateLimits.login, false),
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['secret', 'email', 'password', 'epci'],
          properties: {
            secret: { type: 'string', minLength: 1, maxLength: 100 },
            email: strings.email,
            password: strings.password,
            epci: { type: 'object', additionalProperties: false, required: ['siren', 'name'], properties: { siren: strings.siren, name: strings.name } },
          },
        },
      },
    },
    async (request, reply) => {
      const { secret, email, password, epci } = request.body;
      const passwordHash = await hashPassword(password);
      const token = await inTransaction(pool, async (client) => {
        const used = await client.query(`UPDATE setup_secret SET used_at = now() WHERE secret_hash = $1 AND used_at IS NULL RETURNING id`, [sha256(secret)]);
        if (used.rowCount !== 1) throw new Refusal(403, 'invalid-setup-secret');
        const epciRow = await client.query<{ id: string }>(`INSERT INTO epci (siren, name) VALUES ($1, $2) RETURNING id`, [epci.siren, epci.name]);
        const epciId = epciRow.rows[0]?.id ?? '';
        const account = await client.query<{ id: string }>(`INSERT INTO account (epci_id, email, password_hash) VALUES ($1, lower($2), $3) RETURNING id`, [
          epciId,
          email,
          passwordHash,
        ]);
        return createSession(client, account.rows[0]?.id ?? '', epciId);
      });
      return reply.code(201).send({ token });
    },
  );

  app.post<{ Body: { email: string; password: string } }>(
    '/v1/login',
    {
      config: limit(config.rateLimits.login, false),
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['email', 'password'],
          properties: { email: strings.email, password: { type: 'string', minLength: 1, maxLength: 200 } },
        },
      },
    },
    async (request) => {
      const { rows } = await pool.query<{ id: string; epci_id: string; password_hash: string }>(`SELECT id, epci_id, password_hash FROM account WHERE email = lower($1)`, [
        request.body.email,
      ]);
      const account = rows[0];
      const valid = await verifyPassword(request.body.password, account?.password_hash ?? DUMMY_PASSWORD_HASH);
      if (account === undefined || !valid) throw new Refusal(401, 'wrong-credentials');
      return { token: await createSession(pool, account.id, account.epci_id) };
    },
  );

  app.post('/v1/logout', { preHandler: asSession }, async (request, reply) => {
    await pool.query(`UPDATE token SET revoked_at = now() WHERE id = $1`, [callerOf(request).tokenId]);
    return reply.code(204).send();
  });

  app.get('/v1/epci', { preHandler: asSession, config: limit(config.rateLimits.epci, true) }, async (request) => {
    const { rows } = await pool.query<{ siren: string; name: string; key_id: string | null }>(`SELECT siren, name, key_id FROM epci WHERE id = $1`, [callerOf(request).epciId]);
    const epci = rows[0];
    if (epci === undefined) throw new Refusal(404, 'not-found');
    return { siren: epci.siren, name: epci.name, keyId: epci.key_id };
  });

  // The EPCI device's public key; envelopes are encrypted to it. The private key never leaves the device.
  app.put<{ Body: { publicKey: string } }>(
    '/v1/epci/key',
    {
      preHandler: asSession,
      config: limit(config.rateLimits.epci, true),
      schema: { body: { type: 'object', additionalProperties: false, required: ['publicKey'], properties: { publicKey: { type: 'string', maxLength: 200 } } } },
    },
    async (request) => {
      const spki = Buffer.from(request.body.publicKey, 'base64');
      let valid = false;
      try {
        const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
        valid = key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
      } catch {
        valid = false;
      }
      if (!valid) throw new Refusal(400, 'invalid-public-key');
      const keyId = keyIdOf(spki);
      await pool.query(`UPDATE epci SET public_key = $1, key_id = $2 WHERE id = $3`, [spki.toString('base64'), keyId, callerOf(request).epciId]);
      return { keyId };
    },
  );

  app.post<{ Body: { insee: string; days?: number } }>(
    '/v1/epci/invitations',
    {
      preHandler: asSession,
      config: limit(config.rateLimits.epci, true),
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['insee'],
          properties: { insee: strings.insee, days: { type: 'integer', minimum: 1, maximum: INVITATION_DAYS.max } },
        },
      },
    },
    async (request, reply) => {
      const code = newInvitationCode();
      const { rows } = await pool.query<{ expires_at: Date }>(
        `INSERT INTO invitation (code_hash, epci_id, insee, expires_at) VALUES ($1, $2, $3, now() + make_interval(days => $4)) RETURNING expires_at`,
        [sha256(code), callerOf(request).epciId, request.body.insee, request.body.days ?? INVITATION_DAYS.default],
      );
      return reply.code(201).send({ code, insee: request.body.insee, expiresAt: rows[0]?.expires_at.toISOString() });
    },
  );

  app.get('/v1/epci/devices', { preHandler: asSession, config: limit(config.rateLimits.epci, true) }, async (request) => {
    const { rows } = await pool.query<{ id: string; insee: string; label: string | null; created_at: Date; revoked_at: Date | null }>(
      `SELECT id, insee, label, created_at, revoked_at FROM token WHERE epci_id = $1 AND kind = 'device' ORDER BY insee, id`,
      [callerOf(request).epciId],
    );
    return rows.map((row) => ({ id: row.id, insee: row.insee, label: row.label, createdAt: row.created_at.toISOString(), revokedAt: row.revoked_at?.toISOString() ?? null }));
  });

  app.delete<{ Params: { id: string } }>(
    '/v1/epci/devices/:id',
    { preHandler: asSession, config: limit(config.rateLimits.epci, true), schema: { params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9]{1,18}$' } } } } },
    async (request, reply) => {
      const result = await pool.query(`UPDATE token SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND epci_id = $2 AND kind = 'device'`, [
        request.params.id,
        callerOf(request).epciId,
      ]);
      if (result.rowCount !== 1) throw new Refusal(404, 'not-found');
      return reply.code(204).send();
    },
  );

  /**
   * The highest position a pull may hand out: every envelope of this EPCI at or below it is committed, and none can
   * be committed there later. Sends and withdrawals hold the EPCI's advisory lock in shared mode from before they
   * draw a position until they commit; taking it exclusively waits for those under way (new ones queue behind it,
   * for the few milliseconds it is held), so the highest position visible then is a horizon no late commit can fall
   * under. Sends thus never wait for one another, only for a pull's brief lock.
   */
  async function pullHorizon(epciId: string): Promise<string> {
    return inTransaction(pool, async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock($1)`, [epciId]);
      const { rows } = await client.query<{ horizon: string }>(`SELECT coalesce(max(seq), 0) AS horizon FROM envelope WHERE epci_id = $1`, [epciId]);
      return rows[0]?.horizon ?? '0';
    });
  }

  // What is new since the EPCI's last pull, oldest first; the last record says the stream is complete and gives the
  // cursor to keep. As one JSON object a line (envelopes in base64), or, for a client that accepts it, as frames
  // (src/domain/mailbox/pull-frames.ts: the envelopes' bytes as stored).
  app.get<{ Querystring: { after?: string } }>(
    '/v1/epci/envelopes',
    {
      preHandler: asSession,
      config: limit(config.rateLimits.epci, true),
      schema: { querystring: { type: 'object', additionalProperties: false, properties: { after: { type: 'string', pattern: '^[0-9]{1,18}$' } } } },
    },
    async (request, reply) => {
      const epciId = callerOf(request).epciId;
      const start = request.query.after ?? '0';
      const horizon = await pullHorizon(epciId);
      type Row = { seq: string; insee: string; audit_id: string; version_date: Date; size: number; envelope: Buffer | null };
      async function* pages(): AsyncGenerator<Row[]> {
        let cursor = start;
        for (;;) {
          const { rows } = await pool.query<Row>(
            `SELECT seq, insee, audit_id, version_date, size, envelope FROM envelope WHERE epci_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
            [epciId, cursor, horizon, PULL_PAGE],
          );
          yield rows;
          cursor = rows.at(-1)?.seq ?? cursor;
          if (rows.length < PULL_PAGE) break;
        }
      }
      const heads = async function* (): AsyncGenerator<{ head: Record<string, unknown>; envelope: Buffer | null }> {
        let cursor = Number(start);
        for await (const rows of pages()) {
          for (const row of rows) {
            cursor = Number(row.seq);
            const base = { seq: cursor, insee: row.insee, auditId: row.audit_id, versionDate: row.version_date.toISOString() };
            yield row.envelope === null ? { head: { ...base, withdrawn: true }, envelope: null } : { head: { ...base, size: row.size }, envelope: row.envelope };
          }
        }
        yield { head: { done: true, cursor }, envelope: null };
      };
      if (acceptsFrames(request.headers.accept)) {
        async function* frames(): AsyncGenerator<Buffer> {
          // One chunk a page of records: 35,000 small writes cost the server more than the bytes.
          let parts: Buffer[] = [];
          for await (const { head, envelope } of heads()) {
            parts.push(...pullFrame(head, envelope));
            if (parts.length >= PULL_PAGE * 4) {
              yield Buffer.concat(parts);
              parts = [];
            }
          }
          yield Buffer.concat(parts);
        }
        return reply.type(PULL_FRAMES_TYPE).send(Readable.from(frames()));
      }
      async function* lines(): AsyncGenerator<string> {
        for await (const { head, envelope } of heads()) yield `${JSON.stringify(envelope === null ? head : { ...head, envelope: envelope.toString('base64') })}\n`;
      }
      return reply.type('application/x-ndjson').send(Readable.from(lines()));
    },
  );

  app.post<{ Body: { code: string; label?: string } }>(
    '/v1/device/redeem',
    {
      config: limit(config.rateLimits.redeem, false),
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['code'],
          properties: { code: { type: 'string', minLength: 1, maxLength: 40 }, label: { type: 'string', maxLength: 100 } },
        },
      },
    },
    async (request, reply) => {
      const code = normaliseInvitationCode(request.body.code);
      if (code === null) throw new Refusal(400, 'invalid-code');
      const token = newToken('cdd');
      const result = await inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ id: string; epci_id: string; insee: string }>(
          `UPDATE invitation SET used_at = now() WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING id, epci_id, insee`,
          [sha256(code)],
        );
        const invitation = rows[0];
        if (invitation === undefined) throw new Refusal(410, 'invalid-code');
        const inserted = await client.query<{ id: string }>(`INSERT INTO token (token_hash, kind, epci_id, insee, label) VALUES ($1, 'device', $2, $3, $4) RETURNING id`, [
          sha256(token),
          invitation.epci_id,
          invitation.insee,
          request.body.label ?? null,
        ]);
        await client.query(`UPDATE invitation SET device_token_id = $1 WHERE id = $2`, [inserted.rows[0]?.id, invitation.id]);
        const epci = await client.query<{ siren: string; name: string; public_key: string | null; key_id: string | null }>(
          `SELECT siren, name, public_key, key_id FROM epci WHERE id = $1`,
          [invitation.epci_id],
        );
        return { insee: invitation.insee, epci: epci.rows[0] };
      });
      return reply.code(201).send({
        token,
        insee: result.insee,
        epci: { siren: result.epci?.siren, name: result.epci?.name, publicKey: result.epci?.public_key ?? null, keyId: result.epci?.key_id ?? null },
      });
    },
  );

  app.get('/v1/device/recipient', { preHandler: asDevice, config: limit(config.rateLimits.device, true) }, async (request) => {
    const { rows } = await pool.query<{ siren: string; name: string; public_key: string | null; key_id: string | null }>(
      `SELECT siren, name, public_key, key_id FROM epci WHERE id = $1`,
      [callerOf(request).epciId],
    );
    const epci = rows[0];
    if (epci === undefined) throw new Refusal(404, 'not-found');
    return { siren: epci.siren, name: epci.name, publicKey: epci.public_key, keyId: epci.key_id };
  });

  app.delete('/v1/device', { preHandler: asDevice, config: limit(config.rateLimits.device, true) }, async (request, reply) => {
    await pool.query(`UPDATE token SET revoked_at = now() WHERE id = $1`, [callerOf(request).tokenId]);
    return reply.code(204).send();
  });

  // One audit's envelope. The same version again changes nothing; a newer one replaces the older; an older one is
  // refused (the import's rule). One statement, one round trip: the recipient's key check, the EPCI's advisory lock
  // in shared mode (sends do not wait for one another; a pull takes it exclusively to fix its horizon, see
  // pullHorizon) and the upsert with the version rule; `existing` is the row as it was before (the statement's
  // snapshot), read only when nothing was written.
  app.put('/v1/device/envelopes', { preHandler: asDevice, config: limit(config.rateLimits.device, true), bodyLimit: MAX_ENVELOPE_BYTES }, async (request, reply) => {
    const caller = callerOf(request);
    if (!Buffer.isBuffer(request.body)) throw new Refusal(415, 'unsupported-media-type');
    const read = readEnvelopeHeader(request.body);
    if (!read.ok) throw new Refusal(read.problem === 'size' ? 413 : 400, `envelope-${read.problem}`);
    const { header } = read;
    if (header.insee !== caller.insee) throw new Refusal(403, 'wrong-commune');
    const { rows } = await pool.query<{ key_ok: boolean; stored: boolean; existing: Date | null }>({
      name: 'send-envelope',
      text: `WITH recipient AS (
               SELECT key_id = $7::text AS key_ok FROM epci WHERE id = $1::bigint
             ), locked AS (
               SELECT pg_advisory_xact_lock_shared($1::bigint) FROM recipient WHERE key_ok
             ), written AS (
               INSERT INTO envelope AS e (epci_id, insee, audit_id, version_date, size, envelope)
               SELECT $1::bigint, $2::text, $3::text, $4::timestamptz, $5::integer, $6::bytea FROM locked
               ON CONFLICT (epci_id, insee, audit_id) DO UPDATE
                 SET version_date = EXCLUDED.version_date, size = EXCLUDED.size, envelope = EXCLUDED.envelope,
                     seq = nextval('envelope_seq'), received_at = now(), withdrawn_at = NULL
                 WHERE e.version_date < EXCLUDED.version_date
                    OR (e.withdrawn_at IS NOT NULL AND e.version_date <= EXCLUDED.version_date)
               RETURNING 1
             )
             SELECT coalesce((SELECT key_ok FROM recipient), false) AS key_ok,
                    EXISTS (SELECT 1 FROM written) AS stored,
                    (SELECT version_date FROM envelope WHERE epci_id = $1::bigint AND insee = $2::text AND audit_id = $3::text) AS existing`,
      values: [caller.epciId, header.insee, header.auditId, header.versionDate, header.size, request.body, header.kid],
    });
    const result = rows[0];
    if (result === undefined || !result.key_ok) throw new Refusal(409, 'stale-key');
    if (result.stored) return reply.code(201).send({ status: 'stored' });
    let existing = result.existing;
    // Null: the same audit's first send, committed by another request after this statement's snapshot was taken.
    if (existing === null) {
      const again = await pool.query<{ version_date: Date }>(`SELECT version_date FROM envelope WHERE epci_id = $1 AND insee = $2 AND audit_id = $3`, [
        caller.epciId,
        header.insee,
        header.auditId,
      ]);
      existing = again.rows[0]?.version_date ?? null;
    }
    if (existing?.getTime() !== Date.parse(header.versionDate)) throw new Refusal(409, 'older-version');
    return reply.code(200).send({ status: 'unchanged' });
  });

  // A commune withdraws what it sent: the envelope is erased; the EPCI's next pull learns the audit was withdrawn.
  app.delete<{ Params: { auditId: string } }>(
    '/v1/device/envelopes/:auditId',
    { preHandler: asDevice, config: limit(config.rateLimits.device, true), schema: { params: { type: 'object', properties: { auditId: { type: 'string', pattern: RECORD_ID_PATTERN.source } } } } },
    async (request, reply) => {
      const caller = callerOf(request);
      const changed = await inTransaction(pool, async (client) => {
        await client.query(`SELECT pg_advisory_xact_lock_shared($1)`, [caller.epciId]);
        const result = await client.query(
          `UPDATE envelope SET envelope = NULL, withdrawn_at = now(), seq = nextval('envelope_seq')
            WHERE epci_id = $1 AND insee = $2 AND audit_id = $3 AND withdrawn_at IS NULL`,
          [caller.epciId, caller.insee, request.params.auditId],
        );
        return result.rowCount === 1;
      });
      if (!changed) throw new Refusal(404, 'not-found');
      return reply.code(204).send();
    },
  );

  return app;
}

