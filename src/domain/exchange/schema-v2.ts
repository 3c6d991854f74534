/**
 * Format version 2: version 1 plus, in an encrypted backup only, the EPCI's mailbox key as the copy sealed with its
 * passphrase when the key was made (the key on the device is non-extractable: that sealed copy is all there is).
 */
import { z } from 'zod';
import { MAILBOX_ACCOUNT_LIMITS } from '../limits';
import { base64OfBytes, encryptedEnvelopeV1Schema, exportDocumentV1Schema, isBase64 } from './schema-v1';

/** A P-256 public key as SPKI is 91 bytes. */
const SPKI_P256_BYTES = 91;
/** The sealed copy's text: a few hundred bytes (PKCS#8 and public key in base64); room to spare, no more. */
const SEALED_KEY_DATA_MAX = 4096;

export const mailboxKeyBackupSchema = z.strictObject({
  /** The mailbox server, as the app normalised it, and the account: to sign in again on a new device. */
  serverUrl: z.string().max(MAILBOX_ACCOUNT_LIMITS.serverUrl, 'too-long').regex(/^https?:\/\/[^\s]+$/, 'url'),
  email: z.string().max(MAILBOX_ACCOUNT_LIMITS.email, 'too-long').regex(/^[^\s@]+@[^\s@]+$/, 'email'),
  /** base64url SHA-256 of the public key's SPKI (checked against publicKey before anything is written). */
  keyId: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'key-id'),
  publicKey: base64OfBytes(SPKI_P256_BYTES),
  /** Always a version 1 envelope: the sealed copy is written once, when the key is made, and kept as it is. */
  sealed: encryptedEnvelopeV1Schema.extend({ data: z.string().min(1, 'required').max(SEALED_KEY_DATA_MAX, 'too-long').refine(isBase64, 'base64') }),
});

export const exportDocumentV2Schema = exportDocumentV1Schema
  .extend({ version: z.literal(2), mailboxKey: mailboxKeyBackupSchema.optional() })
  .refine((document) => document.mailboxKey === undefined || document.kind === 'backup', { message: 'backup-only', path: ['mailboxKey'] });

export const encryptedEnvelopeV2Schema = encryptedEnvelopeV1Schema.extend({ version: z.literal(2) });

export type MailboxKeyBackup = z.output<typeof mailboxKeyBackupSchema>;
export type ExportDocumentV2 = z.output<typeof exportDocumentV2Schema>;
export type EncryptedEnvelopeV2 = z.output<typeof encryptedEnvelopeV2Schema>;
