/**
 * The mailbox envelope, read the same way by the server (server/ compiles this file) and by the EPCI's device.
 * Layout (written by src/crypto/mailbox-envelope.ts on the commune's device): "CDM1", the header's length (4 bytes,
 * big-endian), the header (JSON, ASCII), then the AES-256-GCM ciphertext of the sealed content with its 16-byte tag.
 * Version 1's content is the audit file itself; version 2's is the file compressed and padded (SealedContentV2).
 * The header is authenticated as GCM additional data, so the server can read it (it routes on it) but cannot
 * change it without the EPCI's device refusing the envelope. It holds no answer.
 */
import { EXPORT_LIMITS } from '../exchange/export-format.ts';

export const ENVELOPE_MAGIC = 'CDM1';
export const ENVELOPE_ALGORITHM = 'ECDH-P256+HKDF-SHA256+A256GCM';
export const MAX_HEADER_BYTES = 2048;
/** The import door's cap for an audits file: an envelope holds one such file. */
export const MAX_PLAINTEXT_BYTES = EXPORT_LIMITS.auditsFileBytes;
export const GCM_TAG_BYTES = 16;
export const MAX_ENVELOPE_BYTES = 8 + MAX_HEADER_BYTES + MAX_PLAINTEXT_BYTES + GCM_TAG_BYTES;

/**
 * Version 2's content: the file's length and its deflate-raw stream's length (4 bytes each, big-endian), the stream,
 * then zeros up to a multiple of CONTENT_BLOCK bytes. The server sees that padded size, not the file's exact size.
 */
export const CONTENT_BLOCK = 512;
export const CONTENT_PREFIX_BYTES = 8;

export type EnvelopeVersion = 1 | 2;

export interface EnvelopeHeader {
  v: EnvelopeVersion;
  alg: typeof ENVELOPE_ALGORITHM;
  /** base64url SHA-256 of the recipient EPCI's public key (SPKI). */
  kid: string;
  /** The ephemeral public key, raw uncompressed P-256 point, base64. */
  epk: string;
  iv: string;
  insee: string;
  auditId: string;
  /** The audit's version: its last change, ISO 8601 UTC. */
  versionDate: string;
  /** The sealed content's size in bytes: the file's (version 1), or its compressed and padded form's (version 2). */
  size: number;
}

export const INSEE_PATTERN = /^[0-9][0-9AB][0-9]{3}$/;
export const RECORD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const HEADER_KEYS = ['alg', 'auditId', 'epk', 'insee', 'iv', 'kid', 'size', 'v', 'versionDate'];

export type EnvelopeProblem = 'not-an-envelope' | 'header' | 'size';

const isString = (value: unknown): value is string => typeof value === 'string';

/** The bytes before the ciphertext: magic, length, header. Also the ciphertext's additional data. */
export function writeEnvelopePrefix(header: EnvelopeHeader): Uint8Array<ArrayBuffer> {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const prefix = new Uint8Array(8 + json.length);
  prefix.set(new TextEncoder().encode(ENVELOPE_MAGIC), 0);
  new DataView(prefix.buffer).setUint32(4, json.length);
  prefix.set(json, 8);
  return prefix;
}

/** Checks an envelope's layout and header; the header (and where the ciphertext starts) or why it is refused. */
export function readEnvelopeHeader(
  bytes: Uint8Array,
): { ok: true; header: EnvelopeHeader; prefixLength: number } | { ok: false; problem: EnvelopeProblem } {
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== ENVELOPE_MAGIC) return { ok: false, problem: 'not-an-envelope' };
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4);
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES || 8 + headerLength > bytes.length) return { ok: false, problem: 'header' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    return { ok: false, problem: 'header' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, problem: 'header' };
  const header = parsed as Record<string, unknown>;
  if (Object.keys(header).sort().join() !== HEADER_KEYS.join()) return { ok: false, problem: 'header' };
  const { v, alg, kid, epk, iv, insee, auditId, versionDate, size } = header;
  if (
    !((v === 1 || v === 2) &&
    alg === ENVELOPE_ALGORITHM &&
    isString(kid) && /^[A-Za-z0-9_-]{43}$/.test(kid) &&
    isString(epk) && epk.length === 88 && BASE64.test(epk) &&
    isString(iv) && iv.length === 16 && BASE64.test(iv) &&
    isString(insee) && INSEE_PATTERN.test(insee) &&
    isString(auditId) && RECORD_ID_PATTERN.test(auditId) &&
    isString(versionDate) && ISO_UTC.test(versionDate) && !Number.isNaN(Date.parse(versionDate)) &&
    typeof size === 'number' && Number.isInteger(size) && size >= 0)
  )
    return { ok: false, problem: 'header' };
  if (v === 2 && (size === 0 || size % CONTENT_BLOCK !== 0)) return { ok: false, problem: 'header' };
  if (size > MAX_PLAINTEXT_BYTES || bytes.length - 8 - headerLength !== size + GCM_TAG_BYTES) return { ok: false, problem: 'size' };
  return { ok: true, header: { v, alg, kid, epk, iv, insee, auditId, versionDate, size }, prefixLength: 8 + headerLength };
}
