/**
 * End-to-end encryption of the mailbox, with WebCrypto only.
 *
 * The EPCI's device makes an ECDH P-256 key pair. Its private key is kept as a non-extractable CryptoKey (it can be
 * used, never read back); at creation only, the private key is also sealed with a passphrase the chargé(e) de
 * mission chooses (the export files' PBKDF2 + AES-GCM), and that sealed copy goes into every encrypted backup, so
 * that a lost laptop does not lose the audits (services/sync/epci-key-backup.ts).
 *
 * A commune's device seals each audit file to the EPCI's public key: a fresh ephemeral ECDH key pair, HKDF-SHA-256
 * of the shared secret (info binds the algorithm, the recipient key id and the ephemeral key), AES-256-GCM with a
 * fresh IV, the envelope's header (src/domain/mailbox/envelope-format.ts) authenticated as additional data. The file
 * is compressed first where the browser can (version 2): an audit file is about a fifth of its size deflated, so a
 * pull, the server's disk and a commune's send carry a fifth of the bytes, and the padding to 512 bytes shows the
 * server less of the file's size than version 1 did. Both versions open.
 */
import { fail, ok, type Result } from '../domain/exchange/exchange-error';
import type { EncryptedEnvelope } from '../domain/exchange/read-export-file';
import {
  CONTENT_BLOCK,
  CONTENT_PREFIX_BYTES,
  ENVELOPE_ALGORITHM,
  MAX_PLAINTEXT_BYTES,
  readEnvelopeHeader,
  writeEnvelopePrefix,
  type EnvelopeHeader,
  type EnvelopeVersion,
} from '../domain/mailbox/envelope-format';
import { base64ToBytes, bytesToBase64 } from './base64';
import { canDeflate, deflateRaw, inflateRawExactly } from './deflate';
import { decryptExport, encryptExport } from './passphrase-cipher';

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const encoder = new TextEncoder();

export interface MailboxPrivateKey {
  /** Non-extractable. */
  privateKey: CryptoKey;
  /** base64url SHA-256 of the public key's SPKI: which key an envelope was sealed to. */
  keyId: string;
  /** The public key, SPKI base64, as the server hands it to the communes. */
  publicKey: string;
}

export interface MailboxRecipient {
  publicKey: string;
  keyId: string;
}

export type MailboxMetadata = Pick<EnvelopeHeader, 'insee' | 'auditId' | 'versionDate'>;

function toBase64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function mailboxKeyId(spki: Uint8Array<ArrayBuffer>): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', spki)));
}

/** The sealed copy of the private key kept in settings and backups: an export-format envelope around its PKCS#8. */
export type SealedMailboxKey = EncryptedEnvelope;

const SEALED_KEY_KIND = 'cyberdiag-mailbox-key';

/** A new EPCI key pair: the non-extractable key to use, and its copy sealed with the passphrase for the backups. */
export async function createMailboxKey(passphrase: string): Promise<{ key: MailboxPrivateKey; sealed: SealedMailboxKey }> {
  // Extractable for this moment only, to seal it once; the key kept on the device is imported back non-extractable.
  const pair = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const publicKey = bytesToBase64(spki);
  const sealed = await encryptExport(JSON.stringify({ kind: SEALED_KEY_KIND, pkcs8: bytesToBase64(pkcs8), publicKey }), passphrase);
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, ECDH, false, ['deriveBits']);
  pkcs8.fill(0);
  return { key: { privateKey, keyId: await mailboxKeyId(spki), publicKey }, sealed };
}

/** The key back from its sealed copy (a restored backup on a new laptop), non-extractable. */
export async function openMailboxKey(sealed: SealedMailboxKey, passphrase: string): Promise<Result<MailboxPrivateKey>> {
  const opened = await decryptExport(sealed, passphrase);
  if (!opened.ok) return opened;
  try {
    const content: unknown = JSON.parse(opened.value);
    if (typeof content !== 'object' || content === null) return fail('invalid', 'mailbox-key');
    const { kind, pkcs8, publicKey } = content as Record<string, unknown>;
    if (kind !== SEALED_KEY_KIND || typeof pkcs8 !== 'string' || typeof publicKey !== 'string') return fail('invalid', 'mailbox-key');
    const privateKey = await crypto.subtle.importKey('pkcs8', base64ToBytes(pkcs8), ECDH, false, ['deriveBits']);
    const key = { privateKey, publicKey, keyId: await mailboxKeyId(base64ToBytes(publicKey)) };
    // A private key that is not the public key's other half would open nothing: refused now, not at "Recevoir".
    if (!(await opensOwnEnvelope(key))) return fail('invalid', 'mailbox-key: mismatch');
    return ok(key);
  } catch {
    return fail('invalid', 'mailbox-key');
  }
}

/** Whether a public key (SPKI, base64) is a P-256 key whose id is `keyId`: the public half of a restored key. */
export async function isMailboxPublicKey(publicKey: string, keyId: string): Promise<boolean> {
  try {
    const spki = base64ToBytes(publicKey);
    await crypto.subtle.importKey('spki', spki, ECDH, false, []);
    return (await mailboxKeyId(spki)) === keyId;
  } catch {
    return false;
  }
}

/** Seals a few bytes to the key's public half and opens them with its private half. */
async function opensOwnEnvelope(key: MailboxPrivateKey): Promise<boolean> {
  const probe = await sealEnvelope('{}', key, { insee: '00000', auditId: 'probe', versionDate: '2000-01-01T00:00:00.000Z' });
  const opened = await openEnvelope(probe, key);
  return opened.ok && opened.text === '{}';
}

