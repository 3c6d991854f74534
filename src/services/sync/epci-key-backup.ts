/**
 * The EPCI's mailbox key in the backups. The key on the device is non-extractable: what goes into an encrypted
 * backup is the copy sealed with the key's passphrase when it was made (with the server and account, to sign in
 * again). On a new device the restore checks it before anything is written, then opens it with the backup's
 * passphrase (one passphrase when the chargé(e) chose the same for both) or keeps it sealed until the key's own
 * passphrase is typed in the mailbox panel.
 */
import { isMailboxPublicKey, openMailboxKey } from '../../crypto/mailbox-envelope';
import { fail, ok, type Result } from '../../domain/exchange/exchange-error';
import type { MailboxKeyBackup } from '../../domain/exchange/schema-v2';
import { MAILBOX_SETTING_KEYS, readEpciConnection, saveEpciConnection, type EpciConnection } from './mailbox-settings';

/** What an encrypted backup made now carries of the mailbox key; undefined when this device holds none. */
export async function mailboxKeyForBackup(): Promise<MailboxKeyBackup | undefined> {
  const connection = await readEpciConnection();
  if (!connection?.sealedKey || connection.sealedKey.version !== 1) return undefined;
  const publicHalf = connection.key ?? connection.pendingKey;
  if (!publicHalf) return undefined;
  return { serverUrl: connection.serverUrl, email: connection.email, keyId: publicHalf.keyId, publicKey: publicHalf.publicKey, sealed: connection.sealedKey };
}

/**
 * The mailbox setting a restore writes, in the same transaction as the records, or why the backup is refused
 * (`invalid-mailbox-key`, nothing written): a public key that is not the one named, a sealed copy that opens but
 * holds no key, or a key that is not the public key's other half. The session is not in the backup (sign in again);
 * the cursor starts at 0, so the first "Recevoir" takes everything still on the server, which includes whatever was
 * sent after the backup was made (a version already there is not imported twice).
 */
export async function restoredMailboxSetting(backup: MailboxKeyBackup, passphrase: string | undefined): Promise<Result<{ key: string; value: EpciConnection }>> {
  if (!(await isMailboxPublicKey(backup.publicKey, backup.keyId))) return fail('invalid-mailbox-key', 'mailboxKey.publicKey: mismatch');
  const base: EpciConnection = {
    serverUrl: backup.serverUrl,
    session: '',
    email: backup.email,
    key: null,
    sealedKey: backup.sealed,
    pendingKey: { keyId: backup.keyId, publicKey: backup.publicKey },
    cursor: 0,
    lastPullAt: null,
  };
  if (passphrase) {
    const opened = await openMailboxKey(backup.sealed, passphrase);
    if (opened.ok) {
      if (opened.value.keyId !== backup.keyId) return fail('invalid-mailbox-key', 'mailboxKey.sealed: other-key');
      return ok({ key: MAILBOX_SETTING_KEYS.epci, value: { ...base, key: opened.value, pendingKey: null } });
    }
    // Opened, but what it holds is no key: the backup is damaged. A passphrase that does not open it is the key's
    // own passphrase being another one: the key stays sealed until it is typed.
    if (opened.error.code !== 'wrong-passphrase-or-tampered') return fail('invalid-mailbox-key', `mailboxKey.sealed: ${opened.error.detail ?? 'invalid'}`);
  }
  return ok({ key: MAILBOX_SETTING_KEYS.epci, value: base });
}

/** Opens a restored key still sealed with the key's own passphrase; the failure's code says why not. */
export async function reopenRestoredKey(passphrase: string): Promise<EpciConnection> {
  const connection = await readEpciConnection();
  if (!connection?.sealedKey || !connection.pendingKey) throw new KeyReopenError('not-connected');
  const opened = await openMailboxKey(connection.sealedKey, passphrase);
  if (!opened.ok) throw new KeyReopenError(opened.error.code === 'wrong-passphrase-or-tampered' ? 'wrong-key-passphrase' : 'invalid-mailbox-key');
  if (opened.value.keyId !== connection.pendingKey.keyId) throw new KeyReopenError('invalid-mailbox-key');
  const updated = { ...connection, key: opened.value, pendingKey: null };
  await saveEpciConnection(updated);
  return updated;
}

export class KeyReopenError extends Error {
  constructor(readonly code: 'not-connected' | 'wrong-key-passphrase' | 'invalid-mailbox-key') {
    super(code);
    this.name = 'KeyReopenError';
  }
}
