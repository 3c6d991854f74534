import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CyberdiagDatabase } from '../../../src/db/database';
import { markPackStale, upgradeAuditToV2, upgradeAuditToV7, upgradeAuditToV8 } from '../../../src/db/migrations';
import type { AuditRecord } from '../../../src/db/records';
import { summaryDigest } from '../../../src/domain/epci/summary-digest';
import { openDatabase } from '../../../src/db/open-database';
import v1 from '../../fixtures/db/v1.json';
import v7 from '../../fixtures/db/v7.json';
import { reviveTypedArrays } from './fixture-rows';

const NAME = 'cyberdiag-migration-test';

/** Writes the fixture with the stores exactly as schema version 1 declared them. */
async function writeV1Database() {
  const old = new Dexie(NAME);
  old.version(1).stores({ communes: 'id, insee, name, updatedAt', audits: 'id, communeId, updatedAt, status', settings: 'key' });
  await old.open();
  await old.table('communes').bulkAdd(v1.tables.communes);
  await old.table('audits').bulkAdd(v1.tables.audits);
  await old.table('settings').bulkAdd(v1.tables.settings);
  old.close();
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('database migrations', () => {
  it('opens a version 1 database in the current version with every record kept', async () => {
    await writeV1Database();
    const current = new CyberdiagDatabase(NAME);
    expect(await openDatabase(current)).toEqual({ ok: true });
    expect(current.verno).toBeGreaterThanOrEqual(2);
    expect(await current.communes.toArray()).toEqual(v1.tables.communes);
    expect(await current.settings.toArray()).toEqual(v1.tables.settings);
    const audits = await current.audits.toArray();
    expect(audits).toEqual(v1.tables.audits.map((a) => upgradeAuditToV7(upgradeAuditToV2(a as never))));
    // The new indexes work on the old records.
    expect(await current.audits.where('origin').equals('local').count()).toBe(1);
    current.close();
  });

  it('upgradeAuditToV7 gives an audit the digest of its own answers, whatever digest it carried', () => {
    const audit = upgradeAuditToV2(v1.tables.audits[0] as never);
    const forged: AuditRecord = { ...audit, summaryDigest: 'forged' };
    expect(upgradeAuditToV7(forged)).toEqual({ ...audit, summaryDigest: summaryDigest(audit) });
  });

  it('markPackStale keeps every entry of a version 6 pack and marks each stale (an empty digest)', () => {
    const pack = { id: 'p', derivationKey: 'k', auditIds: ['a', 'b'], communeIds: ['c', 'c'], auditUpdatedAt: ['t1', 't2'], statuses: ['completed', 'in-progress'], completedAt: ['t1', null], populations: [10, 10], summaries: { count: 2 } };
    expect(markPackStale(pack as never)).toEqual({ ...pack, digests: ['', ''] });
  });

  it('writes the stamps a version 7 door kept with offsets in UTC, so that the updatedAt index is instant order', async () => {
    const old = new Dexie(NAME);
    old.version(7).stores(v7.stores);
    await old.open();
    for (const [table, rows] of Object.entries(v7.tables)) await old.table(table).bulkAdd(rows.map(reviveTypedArrays));
    old.close();

    const current = new CyberdiagDatabase(NAME);
    expect(await openDatabase(current)).toEqual({ ok: true });
    const forged = await current.audits.get('a1000000-0000-4000-8000-000000000002');
    // Written "2026-10-02T16:05:00+02:00" by the file: the same instant, as the app writes it.
    expect(forged).toMatchObject({ startedAt: '2026-10-02T14:02:00.000Z', updatedAt: '2026-10-02T14:05:00.000Z', completedAt: null });
    expect(Object.values(forged?.answers ?? {}).map((a) => a.answeredAt)).toEqual(['2026-10-02T14:05:00.000Z']);
    // Its dates are part of its EPCI summary: a new digest, so the summary made with the old one is made again.
    const before = v7.tables.audits.find((a) => a.id === forged?.id);
    expect(forged?.summaryDigest).toBe(summaryDigest(forged as AuditRecord));
    expect(forged?.summaryDigest).not.toBe(before?.summaryDigest);
    expect((await current.communes.get('6f1c2b8e-3d4a-4c1e-9b7f-0a1b2c3d4e5f'))?.updatedAt).toBe('2026-10-02T14:00:00.000Z');
    expect((await current.planItems.get(['a1000000-0000-4000-8000-000000000001', 'backup-automate']))?.updatedAt).toBe('2026-02-20T10:00:00.000Z');
    expect((await current.outbox.get('a1000000-0000-4000-8000-000000000002'))?.versionDate).toBe('2026-10-02T14:05:00.000Z');

    // Every stamp now 24 characters in UTC, and the index gives the audits in the order of their instants.
    const audits = await current.audits.orderBy('updatedAt').toArray();
    expect(audits.map((a) => a.updatedAt).every((stamp) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(stamp))).toBe(true);
    expect(audits.map((a) => Date.parse(a.updatedAt))).toEqual(audits.map((a) => Date.parse(a.updatedAt)).sort((x, y) => x - y));
    current.close();
  });

  it('upgradeAuditToV8 gives back an audit already in UTC as it is, so that the upgrade writes nothing for it', () => {
    const audit = v7.tables.audits.find((a) => a.id === 'a1000000-0000-4000-8000-000000000001') as unknown as AuditRecord;
    expect(upgradeAuditToV8(audit)).toBe(audit);
  });

  it('upgradeAuditToV2 adds origin "local" and keeps an origin already there', () => {
    const [audit] = v1.tables.audits;
    expect(upgradeAuditToV2({ ...audit } as never).origin).toBe('local');
    expect(upgradeAuditToV2({ ...audit, origin: 'imported' } as never).origin).toBe('imported');
  });

  it('refuses a database written by a newer version of the app instead of downgrading it', async () => {
    const newer = new Dexie(NAME);
    newer.version(99).stores({ communes: 'id', audits: 'id', settings: 'key', future: 'id' });
    await newer.open();
    await newer.table('future').add({ id: 'kept' });
    newer.close();
    const current = new CyberdiagDatabase(NAME);
    expect(await openDatabase(current)).toEqual({ ok: false, reason: 'newer-version' });
    const again = new Dexie(NAME);
    await again.open();
    expect(await again.table('future').get('kept')).toEqual({ id: 'kept' });
    // Not even touched: still the newer app's version, with only its own tables.
    expect(again.verno).toBe(99);
    expect(again.tables.map((table) => table.name).sort()).toEqual(['audits', 'communes', 'future', 'settings']);
    again.close();
  });
});
