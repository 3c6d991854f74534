import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CyberdiagDatabase } from '../../../src/db/database';
import { markPackStale, upgradeAuditToV2, upgradeAuditToV7 } from '../../../src/db/migrations';
import type { AuditRecord } from '../../../src/db/records';
import { summaryDigest } from '../../../src/domain/epci/summary-digest';
import { openDatabase } from '../../../src/db/open-database';
import v1 from '../../fixtures/db/v1.json';

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
