// Export files against the import door's cap (lowered here): audits split into files the door takes back, a backup
// the restore door would refuse not made at all.
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database';
import { loadBackupState } from '../../../src/db/backup-settings';
import { exportAudits, exportBackup } from '../../../src/services/exchange/export-files';
import { importFiles, openExportFile } from '../../../src/services/exchange/import-files';
import { ENVELOPE_ALLOWANCE_BYTES } from '../../../src/domain/exchange/split-export';
import { audit, commune, dumpDatabase, seedCommunesWithReaudits } from './seed';

const now = new Date('2026-11-25T10:00:00.000Z');
const clearData = () => Promise.all([db.communes.clear(), db.audits.clear(), db.planItems.clear()]);

describe('exportAudits', () => {
  it('fits in one file as before when the audits are under the cap', async () => {
    const ids = await seedCommunesWithReaudits(2);
    const files = await exportAudits(ids, { label: 'Sélection', now });
    expect(files.map((f) => f.fileName)).toEqual(['selection-2026-11-25.cyberdiag.json']);
  });

  it.each([
    ['plain', undefined],
    ['encrypted', 'Été 2026 à Bellecombe'],
  ])('splits a selection over the cap into files the door takes back, all of them together giving every audit back (%s)', async (_, passphrase) => {
    const ids = await seedCommunesWithReaudits(passphrase ? 12 : 40);
    const before = await dumpDatabase();
    const maxBytes = 16 * 1024;
    const files = await exportAudits(ids, { label: 'Sélection', passphrase, now, maxBytes });
    expect(files.length).toBeGreaterThan(1);
    expect(files.map((f) => f.fileName)).toEqual(files.map((_, i) => `selection-2026-11-25-${i + 1}-sur-${files.length}.cyberdiag.json`));
    for (const file of files) {
      const blob = new Blob([file.text]);
      expect(blob.size).toBeLessThanOrEqual(maxBytes);
      const opened = await openExportFile(blob, { passphrase, maxBytes });
      expect(opened.ok).toBe(true);
      // A commune's two audits travel together.
      expect(file.audits).toBe(2 * file.communes);
      if (passphrase) {
        const envelope = JSON.parse(file.text) as { data: string };
        expect(file.text.length - envelope.data.length).toBeLessThanOrEqual(ENVELOPE_ALLOWANCE_BYTES);
      }
    }
    expect(files.reduce((sum, f) => sum + f.audits, 0)).toBe(ids.length);

    await clearData();
    const result = await importFiles(
      files.map((f) => new File([f.text], f.fileName)),
      { passphrase, maxBytes, onConflict: () => Promise.resolve(new Map()) },
    );
    expect(result.files.every((f) => f.ok)).toBe(true);
    const after = await dumpDatabase();
    expect(after.communes).toEqual(before.communes);
    expect(after.audits).toEqual(before.audits.map((a) => ({ ...a, origin: 'imported' })));
    expect(after.planItems).toEqual(before.planItems);
  }, 30_000);
});

describe('the text of an export file', () => {
  it.each([
    ['plain', undefined],
    ['encrypted', 'Été 2026 à Bellecombe'],
  ])('is ASCII only, and the accents come back on import (%s)', async (_, passphrase) => {
    await db.communes.add(commune('c-oe', 'Bœurs-en-Othe'));
    await db.audits.add(audit('a-1', 'c-oe', { auditor: 'L’agent d’accueil — Mᵐᵉ Léa' }));
    const before = await dumpDatabase();
    const [file, ...others] = await exportAudits(['a-1'], { label: 'Bœurs', passphrase, now });
    expect(others).toEqual([]);
    expect(/^[\x20-\x7e]*$/.test(file?.text ?? '')).toBe(true);
    if (!passphrase) expect(file?.text).toContain('"name":"B\\u0153urs-en-Othe"');

    await clearData();
    const result = await importFiles([new File([file?.text ?? ''], file?.fileName ?? '')], { passphrase, onConflict: () => Promise.resolve(new Map()) });
    expect(result.files.every((f) => f.ok)).toBe(true);
    const after = await dumpDatabase();
    expect(after.communes).toEqual(before.communes);
    expect(after.audits).toEqual(before.audits.map((a) => ({ ...a, origin: 'imported' })));
  });
});

describe('exportBackup', () => {
  it('makes no backup the restore door would refuse, and records none', async () => {
    await seedCommunesWithReaudits(20);
    const result = await exportBackup({ label: 'sauvegarde', now, maxBytes: 16 * 1024 });
    expect(result).toMatchObject({ ok: false, code: 'too-large', maxBytes: 16 * 1024 });
    expect(result.ok === false && result.bytes).toBeGreaterThan(16 * 1024);
    expect((await loadBackupState()).lastBackupAt).toBeUndefined();
  });

  it('makes and records a backup within the cap', async () => {
    await seedCommunesWithReaudits(2);
    const result = await exportBackup({ label: 'sauvegarde', now, maxBytes: 16 * 1024 });
    expect(result.ok && result.file.fileName).toBe('sauvegarde-2026-11-25.cyberdiag.json');
    expect((await loadBackupState()).lastBackupAt).toBe(now.toISOString());
  });
});
