import { describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/database';
import { loadBackupState } from '../../../src/db/backup-settings';
import { applyImport } from '../../../src/db/exchange-repository';
import { exportData } from '../../../src/services/exchange/export-files';
import { importFiles, openExportFile, restoreBackup, writeImport } from '../../../src/services/exchange/import-files';
import type { ConflictDecision } from '../../../src/domain/exchange/plan-import';
import { EXPORT_LIMITS } from '../../../src/domain/exchange/export-format';
import { audit, commune, dumpDatabase, planItem, seedDevice } from './seed';
import { hostileFixtures, readFixture } from './fixtures';

const clearData = () => Promise.all([db.communes.clear(), db.audits.clear(), db.planItems.clear()]);

async function openText(text: string, passphrase?: string) {
  const result = await openExportFile(new Blob([text]), { passphrase, maxBytes: EXPORT_LIMITS.backupFileBytes });
  if (!result.ok) throw new Error(`could not open: ${result.error.code} ${result.error.detail ?? ''}`);
  return result.value;
}

const now = new Date('2026-11-25T10:00:00.000Z');

describe('round trips', () => {
  it('exports audits and imports them elsewhere identical, marked as imported', async () => {
    const seeded = await seedDevice();
    const file = await exportData({ kind: 'audits', auditIds: ['audit-a1', 'audit-a2'] }, { label: 'Aubeterre', now });
    expect(file.fileName).toBe('aubeterre-2026-11-25.cyberdiag.json');
    expect(file).toMatchObject({ audits: 2, communes: 1 });

    await clearData();
    const written = await writeImport([await openText(file.text)], new Map());
    expect(written.ok && written.value.summary).toMatchObject({ auditsAdded: 2, communesAdded: 1, planItems: 2 });

    const after = await dumpDatabase();
    expect(after.communes).toEqual([seeded.communes[0]]);
    expect(after.audits).toEqual(seeded.audits.slice(0, 2).map((a) => ({ ...a, origin: 'imported' })));
    expect(after.planItems).toEqual(seeded.planItems);
  });

  it('restores a full backup exactly, origin included, replacing what was there', async () => {
    await seedDevice();
    await db.audits.update('audit-b1', { origin: 'imported' });
    const before = await dumpDatabase();
    const file = await exportData({ kind: 'backup' }, { label: 'cyberdiag-sauvegarde', now });

    await clearData();
    await db.communes.add(commune('other', 'Une autre commune'));
    const parsed = await openText(file.text);
    expect(parsed.kind).toBe('backup');
    const restoredAt = new Date('2026-11-27T08:00:00.000Z');
    expect(await restoreBackup(parsed, { now: restoredAt })).toEqual({ ok: true, value: undefined });

    const after = await dumpDatabase();
    expect({ ...after, settings: [] }).toEqual({ ...before, settings: [] });
    // The device now holds exactly that backup: no reminder until something changes, counted from the
    // restore by this device's clock, not from the date the file says it was made.
    expect((await loadBackupState()).lastBackupAt).toBe(restoredAt.toISOString());
  });


  it('exports with a passphrase and imports back identical', async () => {
    const seeded = await seedDevice();
    const file = await exportData({ kind: 'audits', auditIds: ['audit-b1'] }, { label: 'Bellecombe', passphrase: 'Été 2026 à Bellecombe', now });
    expect(file.text).not.toContain('Bellecombe');
    await clearData();
    await writeImport([await openText(file.text, 'Été 2026 à Bellecombe')], new Map());
    expect(await db.audits.toArray()).toEqual([{ ...seeded.audits[2], origin: 'imported' }]);
    expect(await db.communes.toArray()).toEqual([seeded.communes[1]]);
  });

  it('records the date of the last full backup', async () => {
    await seedDevice();
    await exportData({ kind: 'backup' }, { label: 'sauvegarde', now });
    expect((await loadBackupState()).lastBackupAt).toBe(now.toISOString());
  });
});

describe('conflicts', () => {
  async function importOver(decision: ConflictDecision) {
    await seedDevice();
    const changed = audit('audit-a1', 'commune-a', { auditor: 'Conseiller numérique', updatedAt: '2026-10-10T10:00:00.000Z' });
    const file = {
      kind: 'audits' as const,
      exportedAt: now.toISOString(),
      appVersion: 'test',
      formatVersion: 1,
      encrypted: false,
      payload: {
        communes: [commune('commune-a', 'Aubeterre', '16020')],
        audits: [changed],
        planItems: [planItem('audit-a1', 'commune-a', 'backup-test-restore')],
      },
    };
    let next = 0;
    const result = await applyImport([file.payload], new Map([['audit-a1', decision]]), { newId: () => `new-${++next}` });
    expect(result.ok).toBe(true);
    return dumpDatabase();
  }

  it('keeps the existing audit untouched', async () => {
    const after = await importOver('keep-existing');
    expect(after.audits.find((a) => a.id === 'audit-a1')?.auditor).toBe('Secrétaire de mairie');
    expect(after.audits).toHaveLength(3);
    expect(after.planItems.map((p) => p.actionId)).toEqual(['backup-automate', 'backup-offline-copy']);
  });

  it('replaces the existing audit and its plan', async () => {
    const after = await importOver('replace');
    expect(after.audits.find((a) => a.id === 'audit-a1')).toMatchObject({ auditor: 'Conseiller numérique', origin: 'imported' });
    expect(after.audits).toHaveLength(3);
    expect(after.planItems.map((p) => `${p.auditId}/${p.actionId}`)).toEqual(['audit-a1/backup-test-restore']);
  });

  it('keeps both: the imported audit and its plan get new ids, the commune is reused', async () => {
    const after = await importOver('keep-both');
    expect(after.audits.map((a) => a.id)).toEqual(['audit-a1', 'audit-a2', 'audit-b1', 'new-1']);
    expect(after.audits.find((a) => a.id === 'new-1')).toMatchObject({ communeId: 'commune-a', auditor: 'Conseiller numérique', origin: 'imported' });
    expect(after.planItems.map((p) => `${p.auditId}/${p.actionId}`)).toEqual([
      'audit-a1/backup-automate',
      'audit-a1/backup-offline-copy',
      'new-1/backup-test-restore',
    ]);
    expect(after.communes).toHaveLength(2);
  });

  it('reuses a commune of the device with the same INSEE code, whatever its id', async () => {
    await seedDevice();
    const parsed = await openText(readFixture('v1-audits.cyberdiag.json'));
    parsed.payload.communes[0] = { ...parsed.payload.communes[0], insee: '73034' } as (typeof parsed.payload.communes)[number];
    const written = await writeImport([parsed], new Map());
    expect(written.ok && written.value.summary).toMatchObject({ communesReused: 1, communesAdded: 0, auditsAdded: 2 });
    const imported = await db.audits.where('origin').equals('imported').toArray();
    expect(imported.map((a) => a.communeId)).toEqual(['commune-b', 'commune-b']);
    expect((await db.planItems.where('auditId').equals('a1000000-0000-4000-8000-000000000001').toArray())[0]?.communeId).toBe('commune-b');
  });
});

describe('all or nothing', () => {
  it('a full disk during the write changes nothing and says so', async () => {
    await seedDevice();
    const before = await dumpDatabase();
    const parsed = await openText(readFixture('v1-audits.cyberdiag.json'));
    const full = vi.spyOn(db.planItems, 'bulkPut').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(await writeImport([parsed], new Map())).toEqual({ ok: false, error: { code: 'storage-full' } });
    full.mockRestore();
    expect(await dumpDatabase()).toEqual(before);
  });

  it('a full disk during a restore changes nothing either', async () => {
    await seedDevice();
    const before = await dumpDatabase();
    const parsed = await openText(readFixture('v1-backup.cyberdiag.json'));
    const full = vi.spyOn(db.audits, 'bulkAdd').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(await restoreBackup(parsed)).toEqual({ ok: false, error: { code: 'storage-full' } });
    full.mockRestore();
    expect(await dumpDatabase()).toEqual(before);
  });

  it('the restore door refuses an audits file', async () => {
    await seedDevice();
    const before = await dumpDatabase();
    expect(await restoreBackup(await openText(readFixture('v1-audits.cyberdiag.json')))).toEqual({ ok: false, error: { code: 'not-a-backup' } });
    expect(await dumpDatabase()).toEqual(before);
  });

  it.each(hostileFixtures().filter(([, expected]) => expected !== 'ok'))(
    '%s is refused with "%s" and leaves the database exactly as it was',
    async (name, expected) => {
      await seedDevice();
      const before = await dumpDatabase();
      const file = new File([readFixture(`hostile/${name}`)], name);
      const onConflict = vi.fn(async () => new Map<string, ConflictDecision>());
      const result = await importFiles([file], { passphrase: 'correct horse battery staple', onConflict });
      expect(result.files).toEqual([{ name, ok: false, error: expect.objectContaining({ code: expected }) }]);
      expect(result.written).toBeNull();
      expect(onConflict).not.toHaveBeenCalled();
      expect(await dumpDatabase()).toEqual(before);
    },
  );

  it.each([
    ['a wrong passphrase', readFixture('v1-audits-encrypted.cyberdiag.json'), 'wrong-passphrase-or-tampered'],
    ['no passphrase for an encrypted file', readFixture('v1-audits-encrypted.cyberdiag.json'), 'passphrase-required'],
    ['100,000 levels of nesting', `{"format":"cyberdiag-export","version":1,"payload":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'invalid'],
  ])('%s is refused and leaves the database exactly as it was', async (label, text, expected) => {
    await seedDevice();
    const before = await dumpDatabase();
    const passphrase = label === 'a wrong passphrase' ? 'Correct Horse Battery Staple' : undefined;
    const result = await importFiles([new File([text], 'file.cyberdiag.json')], { passphrase, onConflict: async () => new Map() });
    expect(result.files[0]).toMatchObject({ ok: false, error: { code: expected } });
    expect(await dumpDatabase()).toEqual(before);
  });

  it('a version 0 file over a megabyte is refused before its answers are checked and changes nothing', async () => {
    await seedDevice();
    const before = await dumpDatabase();
    const v0 = JSON.parse(readFixture('v0-audits.cyberdiag.json')) as { audits: Array<{ answers: Record<string, string> }> };
    const answers = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`question-${i}`, 'option-a']));
    v0.audits.forEach((a) => (a.answers = answers));
    const onConflict = vi.fn(async () => new Map<string, ConflictDecision>());
    const result = await importFiles([new File([JSON.stringify(v0)], 'prototype.cyberdiag.json')], { onConflict });
    expect(result.files).toEqual([{ name: 'prototype.cyberdiag.json', ok: false, error: { code: 'invalid', detail: 'version 0: too-large' } }]);
    expect(onConflict).not.toHaveBeenCalled();
    expect(await dumpDatabase()).toEqual(before);
  });

  it('a generated 50 MB file is refused as too large and changes nothing', async () => {
    await seedDevice();
    const before = await dumpDatabase();
    const big = new File([new Uint8Array(50 * 1024 * 1024).fill(0x20)], 'gros.cyberdiag.json');
    const result = await importFiles([big], { onConflict: async () => new Map() });
    expect(result.files[0]).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(await dumpDatabase()).toEqual(before);
  });
});

describe('importFiles (many files at once)', () => {
  it('reports each file, asks the conflicts once, and writes the valid files together', async () => {
    await seedDevice();
    const files = [
      new File([readFixture('v1-audits.cyberdiag.json')], 'saint-etienne.cyberdiag.json'),
      new File(['pas du JSON'], 'notes.txt'),
      new File([readFixture('v0-audits.cyberdiag.json')], 'montagny.cyberdiag.json'),
      // The same audits again: a conflict inside the batch.
      new File([readFixture('v1-audits.cyberdiag.json')], 'saint-etienne-copie.cyberdiag.json'),
    ];
    const progress: string[] = [];
    const onConflict = vi.fn(async (conflicts: { auditId: string }[]) => new Map(conflicts.map((c) => [c.auditId, 'keep-existing' as const])));
    const result = await importFiles(files, { onConflict, onProgress: (p) => progress.push(`${p.stage} ${p.read}/${p.total}`) });

    expect(result.files.map((f) => (f.ok ? `${f.name}: ${f.summary?.auditsAdded} added, ${f.summary?.auditsSkipped} skipped` : `${f.name}: ${f.error.code}`))).toEqual([
      'saint-etienne.cyberdiag.json: 2 added, 0 skipped',
      'notes.txt: not-json',
      'montagny.cyberdiag.json: 1 added, 0 skipped',
      'saint-etienne-copie.cyberdiag.json: 0 added, 2 skipped',
    ]);
    expect(onConflict).toHaveBeenCalledTimes(1);
    expect(onConflict.mock.calls[0]?.[0].map((c) => c.auditId)).toEqual(['a1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000002']);
    expect(progress).toEqual(['reading 0/4', 'reading 1/4', 'reading 2/4', 'reading 3/4', 'reading 4/4', 'writing 4/4', 'done 4/4']);
    expect(await db.audits.count()).toBe(6);
    expect(await db.communes.count()).toBe(4);
  });

  it('cancelling at the conflicts writes nothing', async () => {
    await seedDevice();
    await importFiles([new File([readFixture('v1-audits.cyberdiag.json')], 'a.json')], { onConflict: async () => new Map() });
    const before = await dumpDatabase();
    const result = await importFiles([new File([readFixture('v1-audits.cyberdiag.json')], 'a.json')], { onConflict: async () => null });
    expect(result.written).toBeNull();
    expect(await dumpDatabase()).toEqual(before);
  });
});
