/** The Cyberdiag export file format: its name, version, limits and encryption parameters (see docs in the README). */

/** The `format` field of every file the app writes; anything else is "not ours". */
export const EXPORT_FORMAT_ID = 'cyberdiag-export';

/**
 * The newest version this app reads and writes. Bump it (and add an upgrader in upgraders.ts plus a fixture in
 * tests/fixtures/exchange/) whenever the shape of a file changes; a number is never reused.
 *
 * A file is written in the oldest version that holds what it carries: every audits file and every backup without
 * the EPCI's mailbox key stays version 1, so that an app not yet updated still reads them; only an encrypted backup
 * carrying the key is version 2, which an older app refuses as newer rather than restoring it without the key.
 */
export const CURRENT_EXPORT_VERSION = 2;
/** Communes, audits and plan items. */
export const EXPORT_VERSION_WITHOUT_KEY = 1;
/** The same, plus the EPCI's mailbox key as its passphrase-sealed copy: encrypted backups only. */
export const EXPORT_VERSION_WITH_MAILBOX_KEY = 2;

export const EXPORT_FILE_EXTENSION = '.cyberdiag.json';
export const EXPORT_MEDIA_TYPE = 'application/json';

export type ExportKind = 'audits' | 'backup';

/** Refused before a byte is read: File.size is checked first. */
export const EXPORT_LIMITS = {
  /** An audits file: a conseiller's year of audits is a few hundred kilobytes. */
  auditsFileBytes: 20 * 1024 * 1024,
  /** A full backup (restore door only): room for several thousand audits. */
  backupFileBytes: 100 * 1024 * 1024,
  /** Our files are at most 6 levels deep; anything much deeper is hostile, refused before JSON.parse. */
  maxJsonDepth: 32,
  /**
   * A version 0 file (the prototype's, never written by a released app) is checked by jitless zod, answer by
   * answer: 600,000 answers took 4.4 s of the page's main thread. The prototype's files were a few kilobytes;
   * a larger one is refused before that check.
   */
  v0FileBytes: 1024 * 1024,
} as const;

/*
 * Encryption parameters of format versions 1 and 2. They MUST NEVER CHANGE SILENTLY: files already written are
 * read with the values they carry, and a change of algorithm, hash, key length or additional data is a new
 * format version. The iteration count may only go up (the reader accepts a bounded range, so an old app
 * reading a newer file still works, and a hostile file cannot make it spin for minutes).
 */
export const KDF_NAME = 'PBKDF2';
export const KDF_HASH = 'SHA-256';
/** OWASP 2023 recommendation for PBKDF2-HMAC-SHA256; about 0.5 s per derivation on a 2020 laptop. */
export const KDF_ITERATIONS = 600_000;
/**
 * The most a file may ask for: twice today's count leaves room to raise it, and a hostile file costs at most
 * about 0.4 s per passphrase try (5,000,000 iterations took 0.9 s on a 2020 laptop, and a user may try several).
 */
export const KDF_MAX_ITERATIONS = 1_200_000;
export const KDF_SALT_BYTES = 16;
export const CIPHER_NAME = 'AES-GCM';
export const CIPHER_KEY_BITS = 256;
/** 96-bit IV, the size AES-GCM is designed for; fresh and random for every file. */
export const CIPHER_IV_BYTES = 12;

/** Bound to the ciphertext as AES-GCM additional data: changing the envelope's format or version breaks decryption. */
export function cipherAdditionalData(version: number): string {
  return `${EXPORT_FORMAT_ID};v${version}`;
}
