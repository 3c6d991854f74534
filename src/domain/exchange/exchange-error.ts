/** Expected failures of export and import, as values with a code; the UI shows t(`exchange:errors.<code>`). */

export const EXCHANGE_ERROR_CODES = [
  /** Larger than the cap of the door it came through (checked before reading). */
  'too-large',
  /** The browser could not read the file at all. */
  'unreadable',
  /** Not JSON, or cut short (truncated download, wrong file). */
  'not-json',
  /** JSON, but not a Cyberdiag export. */
  'not-ours',
  /** A Cyberdiag export from a newer version of the app. */
  'newer-version',
  /** Ours and current, but some field is missing, of the wrong type, out of range, duplicated or inconsistent. */
  'invalid',
  /** A date later than the file's export, or than today on this device (a forged or broken file). */
  'future-date',
  /** An audit's dates out of order: started after its last change, or completed after it. */
  'dates-out-of-order',
  /** Encrypted and no passphrase was given. */
  'passphrase-required',
  /** AES-GCM refused: either the passphrase is wrong or the file was altered; nobody can tell which. */
  'wrong-passphrase-or-tampered',
  /** A backup's mailbox key is damaged or not the key it names (or sits in a file that is not an encrypted backup). */
  'invalid-mailbox-key',
  /** The restore door was given an audits file rather than a full backup. */
  'not-a-backup',
  /** The device's storage is full (QuotaExceededError); nothing was written. */
  'storage-full',
  /** The database refused the write for another reason; nothing was written. */
  'write-failed',
] as const;

export type ExchangeErrorCode = (typeof EXCHANGE_ERROR_CODES)[number];

export interface ExchangeError {
  code: ExchangeErrorCode;
  /** Where the problem is (a field path such as "payload.audits.3.profile.population"), for the technical details. */
  detail?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ExchangeError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(code: ExchangeErrorCode, detail?: string): Result<T> => ({
  ok: false,
  error: detail === undefined ? { code } : { code, detail: detail.slice(0, 300) },
});
