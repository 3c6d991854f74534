/**
 * Deleting an audit, a commune, or everything: what goes goes entirely (plans, the summaries the EPCI view keeps
 * of the audits, and their place in the mailbox's outbox), and nothing else moves.
 */
import { describe, expect, it } from 'vitest';
import { deleteAudit } from '../../../src/db/audits-repository';
import { ensureBundledDataset } from '../../../src/db/benchmarks-repository';
import { countCommuneData, deleteCommune } from '../../../src/db/communes-repository';
import { db } from '../../../src/db/database';
import { entriesOfPack, loadSummaryContext, loadSummaryContextFor, refreshAuditSummaries } from '../../../src/db/epci-repository';
import { eraseAllData } from '../../../src/db/exchange-repository';
import { SETTING_KEYS, setSetting } from '../../../src/db/settings-repository';
import { EXCHANGE_SETTING_KEYS } from '../../../src/db/backup-settings';
import { queueAudit } from '../../../src/services/sync/outbox';
import { seedDevice } from '../exchange/seed';

/** The device of seedDevice, audit-b1 answered differently, and the EPCI view's summaries of all three in one pack. */
async function seedWithSummaries() {
  await seedDevice();
  await db.audits.update('audit-b1', {
    answers: { 'backup-exists': { kind: 'option', optionId: 'none', answeredAt: '2026-01-05T10:05:00.000Z' } },
    updatedAt: '2026-01-07T10:00:00.000Z',
  });
  const context = await loadSummaryContext();
  await refreshAuditSummaries(context);
  return context;
}

/**
 * Every summary entry stored, by audit id. The seed's audits were answered with questionnaire version 1: their
 * packs are read with that version's codec (the current one has other columns).
 */
async function storedEntries() {
  const context = await loadSummaryContextFor(1);
  if (!context) throw new Error('questionnaire version 1 is archived');
  const packs = await db.summaryPacks.toArray();
  return new Map(packs.flatMap((pack) => entriesOfPack(pack, context)).map((entry) => [entry.auditId, entry]));
}

describe('deleting records', () => {
  it('an audit goes with its plan, its summary and its pending send; the others stay as they were', async () => {
    await seedWithSummaries();
    await Promise.all(['audit-a1', 'audit-a2'].map((id) => queueAudit(id)));
    const before = await storedEntries();
    expect([...before.keys()].sort()).toEqual(['audit-a1', 'audit-a2', 'audit-b1']);
    expect(await db.summaryPacks.count()).toBe(1);

    await deleteAudit('audit-a1');
    expect((await db.audits.toCollection().primaryKeys()).sort()).toEqual(['audit-a2', 'audit-b1']);
    expect(await db.planItems.count()).toBe(0);
    const after = await storedEntries();
    expect([...after.keys()].sort()).toEqual(['audit-a2', 'audit-b1']);
    expect(after.get('audit-a2')).toEqual(before.get('audit-a2'));
    expect(after.get('audit-b1')).toEqual(before.get('audit-b1'));
    expect(after.get('audit-b1')?.summary).not.toEqual(after.get('audit-a2')?.summary);
    // A send left in the outbox would be tried again every hour, for an audit that is no longer there.
    expect(await db.outbox.toCollection().primaryKeys()).toEqual(['audit-a2']);
  });

  it('a commune goes with its audits, their plans, summaries and sends, and says beforehand what goes', async () => {
    await seedWithSummaries();
    await Promise.all(['audit-a1', 'audit-a2', 'audit-b1'].map((id) => queueAudit(id)));
    const before = await storedEntries();
    expect(await countCommuneData('commune-a')).toEqual({ audits: 2, planItems: 2 });

    await deleteCommune('commune-a');
    expect(await db.communes.toCollection().primaryKeys()).toEqual(['commune-b']);
    expect(await db.audits.toCollection().primaryKeys()).toEqual(['audit-b1']);
    expect(await db.planItems.count()).toBe(0);
    const after = await storedEntries();
    expect([...after.keys()]).toEqual(['audit-b1']);
    expect(after.get('audit-b1')).toEqual(before.get('audit-b1'));
    expect(await db.outbox.toCollection().primaryKeys()).toEqual(['audit-b1']);
  });

  it('a pack whose every audit is deleted is deleted', async () => {
    await seedWithSummaries();
    await deleteCommune('commune-a');
    await deleteCommune('commune-b');
    expect(await db.summaryPacks.count()).toBe(0);
    expect(await db.communes.count()).toBe(0);
  });

  it('everything the user made goes; the language and the barometer figures stay', async () => {
    await seedWithSummaries();
    await ensureBundledDataset();
    await setSetting(SETTING_KEYS.language, 'en');
    await setSetting(SETTING_KEYS.lastPath, '/communes/commune-a');
    await setSetting(EXCHANGE_SETTING_KEYS.lastBackupAt, '2026-01-06T09:00:00.000Z');
    await queueAudit('audit-a1');

    expect(await eraseAllData()).toEqual({ ok: true, value: undefined });
    const tables = [db.communes, db.audits, db.planItems, db.summaryPacks, db.outbox];
    expect(await Promise.all(tables.map((table) => table.count()))).toEqual([0, 0, 0, 0, 0]);
    expect(await db.settings.toArray()).toEqual([{ key: SETTING_KEYS.language, value: 'en' }]);
    expect(await db.benchmarkDatasets.count()).toBe(1);
  });
});
