// PBKDF2 at 600,000 iterations takes about half a second per derivation here: this file makes six.
import { describe, expect, it } from 'vitest';
import { KDF_ITERATIONS } from '../../../src/domain/exchange/export-format';
import { openExportText } from '../../../src/domain/exchange/read-export-file';
import { KNOWN_ANSWER_IDS as answerIds } from '../../../src/content/questionnaire-ids';
import { decryptExport, encryptExport } from '../../../src/crypto/passphrase-cipher';
import { base64ToBytes, bytesToBase64 } from '../../../src/crypto/base64';
import { FIXTURE_PASSPHRASE, readFixture } from '../exchange/fixtures';

function envelopeOf(text: string) {
  const opened = openExportText(text, { now: new Date(), answerIds });
  if (!opened.ok || !opened.value.encrypted) throw new Error('expected an encrypted envelope');
  return opened.value.envelope;
}

describe('passphrase encryption', () => {
  it('encrypts with a fresh salt and IV every time, and decrypts back to the same text', async () => {
    const plain = readFixture('v1-audits.cyberdiag.json');
    const first = await encryptExport(plain, 'Mairie de Lescheroux 2026 !');
    const second = await encryptExport(plain, 'Mairie de Lescheroux 2026 !');
    expect(first.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: KDF_ITERATIONS });
    expect(first.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(base64ToBytes(first.kdf.salt)).toHaveLength(16);
    expect(base64ToBytes(first.cipher.iv)).toHaveLength(12);
    expect(second.kdf.salt).not.toBe(first.kdf.salt);
    expect(second.cipher.iv).not.toBe(first.cipher.iv);
    expect(second.data).not.toBe(first.data);
    // Nothing of the content shows in the envelope.
    expect(JSON.stringify(first)).not.toContain('Saint');
    // The envelope written is one the import door accepts.
    const decrypted = await decryptExport(envelopeOf(JSON.stringify(first)), 'Mairie de Lescheroux 2026 !');
    expect(decrypted).toEqual({ ok: true, value: plain });
  });

  it('opens the committed encrypted fixture with its passphrase', async () => {
    const decrypted = await decryptExport(envelopeOf(readFixture('v1-audits-encrypted.cyberdiag.json')), FIXTURE_PASSPHRASE);
    expect(decrypted.ok && JSON.parse(decrypted.value)).toEqual(JSON.parse(readFixture('v1-audits.cyberdiag.json')));
  });

  it.each([
    ['a wrong passphrase', 'v1-audits-encrypted.cyberdiag.json', 'Correct horse battery staple'],
    ['one flipped byte of ciphertext', 'hostile/tampered-ciphertext.cyberdiag.json', FIXTURE_PASSPHRASE],
  ])('says "wrong passphrase or altered file" for %s', async (_, fixture, passphrase) => {
    const decrypted = await decryptExport(envelopeOf(readFixture(fixture)), passphrase);
    expect(decrypted).toEqual({ ok: false, error: { code: 'wrong-passphrase-or-tampered' } });
  });
});

describe('base64', () => {
  it.each([
    [[], ''],
    [[0], 'AA=='],
    [[0xff, 0xfe], '//4='],
    [[77, 97, 110], 'TWFu'],
  ])('%j ↔ %s', (bytes, text) => {
    expect(bytesToBase64(new Uint8Array(bytes))).toBe(text);
    expect([...base64ToBytes(text)]).toEqual(bytes);
  });

  it('round-trips large data (many chunks) without overflowing the stack', () => {
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 7) & 0xff);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });
});
