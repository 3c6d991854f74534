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
 * fresh IV, the envelope's header (src/domain/mailbox/envelope-format.ts) authenticated as additional data.
 */
import { fail, ok, type Result } from '../domain/exchange/exchange-error';
import type { EncryptedEnvelope } from '../domain/exchange/read-export-file';
import {
  ENVELOPE_ALGORITHM,
  MAX_PLAINTEXT_BYTES,
  readEnvelopeHeader,
  writeEnvelopePrefix,
  type EnvelopeHeader,
} from '../domain/mailbox/envelope-format';
import { base64ToBytes, bytesToBase64 } from './base64';
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

/** Seals one audit file (the export's text) to the EPCI's public key: the envelope's bytes. */
export async function sealEnvelope(plainText: string, recipient: MailboxRecipient, metadata: MailboxMetadata): Promise<Uint8Array<ArrayBuffer>> {
  const plain = encoder.encode(plainText);
  if (plain.length > MAX_PLAINTEXT_BYTES) throw new RangeError('too-large');
  const recipientKey = await crypto.subtle.importKey('spki', base64ToBytes(recipient.publicKey), ECDH, false, []);
  const ephemeral = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  const epk = bytesToBase64(new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey)));
  const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: recipientKey }, ephemeral.privateKey, 256);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header: EnvelopeHeader = {
    v: 1,
    alg: ENVELOPE_ALGORITHM,
    kid: recipient.keyId,
    epk,
    iv: bytesToBase64(iv),
    insee: metadata.insee,
    auditId: metadata.auditId,
    versionDate: metadata.versionDate,
    size: plain.length,
  };
  const prefix = writeEnvelopePrefix(header);
  const key = await contentKey(secret, recipient.keyId, epk, 'encrypt');
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: prefix }, key, plain));
  const envelope = new Uint8Array(prefix.length + ciphertext.length);
  envelope.set(prefix, 0);
  envelope.set(ciphertext, prefix.length);
  return envelope;
}

/** Why an envelope is refused on the EPCI's device (each has its message in locales/…/epci.json). */
export type OpenEnvelopeProblem = 'not-an-envelope' | 'foreign-envelope' | 'tampered-envelope';

/**
 * Opens an envelope with the EPCI's key: its header and the audit file's text, or why not. A header changed on the
 * way, a byte of ciphertext changed and a wrong key all fail AES-GCM's check; a key id that is not ours is named.
 */
export async function openEnvelope(
  bytes: Uint8Array,
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
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64ToBytes(header.iv), additionalData: bytes.slice(0, prefixLength) },
      aes,
      bytes.slice(prefixLength),
    );
    return { ok: true, header, text: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
  } catch {
    return { ok: false, problem: 'tampered-envelope' };
  }
}
