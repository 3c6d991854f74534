/**
 * Passphrase encryption of export files with WebCrypto: PBKDF2-SHA-256 derives a non-extractable AES-GCM key
 * from the passphrase and a fresh random salt; a fresh random IV per file. The passphrase is never stored.
 * The parameters are those of the format (src/domain/exchange/export-format.ts) and must never change silently.
 */
import { fail, ok, type Result } from '../domain/exchange/exchange-error';
import {
  CIPHER_IV_BYTES,
  CIPHER_KEY_BITS,
  CIPHER_NAME,
  cipherAdditionalData,
  EXPORT_FORMAT_ID,
  EXPORT_VERSION_WITHOUT_KEY,
  KDF_HASH,
  KDF_ITERATIONS,
  KDF_NAME,
  KDF_SALT_BYTES,
} from '../domain/exchange/export-format';
import type { EncryptedEnvelope } from '../domain/exchange/read-export-file';
import { base64ToBytes, bytesToBase64 } from './base64';

const encoder = new TextEncoder();

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: KeyUsage): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), KDF_NAME, false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: KDF_NAME, hash: KDF_HASH, salt, iterations },
    material,
    { name: CIPHER_NAME, length: CIPHER_KEY_BITS },
    // Non-extractable: the key cannot be read back out of WebCrypto, only used.
    false,
    [usage],
  );
}

/**
 * Encrypts a plain export document's text into an envelope of the document's own version (the door refuses an
 * envelope whose version differs from the document inside, and the version is bound as additional data).
 */
export async function encryptExport(plainText: string, passphrase: string, version: 1 | 2 = EXPORT_VERSION_WITHOUT_KEY): Promise<EncryptedEnvelope> {
  const salt = crypto.getRandomValues(new Uint8Array(KDF_SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(CIPHER_IV_BYTES));
  const key = await deriveKey(passphrase, salt, KDF_ITERATIONS, 'encrypt');
  const ciphertext = await crypto.subtle.encrypt(
    { name: CIPHER_NAME, iv, additionalData: encoder.encode(cipherAdditionalData(version)) },
    key,
    encoder.encode(plainText),
  );
  return {
    format: EXPORT_FORMAT_ID,
    version,
    encrypted: true,
    kdf: { name: KDF_NAME, hash: KDF_HASH, iterations: KDF_ITERATIONS, salt: bytesToBase64(salt) },
    cipher: { name: CIPHER_NAME, iv: bytesToBase64(iv) },
    data: bytesToBase64(new Uint8Array(ciphertext)),
  };
}

/**
 * Decrypts an envelope already checked by the import door. AES-GCM authenticates the data: a wrong passphrase
 * and an altered byte fail the same way, and nobody can tell which, so the message says either.
 */
export async function decryptExport(envelope: EncryptedEnvelope, passphrase: string): Promise<Result<string>> {
  try {
    const key = await deriveKey(passphrase, base64ToBytes(envelope.kdf.salt), envelope.kdf.iterations, 'decrypt');
    const plain = await crypto.subtle.decrypt(
      {
        name: CIPHER_NAME,
        iv: base64ToBytes(envelope.cipher.iv),
        additionalData: encoder.encode(cipherAdditionalData(envelope.version)),
      },
      key,
      base64ToBytes(envelope.data),
    );
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    return fail('wrong-passphrase-or-tampered');
  }
}