async function contentKey(secret: ArrayBuffer, keyId: string, epk: string, usage: KeyUsage): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(`${ENVELOPE_ALGORITHM}|${keyId}|${epk}`) },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Version 2's content (envelope-format.ts): lengths, the deflated file, zeros to the next block. */
async function compressedContent(plain: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const deflated = await deflateRaw(plain);
  const used = CONTENT_PREFIX_BYTES + deflated.length;
  const content = new Uint8Array(Math.ceil(used / CONTENT_BLOCK) * CONTENT_BLOCK);
  const view = new DataView(content.buffer);
  view.setUint32(0, plain.length);
  view.setUint32(4, deflated.length);
  content.set(deflated, CONTENT_PREFIX_BYTES);
  return content;
}

/** The file back from version 2's content, or null when the content is not laid out as sealed. */
async function decompressedContent(content: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer> | null> {
  if (content.length < CONTENT_PREFIX_BYTES) return null;
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  const size = view.getUint32(0);
  const deflated = view.getUint32(4);
  const used = CONTENT_PREFIX_BYTES + deflated;
  if (size > MAX_PLAINTEXT_BYTES || used > content.length || content.length !== Math.ceil(used / CONTENT_BLOCK) * CONTENT_BLOCK) return null;
  for (let at = used; at < content.length; at++) if (content[at] !== 0) return null;
  return inflateRawExactly(content.subarray(CONTENT_PREFIX_BYTES, used), size);
}

/**
 * Seals one audit file (the export's text) to the EPCI's public key: the envelope's bytes. Compressed (version 2)
 * unless this browser cannot, or `compress: false`.
 */
export async function sealEnvelope(plainText: string, recipient: MailboxRecipient, metadata: MailboxMetadata, { compress = canDeflate() }: { compress?: boolean } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const plain = encoder.encode(plainText);
  if (plain.length > MAX_PLAINTEXT_BYTES) throw new RangeError('too-large');
  return compress ? sealContent(await compressedContent(plain), 2, recipient, metadata) : sealContent(plain, 1, recipient, metadata);
}

/** Seals a content laid out for its version (sealEnvelope; the tests seal contents the app would never lay out). */
export async function sealContent(content: Uint8Array<ArrayBuffer>, version: EnvelopeVersion, recipient: MailboxRecipient, metadata: MailboxMetadata): Promise<Uint8Array<ArrayBuffer>> {
  if (content.length > MAX_PLAINTEXT_BYTES) throw new RangeError('too-large');
  const recipientKey = await crypto.subtle.importKey('spki', base64ToBytes(recipient.publicKey), ECDH, false, []);
  const ephemeral = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  const epk = bytesToBase64(new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey)));
  const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: recipientKey }, ephemeral.privateKey, 256);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header: EnvelopeHeader = {
    v: version,
    alg: ENVELOPE_ALGORITHM,
    kid: recipient.keyId,
    epk,
    iv: bytesToBase64(iv),
    insee: metadata.insee,
    auditId: metadata.auditId,
    versionDate: metadata.versionDate,
    size: content.length,
  };
  const prefix = writeEnvelopePrefix(header);
  const key = await contentKey(secret, recipient.keyId, epk, 'encrypt');
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: prefix }, key, content));
  const envelope = new Uint8Array(prefix.length + ciphertext.length);
  envelope.set(prefix, 0);
  envelope.set(ciphertext, prefix.length);
  return envelope;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Why an envelope is refused on the EPCI's device (each has its message in locales/…/sync.json). */
export type OpenEnvelopeProblem = 'not-an-envelope' | 'foreign-envelope' | 'tampered-envelope';

/**
 * Opens an envelope with the EPCI's key: its header and the audit file's text, or why not. A header changed on the
 * way, a byte of ciphertext changed and a wrong key all fail AES-GCM's check; a key id that is not ours is named.
 */
export async function openEnvelope(
  bytes: Uint8Array<ArrayBuffer>,
  key: MailboxPrivateKey,
): Promise<{ ok: true; header: EnvelopeHeader; text: string } | { ok: false; problem: OpenEnvelopeProblem }> {
  const read = readEnvelopeHeader(bytes);
  if (!read.ok) return { ok: false, problem: 'not-an-envelope' };
  const { header, prefixLength } = read;
  if (header.kid !== key.keyId) return { ok: false, problem: 'foreign-envelope' };
  try {
    const ephemeral = await crypto.subtle.importKey('raw', base64ToBytes(header.epk), ECDH, false, []);
    const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: ephemeral }, key.privateKey, 256);
    const aes = await contentKey(secret, key.keyId, header.epk, 'decrypt');
    const content = new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: base64ToBytes(header.iv), additionalData: bytes.subarray(0, prefixLength) }, aes, bytes.subarray(prefixLength)),
    );
    if (header.v === 1) return { ok: true, header, text: decoder.decode(content) };
    // Authentic, so sealed by a holder of the public key (any commune's device): a content not laid out as the app
    // lays it, or one that would inflate past its stated size, is refused before it is read further.
    const plain = await decompressedContent(content);
    return plain === null ? { ok: false, problem: 'not-an-envelope' } : { ok: true, header, text: decoder.decode(plain) };
  } catch {
    return { ok: false, problem: 'tampered-envelope' };
  }
}
