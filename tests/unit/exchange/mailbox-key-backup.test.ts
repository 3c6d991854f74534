// The EPCI's mailbox key in the backups (format 2): only in encrypted backups, read back through the one door,
// refused when damaged with nothing written, and restored on a fresh device so that "Recevoir" opens what the
// communes sent before the old device was lost. Each PBKDF2 derivation takes about half a second here.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/database';
import { loadSummaryContext } from '../../../src/db/epci-repository';
import { createMailboxKey, sealEnvelope, type MailboxPrivateKey, type SealedMailboxKey } from '../../../src/crypto/mailbox-envelope';
import { bytesToBase64 } from '../../../src/crypto/base64';
import { decryptExport, encryptExport } from '../../../src/crypto/passphrase-cipher';
import { EXPORT_LIMITS } from '../../../src/domain/exchange/export-format';
import { exportAudits, exportBackup } from '../../../src/services/exchange/export-files';
import { openExportFile, restoreBackup } from '../../../src/services/exchange/import-files';
import { mailboxKeyForBackup, reopenRestoredKey } from '../../../src/services/sync/epci-key-backup';
import { readEpciConnection, saveEpciConnection } from '../../../src/services/sync/mailbox-settings';
import { receive } from '../../../src/services/sync/receive';
import { audit, commune, dumpDatabase } from './seed';
import { FIXTURE_PASSPHRASE, readFixture } from './fixtures';

const PASSPHRASE = 'girafe tramway ocre mistral 1987';
const OTHER_PASSPHRASE = 'une autre phrase pour la sauvegarde';
const SERVER = 'https://boite.cc-exemple.fr/boite';
const now = new Date('2026-11-25T10:00:00.000Z');
const maxBytes = EXPORT_LIMITS.backupFileBytes;

const wipeDevice = () => Promise.all(db.tables.map((table) => table.clear()));

afterEach(() => {
  vi.unstubAllGlobals();
});

/** An EPCI's device: its key made with `keyPassphrase`, signed in, one audit already received. */
async function epciDevice(keyPassphrase = PASSPHRASE): Promise<{ key: MailboxPrivateKey; sealed: SealedMailboxKey }> {
  const made = await createMailboxKey(keyPassphrase);
  await saveEpciConnection({ serverUrl: SERVER, session: 'session', email: 'cm@cc-exemple.fr', key: made.key, sealedKey: made.sealed, cursor: 7, lastPullAt: null });
  await db.communes.add(commune('commune-a', 'Aubeterre', '16020'));
  await db.audits.add(audit('audit-a1', 'commune-a', { status: 'completed', completedAt: '2026-01-05T10:06:00.000Z', origin: 'imported' }));
  return made;
}

async function backupText(passphrase: string | undefined): Promise<string> {
  const made = await exportBackup({ label: 'sauvegarde', passphrase, now });
  if (!made.ok) throw new Error('no backup');
  return made.file.text;
}

const open = (text: string, passphrase?: string) => openExportFile(new Blob([text]), { passphrase, maxBytes, now });

/** The plain document inside an encrypted backup, changed by `edit`, encrypted again (as version `version`). */
async function tamperedBackup(text: string, edit: (document: Record<string, unknown>) => void, version: 1 | 2 = 2): Promise<string> {
  const plain = await decryptExport(JSON.parse(text) as SealedMailboxKey, PASSPHRASE);
  if (!plain.ok) throw new Error('backup did not open');
  const document = JSON.parse(plain.value) as Record<string, unknown>;
  edit(document);
  return JSON.stringify(await encryptExport(JSON.stringify(document), PASSPHRASE, version));
}

/** The mailbox server's pull, as "Recevoir" reads it: the envelopes, one JSON line each, then the end. */
function serveEnvelopes(envelopes: Array<{ insee: string; auditId: string; bytes: Uint8Array }>): void {
  const lines = envelopes.map((e, i) => JSON.stringify({ seq: i + 1, insee: e.insee, auditId: e.auditId, envelope: bytesToBase64(e.bytes) }));
  lines.push(JSON.stringify({ done: true, cursor: envelopes.length }));
  vi.stubGlobal('fetch', async () => new Response(`${lines.join('\n')}\n`, { status: 200, headers: { 'content-type': 'application/x-ndjson' } }));
}

/** A commune's audit file, as its device would seal it (made on a device of its own, then wiped). */
async function communeFile(): Promise<string> {
  await db.communes.add(commune('commune-b', 'Bellecombe', '73034'));
  await db.audits.add(audit('audit-b1', 'commune-b', { status: 'completed', completedAt: '2026-02-01T10:00:00.000Z', updatedAt: '2026-02-01T10:00:00.000Z' }));
  const [file] = await exportAudits(['audit-b1'], { label: 'Bellecombe', now });
  await db.audits.delete('audit-b1');
  await db.communes.delete('commune-b');
  return file?.text ?? '';
}

