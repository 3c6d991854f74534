import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CyberdiagDatabase } from '../../../src/db/database';
import { openDatabase } from '../../../src/db/open-database';
import v1 from '../../fixtures/db/v1.json';

const NAME = 'cyberdiag-epci-schema-test';

/** A database as schema version 2 left it (the last version before the EPCI summaries). */
async function writeV2Database() {
  const old = new Dexie(NAME);
  old.version(2).stores({
    communes: 'id, insee, name, epciSiren, updatedAt',
    audits: 'id, communeId, updatedAt, status, origin',
    settings: 'key',
    benchmarkDatasets: 'id',
    planItems: '[auditId+actionId], auditId, communeId',
  });
  await old.open();
  await old.table('communes').bulkAdd(v1.tables.communes);
  await old.table('audits').bulkAdd(v1.tables.audits.map((a) => ({ ...a, origin: 'local' })));
  old.close();
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('schema version 4 (EPCI audit summaries)', () => {
  it('opens a version 2 database with every record kept and an empty summary table, indexed by commune', async () => {
    await writeV2Database();
    const current = new CyberdiagDatabase(NAME);
    expect(await openDatabase(current)).toEqual({ ok: true });
    expect(current.verno).toBe(4);
    expect(await current.communes.toArray()).toEqual(v1.tables.communes);
    expect(await current.audits.toArray()).toEqual(v1.tables.audits.map((a) => ({ ...a, origin: 'local' })));
    expect(await current.auditSummaries.count()).toBe(0);
    const [audit] = v1.tables.audits;
    await current.auditSummaries.put({
      auditId: audit?.id ?? '',
      communeId: audit?.communeId ?? '',
      auditUpdatedAt: audit?.updatedAt ?? '',
      derivationKey: 'k',
      status: 'in-progress',
      completedAt: null,
      population: 812,
      summary: { scores: Float64Array.of(Number.NaN), counts: Uint32Array.of(0, 0, 0), actions: new Uint16Array(0), indicators: new Uint8Array(0) },
    });
    expect(await current.auditSummaries.where('communeId').equals(audit?.communeId ?? '').count()).toBe(1);
    current.close();
  });
});
