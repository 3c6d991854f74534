import { describe, expect, it, vi } from 'vitest';
import en from '../../../src/i18n/locales/en/exchange.json';
import fr from '../../../src/i18n/locales/fr/exchange.json';
import { EXPORT_LIMITS } from '../../../src/domain/exchange/export-format';
import { EXCHANGE_ERROR_CODES, fail, ok } from '../../../src/domain/exchange/exchange-error';
import { openExportText, readExportFile, type Decrypt } from '../../../src/domain/exchange/read-export-file';
import { KNOWN_ANSWER_IDS as answerIds } from '../../../src/content/questionnaire-ids';
import { hostileFixtures, readFixture, textSource } from './fixtures';

const noDecrypt: Decrypt = () => Promise.reject(new Error('not expected to decrypt'));
const read = (text: string, maxBytes: number = EXPORT_LIMITS.auditsFileBytes) =>
  readExportFile(textSource(text), { maxBytes, decrypt: noDecrypt, now: new Date(), answerIds });

const errorCode = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

describe('readExportFile: our own files', () => {
  it('reads a version 1 audits file as it is', async () => {
    const result = await read(readFixture('v1-audits.cyberdiag.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ kind: 'audits', formatVersion: 1, encrypted: false, appVersion: '0.1.0' });
    expect(result.value.payload.communes.map((c) => c.name)).toEqual(['Saint-Étienne-du-Bois']);
    expect(result.value.payload.audits).toHaveLength(2);
    expect(result.value.payload.planItems[0]?.note).toBe('NAS + copie hebdomadaire hors ligne.\nTest de restauration fait en février.');
  });

  it('reads dates written with an offset as the app writes its own: the same instant, in UTC, 24 characters', async () => {
    const original = readFixture('v1-audits.cyberdiag.json');
    // Every stamp of the file moved to +14:00 (and its milliseconds dropped): "2025-11-03T08:20:00.000Z" becomes
    // "2025-11-03T22:20:00+14:00", which sorts after "2025-11-03T12:00:00.000Z" as text though it is earlier.
    const shifted = original.replace(/"(\w+At)": "([^"]+)\.000Z"/g, (_, field: string, stamp: string) => {
      const local = new Date(Date.parse(`${stamp}Z`) + 14 * 3_600_000).toISOString().slice(0, 19);
      return `"${field}": "${local}+14:00"`;
    });
    expect(shifted).not.toContain('.000Z');
    const [fromOffsets, fromOriginal] = await Promise.all([read(shifted), read(original)]);
    expect(fromOffsets.ok && fromOriginal.ok).toBe(true);
    if (!fromOffsets.ok || !fromOriginal.ok) return;
    expect(fromOffsets.value).toEqual(fromOriginal.value);
    expect(fromOffsets.value.exportedAt).toBe('2026-11-20T09:30:00.000Z');
    expect(fromOffsets.value.payload.audits[0]?.answers['backup-exists']?.answeredAt).toBe('2025-11-03T08:20:00.000Z');
  });

  it('upgrades a version 0 file to the current shape', async () => {
    const result = await read(readFixture('v0-audits.cyberdiag.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.formatVersion).toBe(0);
    expect(result.value.kind).toBe('audits');
    const profile = { population: 180, agents: 1, computers: 2, itProvider: false, hasServer: false };
    expect(result.value.payload).toEqual({
      communes: [
        {
          id: 'c0000000-0000-4000-8000-00000000000a',
          name: 'Montagny-sur-Grosne',
          insee: '71307',
          postcode: '',
          epciSiren: '',
          epciName: '',
          profile,
          createdAt: '2025-06-10T09:00:00.000Z',
          updatedAt: '2025-06-10T09:00:00.000Z',
        },
      ],
      audits: [
        {
          id: 'a0000000-0000-4000-8000-00000000000a',
          communeId: 'c0000000-0000-4000-8000-00000000000a',
          questionnaireId: 'cyberdiag-commune',
          questionnaireVersion: 1,
          auditor: 'Secrétaire de mairie',
          status: 'completed',
          profile,
          answers: {
            'backup-exists': { kind: 'option', optionId: 'none', answeredAt: '2025-06-10T10:30:00.000Z' },
            'backup-frequency': { kind: 'dontKnow', answeredAt: '2025-06-10T10:30:00.000Z' },
          },
          previousAuditId: null,
          unconfirmed: [],
          lastThemeId: null,
          origin: 'local',
          startedAt: '2025-06-10T09:05:00.000Z',
          updatedAt: '2025-06-10T10:30:00.000Z',
          completedAt: '2025-06-10T10:30:00.000Z',
        },
      ],
      planItems: [],
    });
  });

  it('reads a full backup', async () => {
    const result = await read(readFixture('v1-backup.cyberdiag.json'));
    expect(result.ok && result.value.kind).toBe('backup');
    expect(result.ok && result.value.payload.communes).toHaveLength(2);
  });

  it('asks for a passphrase before decrypting, then hands the envelope to the decrypter', async () => {
    const encrypted = readFixture('v1-audits-encrypted.cyberdiag.json');
    expect(errorCode(await read(encrypted))).toBe('passphrase-required');
    const decrypt = vi.fn<Decrypt>(async () => ok(readFixture('v1-audits.cyberdiag.json')));
    const result = await readExportFile(textSource(encrypted), { maxBytes: 1e6, passphrase: 'secret', decrypt, now: new Date(), answerIds });
    expect(decrypt).toHaveBeenCalledWith(expect.objectContaining({ encrypted: true, version: 1 }), 'secret');
    expect(result.ok && result.value.encrypted).toBe(true);
    const refused = await readExportFile(textSource(encrypted), {
      maxBytes: 1e6,
      passphrase: 'wrong',
      decrypt: async () => fail('wrong-passphrase-or-tampered'),
      now: new Date(),
      answerIds,
    });
    expect(errorCode(refused)).toBe('wrong-passphrase-or-tampered');
  });

  it('refuses an envelope that decrypts to another envelope', async () => {
    const encrypted = readFixture('v1-audits-encrypted.cyberdiag.json');
    const result = await readExportFile(textSource(encrypted), { maxBytes: 1e6, passphrase: 'x', decrypt: async () => ok(encrypted), now: new Date(), answerIds });
    expect(errorCode(result)).toBe('invalid');
  });
});

describe('readExportFile: hostile files', () => {
  it.each(hostileFixtures().filter(([name]) => name !== 'tampered-ciphertext.cyberdiag.json'))('%s → %s', async (name, expected) => {
    const text = readFixture(`hostile/${name}`);
    const result = await readExportFile(textSource(text), { maxBytes: EXPORT_LIMITS.auditsFileBytes, passphrase: 'x', decrypt: noDecrypt, now: new Date(), answerIds });
    expect(errorCode(result)).toBe(expected);
  });

  it('refuses a 50 MB file from its size alone, without reading it', async () => {
    const source = { size: 50 * 1024 * 1024, text: vi.fn(async () => 'never read') };
    const result = await readExportFile(source, { maxBytes: EXPORT_LIMITS.auditsFileBytes, decrypt: noDecrypt, now: new Date(), answerIds });
    expect(errorCode(result)).toBe('too-large');
    expect(source.text).not.toHaveBeenCalled();
  });

  it.each([
    ['under a key the schema does not know', '{"format":"cyberdiag-export","version":1,"x":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}'],
    ['as the whole file', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['inside an answer', '{"format":"cyberdiag-export","version":1,"payload":{"audits":[{"answers":{"q":' + '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000) + '}}]}}'],
    ['left unclosed', '{"format":"cyberdiag-export","version":1,"x":' + '['.repeat(100_000)],
  ])('refuses 100,000 levels of nesting %s, and says so', async (_, deep) => {
    const result = await read(deep);
    expect(result.ok ? null : result.error).toEqual({ code: 'invalid', detail: 'nesting: too-deep' });
  });

  it('leaves Object.prototype alone when a file carries __proto__ keys', async () => {
    for (const name of ['proto-key-at-top.cyberdiag.json', 'proto-key-in-commune.cyberdiag.json', 'proto-key-in-answers.cyberdiag.json']) {
      await read(readFixture(`hostile/${name}`));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('keeps markup as plain text and removes bidi controls from names', async () => {
    const result = await read(readFixture('hostile/script-and-bidi-names.cyberdiag.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [commune] = result.value.payload.communes;
    expect(commune?.name).toBe('<script>alert("pwned")</script> Saint-HTML.exe');
    expect(commune?.epciName).toBe('<img src=x onerror=alert(1)>');
    expect(result.value.payload.audits[0]?.auditor).toBe('Robert ");DROP TABLE audits;--');
    expect(result.value.payload.planItems[0]?.note).toBe('<b>gras</b> note');
  });

  it('refuses every hostile file with a message of its own in French and English', () => {
    const messages = (locale: { errors: Record<string, string> }) => new Set(Object.keys(locale.errors));
    const codes = new Set(hostileFixtures().map(([, expected]) => expected).filter((code) => code !== 'ok'));
    for (const code of codes) {
      expect(EXCHANGE_ERROR_CODES).toContain(code);
      expect(messages(fr)).toContain(code);
      expect(messages(en)).toContain(code);
    }
  });

  it('removes zero-width characters, bidi marks and lone surrogates from names: no look-alike commune', async () => {
    const invisible = await read(readFixture('hostile/invisible-characters-in-names.cyberdiag.json'));
    expect(invisible.ok && invisible.value.payload.communes[0]).toMatchObject({
      name: 'Saint-Étienne-du-Bois',
      epciName: 'CA du Bassin de Bourg-en-Bresse',
    });
    expect(invisible.ok && invisible.value.payload.audits[0]?.auditor).toBe('Claire Martin');
    const surrogate = await read(readFixture('hostile/lone-surrogate-in-name.cyberdiag.json'));
    expect(surrogate.ok && surrogate.value.payload.communes[0]?.name).toBe('Saint-Étienne');
  });

  it.each([
    ['an audit completed in 9999', 'completed-in-9999', { code: 'future-date', detail: 'payload.audits.0.updatedAt: after-export' }],
    ['a file exported in 9999', 'exported-in-9999', { code: 'future-date', detail: 'exportedAt: after-today' }],
    ['13:00Z written as 08:00-05:00, earlier than the export as text', 'offset-date-after-export', { code: 'future-date', detail: 'payload.audits.1.updatedAt: after-export' }],
    ['a stamp before the year 0 once in UTC, which the app could not write back', 'before-year-0-stamp', { code: 'invalid', detail: 'payload.communes.0.createdAt: out-of-range' }],
    ['an audit started after its last change', 'started-after-updated', { code: 'dates-out-of-order', detail: 'payload.audits.0.startedAt: after-updatedAt' }],
    ['a previous audit that is the audit itself', 'previous-audit-itself', { code: 'invalid', detail: 'payload.audits.1.previousAuditId: self' }],
    ['an answer to a question version 1 does not have', 'unknown-question', { code: 'invalid', detail: 'payload.audits.0.answers.backup-cloud-magic: unknown-question' }],
    ['an option version 1 does not offer', 'unknown-option', { code: 'invalid', detail: 'payload.audits.0.answers.backup-exists.optionId: unknown-option' }],
    [
      'a version 2 audit answering a question of version 1 only',
      'answer-of-other-version',
      { code: 'invalid', detail: 'payload.audits.1.answers.continuity-critical-services: unknown-question' },
    ],
    ['a question to confirm that version 1 does not have', 'unconfirmed-unknown-question', { code: 'invalid', detail: 'payload.audits.1.unconfirmed.1: unknown-question' }],
  ])('says why it refuses %s', async (_, name, error) => {
    const result = await readExportFile(textSource(readFixture(`hostile/${name}.cyberdiag.json`)), {
      maxBytes: EXPORT_LIMITS.auditsFileBytes,
      decrypt: noDecrypt,
      now: new Date('2026-11-25T10:00:00.000Z'),
      answerIds,
    });
    expect(result.ok ? null : result.error).toEqual(error);
  });

  it('refuses a file exported after today on this device, a day of clock drift allowed', async () => {
    const text = readFixture('v1-audits.cyberdiag.json');
    const open = (now: string) => readExportFile(textSource(text), { maxBytes: 1e6, decrypt: noDecrypt, now: new Date(now), answerIds });
    expect(errorCode(await open('2026-11-19T10:00:00.000Z'))).toBe('ok');
    expect(await open('2026-11-19T09:00:00.000Z')).toEqual({ ok: false, error: { code: 'future-date', detail: 'exportedAt: after-today' } });
  });

  it('refuses a version 0 file over a megabyte before checking its answers', async () => {
    const v0 = JSON.parse(readFixture('v0-audits.cyberdiag.json')) as { audits: Array<{ answers: Record<string, string> }> };
    const answers = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`question-${i}`, 'option-a']));
    v0.audits.forEach((a) => (a.answers = answers));
    const result = await read(JSON.stringify(v0));
    expect(result.ok ? null : result.error).toEqual({ code: 'invalid', detail: 'version 0: too-large' });
  });

  it('names the field at fault in the detail of an invalid file', () => {
    const result = openExportText(readFixture('hostile/negative-number.cyberdiag.json'), { now: new Date(), answerIds });
    expect(result.ok ? null : result.error).toEqual({ code: 'invalid', detail: 'payload.audits.0.profile.computers: too-small' });
  });
});