describe('the mailbox key in the backup file', { timeout: 60_000 }, () => {
  it('goes into an encrypted backup (format 2), never into a plain backup or an audits file (format 1)', async () => {
    const { key } = await epciDevice();
    const encrypted = await backupText(PASSPHRASE);
    expect(JSON.parse(encrypted)).toMatchObject({ version: 2, encrypted: true });
    const opened = await open(encrypted, PASSPHRASE);
    expect(opened.ok && opened.value).toMatchObject({ formatVersion: 2, kind: 'backup', mailboxKey: { serverUrl: SERVER, email: 'cm@cc-exemple.fr', keyId: key.keyId, publicKey: key.publicKey } });

    const plain = await backupText(undefined);
    expect(JSON.parse(plain)).toMatchObject({ version: 1, kind: 'backup' });
    expect(plain).not.toContain('mailboxKey');
    const [audits] = await exportAudits(['audit-a1'], { label: 'Aubeterre', passphrase: PASSPHRASE, now });
    expect(JSON.parse(audits?.text ?? '')).toMatchObject({ version: 1 });
    const auditsRead = await open(audits?.text ?? '', PASSPHRASE);
    expect(auditsRead.ok && auditsRead.value).toMatchObject({ formatVersion: 1, mailboxKey: null });
  });

  it('is refused by the door in a plain file, in an audits file, malformed, or in a version 1 file', async () => {
    await epciDevice();
    const encrypted = await backupText(PASSPHRASE);
    const plain = await decryptExport(JSON.parse(encrypted) as SealedMailboxKey, PASSPHRASE);
    expect(plain.ok && (await open(plain.value))).toMatchObject({ ok: false, error: { code: 'invalid-mailbox-key', detail: 'mailboxKey: not-encrypted' } });
    const asAudits = await tamperedBackup(encrypted, (document) => (document.kind = 'audits'));
    expect(await open(asAudits, PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'invalid-mailbox-key', detail: 'mailboxKey: backup-only' } });
    const shortKey = await tamperedBackup(encrypted, (document) => {
      (document.mailboxKey as { publicKey: string }).publicKey = 'AAAA';
    });
    expect(await open(shortKey, PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'invalid-mailbox-key', detail: 'mailboxKey.publicKey: length' } });
    const extraField = await tamperedBackup(encrypted, (document) => {
      (document.mailboxKey as Record<string, unknown>).privateKey = 'in clear';
    });
    expect(await open(extraField, PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'invalid-mailbox-key' } });
    const inVersion1 = await tamperedBackup(encrypted, (document) => (document.version = 1), 1);
    expect(await open(inVersion1, PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'invalid', detail: 'mailboxKey: unknown-key' } });
  });

  it('is restored with the backup on a fresh device, and "Recevoir" opens what was sent before the loss', async () => {
    const { key } = await epciDevice();
    const backup = await backupText(PASSPHRASE);
    // After the backup, a commune sends an audit; then the laptop is lost.
    const envelope = await sealEnvelope(await communeFile(), key, { insee: '73034', auditId: 'audit-b1', versionDate: '2026-02-01T10:00:00.000Z' });
    await wipeDevice();

    const opened = await open(backup, PASSPHRASE);
    if (!opened.ok) throw new Error(opened.error.code);
    expect(await restoreBackup(opened.value, { passphrase: PASSPHRASE, now })).toEqual({ ok: true, value: undefined });
    const restored = await readEpciConnection();
    expect(restored).toMatchObject({ serverUrl: SERVER, email: 'cm@cc-exemple.fr', session: '', cursor: 0, pendingKey: null, key: { keyId: key.keyId } });
    // Usable, never readable: the key is back as a non-extractable CryptoKey.
    expect(restored?.key?.privateKey.extractable).toBe(false);

    // Signed in again (the session is the server's business), then "Recevoir".
    if (!restored) throw new Error('no connection restored');
    await saveEpciConnection({ ...restored, session: 'new session' });
    serveEnvelopes([{ insee: '73034', auditId: 'audit-b1', bytes: envelope }]);
    const result = await receive(await loadSummaryContext());
    expect(result.refused).toEqual([]);
    expect(result.import.files).toEqual([expect.objectContaining({ status: 'imported' })]);
    expect(await db.audits.get('audit-b1')).toMatchObject({ communeId: expect.any(String), origin: 'imported' });
    expect(await db.audits.get('audit-a1')).toBeDefined();
  });

  it('stays sealed when the backup has another passphrase, goes into the next backups so, and opens with its own', async () => {
    await epciDevice(PASSPHRASE);
    const opened = await open(await backupText(OTHER_PASSPHRASE), OTHER_PASSPHRASE);
    if (!opened.ok) throw new Error(opened.error.code);
    await wipeDevice();
    expect(await restoreBackup(opened.value, { passphrase: OTHER_PASSPHRASE, now })).toEqual({ ok: true, value: undefined });
    const restored = await readEpciConnection();
    expect(restored).toMatchObject({ key: null, pendingKey: { keyId: opened.value.mailboxKey?.keyId } });
    if (!restored) throw new Error('no connection restored');
    await saveEpciConnection({ ...restored, session: 'new session' });
    await expect(receive(await loadSummaryContext())).rejects.toMatchObject({ code: 'no-epci-key' });
    // A backup made before the key is reopened still carries it.
    expect(await mailboxKeyForBackup()).toMatchObject({ keyId: opened.value.mailboxKey?.keyId });

    await expect(reopenRestoredKey(OTHER_PASSPHRASE)).rejects.toMatchObject({ code: 'wrong-key-passphrase' });
    await reopenRestoredKey(PASSPHRASE);
    expect(await readEpciConnection()).toMatchObject({ pendingKey: null, key: { keyId: opened.value.mailboxKey?.keyId } });
  });

  it('restores the format 2 fixture (key sealed with the backup passphrase) and a format 1 backup beside a key', async () => {
    const v2 = await open(readFixture('v2-backup-encrypted.cyberdiag.json'), FIXTURE_PASSPHRASE);
    if (!v2.ok) throw new Error(v2.error.code);
    expect(v2.value).toMatchObject({ formatVersion: 2, mailboxKey: { email: 'charge.mission@cc-exemple.fr' } });
    expect(await restoreBackup(v2.value, { passphrase: FIXTURE_PASSPHRASE, now })).toEqual({ ok: true, value: undefined });
    expect(await readEpciConnection()).toMatchObject({ serverUrl: 'https://cyberdiag.cc-exemple.fr/boite', key: { keyId: v2.value.mailboxKey?.keyId } });
    // An older backup (no key in it) restores as before and leaves the device's key where it is.
    const v1 = await open(readFixture('v1-backup.cyberdiag.json'));
    if (!v1.ok) throw new Error(v1.error.code);
    expect(v1.value.mailboxKey).toBeNull();
    expect(await restoreBackup(v1.value, { now })).toEqual({ ok: true, value: undefined });
    expect(await readEpciConnection()).toMatchObject({ key: { keyId: v2.value.mailboxKey?.keyId } });
  });

  it.each([
    ['a public key that is not the one named', async (document: Record<string, unknown>) => {
      const other = await createMailboxKey(PASSPHRASE);
      (document.mailboxKey as { publicKey: string }).publicKey = other.key.publicKey;
    }],
    ['a sealed copy that opens but holds no key', async (document: Record<string, unknown>) => {
      (document.mailboxKey as { sealed: unknown }).sealed = await encryptExport('{"kind":"cyberdiag-mailbox-key","pkcs8":"AAAA","publicKey":"AAAA"}', PASSPHRASE);
    }],
    ["a sealed copy of another EPCI's key", async (document: Record<string, unknown>) => {
      (document.mailboxKey as { sealed: unknown }).sealed = (await createMailboxKey(PASSPHRASE)).sealed;
    }],
  ])('refuses a backup with %s, and writes nothing', async (_, damage) => {
    await epciDevice();
    const backup = await backupText(PASSPHRASE);
    const plain = await decryptExport(JSON.parse(backup) as SealedMailboxKey, PASSPHRASE);
    if (!plain.ok) throw new Error('backup did not open');
    const document = JSON.parse(plain.value) as Record<string, unknown>;
    await damage(document);
    const damaged = JSON.stringify(await encryptExport(JSON.stringify(document), PASSPHRASE, 2));
    // The device being restored: another commune on it, which must still be there afterwards.
    await wipeDevice();
    await db.communes.add(commune('commune-z', 'Zonza', '2A362'));
    const before = await dumpDatabase();
    const opened = await open(damaged, PASSPHRASE);
    if (!opened.ok) throw new Error(opened.error.code);
    expect(await restoreBackup(opened.value, { passphrase: PASSPHRASE, now })).toMatchObject({ ok: false, error: { code: 'invalid-mailbox-key' } });
    expect(await dumpDatabase()).toEqual(before);
  });
});
