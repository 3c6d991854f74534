/**
 * Every schema version ever shipped has a database kept as a fixture (tests/fixtures/db/v<n>.json, written here
 * with that version's own stores), and each one opens in the current version with nothing lost: every record of
 * every table is still there, equal to the fixture once the registered upgrades are applied.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CyberdiagDatabase } from '../../../src/db/database';
import {
  markPackStale,
  packV4Summaries,
  upgradeAuditToV2,
  upgradeAuditToV7,
  upgradeAuditToV8,
  upgradeCommuneToV8,
  upgradeOutboxToV8,
  upgradePlanItemToV8,
} from '../../../src/db/migrations';
import { openDatabase } from '../../../src/db/open-database';
import { shouldInstallBundled } from '../../../src/domain/benchmarks/decide-install';
import { benchmarkDatasetSchema } from '../../../src/domain/benchmarks/schema';
import { reviveTypedArrays } from './fixture-rows';

// import.meta.url is not a file: URL under jsdom; the tests run from the repository root.
const root = process.cwd();
const fixturesDir = path.join(root, 'tests/fixtures/db');
const NAME = 'cyberdiag-every-version-test';

type Row = Record<string, unknown>;

interface DatabaseFixture {
  schemaVersion: number;
  description: string;
  /** The stores as that version declared them (v1.json predates this field: see V1_STORES). */
  stores?: Record<string, string>;
  tables: Record<string, Row[]>;
}

const V1_STORES = { communes: 'id, insee, name, updatedAt', audits: 'id, communeId, updatedAt, status', settings: 'key' };

/**
 * Each record upgrade that a Dexie `.upgrade()` of src/db/database.ts runs, with the version it upgrades to. A new
 * upgrade must be listed here, so that the fixtures of the older versions are checked against what it does.
 */
const UPGRADES: Array<{ to: number; table: string; upgrade: (row: never) => unknown }> = [
  { to: 2, table: 'audits', upgrade: upgradeAuditToV2 },
  { to: 7, table: 'audits', upgrade: upgradeAuditToV7 },
  { to: 7, table: 'summaryPacks', upgrade: markPackStale },
  { to: 8, table: 'communes', upgrade: upgradeCommuneToV8 },
  { to: 8, table: 'audits', upgrade: upgradeAuditToV8 },
  { to: 8, table: 'planItems', upgrade: upgradePlanItemToV8 },
  { to: 8, table: 'outbox', upgrade: upgradeOutboxToV8 },
];

/**
 * Each table an upgrade folded into another, with the version that did it: the fixture's records are checked in
 * their new form (the upgrade applied to them), and the old table must be gone.
 */
const MOVES: Array<{ to: number; from: string; into: string; upgrade: (rows: never[]) => Row[] }> = [
  { to: 5, from: 'auditSummaries', into: 'summaryPacks', upgrade: (rows) => packV4Summaries(rows, () => 'id') as unknown as Row[] },
];

/** Records compared without their generated ids, typed arrays as plain lists (they may come from another realm). */
const comparable = (rows: Row[]) => JSON.parse(JSON.stringify(rows, (key, value: unknown) => (key === 'id' ? undefined : ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value)));

const databaseSource = readFileSync(path.join(root, 'src/db/database.ts'), 'utf8');
const declaredVersions = [...databaseSource.matchAll(/\.version\((\d+)\)/g)].map((m) => Number(m[1]));
const currentVersion = Math.max(...declaredVersions);

const fixtures: DatabaseFixture[] = readdirSync(fixturesDir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(path.join(fixturesDir, f), 'utf8')) as DatabaseFixture)
  .sort((a, b) => a.schemaVersion - b.schemaVersion);

/** What a fixture's record must look like in the current version. */
function expectedRow(fixture: DatabaseFixture, table: string, row: Row): Row {
  return UPGRADES.filter((u) => u.table === table && u.to > fixture.schemaVersion).reduce<Row>(
    (current, u) => u.upgrade(current as never) as Row,
    row,
  );
}

/** Writes the fixture exactly as its schema version would have: that version's stores, its records. */
async function writeFixture(fixture: DatabaseFixture): Promise<void> {
  const old = new Dexie(NAME);
  old.version(fixture.schemaVersion).stores(fixture.stores ?? V1_STORES);
  await old.open();
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows.map(reviveTypedArrays));
  old.close();
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('databases written by every earlier schema version', () => {
  it('have a fixture for each version declared before the current one', () => {
    const kept = fixtures.map((f) => f.schemaVersion);
    const missing = declaredVersions.filter((v) => v < currentVersion && !kept.includes(v));
    expect(missing, 'Add tests/fixtures/db/v<n>.json, a database written by that version (see v2.json)').toEqual([]);
  });

  it('registers every record upgrade of database.ts in this test', () => {
    // One .upgrade() per version, which may upgrade the records of several tables.
    expect(new Set([...UPGRADES, ...MOVES].map((u) => u.to)).size).toBe([...databaseSource.matchAll(/\.upgrade\(/g)].length);
  });

  it.each(fixtures.map((f) => [f.schemaVersion, f] as const))('version %i opens in the current version with nothing lost', async (_version, fixture) => {
    await writeFixture(fixture);
    const current = new CyberdiagDatabase(NAME);
    expect(await openDatabase(current)).toEqual({ ok: true });
    expect(current.verno).toBe(currentVersion);
    for (const [table, rows] of Object.entries(fixture.tables)) {
      expect(rows.length, `${table} of the fixture has records`).toBeGreaterThan(0);
      const move = MOVES.find((m) => m.from === table && m.to > fixture.schemaVersion);
      if (move) {
        expect(current.tables.map((t) => t.name), `${table} is gone`).not.toContain(table);
        const moved = await current.table(move.into).toArray();
        expect(comparable(moved), `${table} → ${move.into}`).toEqual(comparable(move.upgrade(rows.map(reviveTypedArrays) as never[])));
        continue;
      }
      const primaryKey = current.table(table).schema.primKey;
      const stored = await current.table(table).toArray();
      expect(stored, `${table} after the upgrade`).toHaveLength(rows.length);
      for (const row of rows) {
        const keyPath = primaryKey.keyPath;
        const key = Array.isArray(keyPath) ? keyPath.map((k) => row[k]) : row[keyPath ?? ''];
        // Found by its key; compared as plain data (typed arrays come back from fake-indexeddb in another realm).
        const found = (await current.table(table).get(key as never)) as Row | undefined;
        expect(found, `${table} ${JSON.stringify(key)}`).toBeDefined();
        expect(comparable([found as Row]), `${table} ${JSON.stringify(key)}`).toEqual(comparable([expectedRow(fixture, table, reviveTypedArrays(row) as Row)]));
      }
    }
    // The indexes of the current version answer for the old records.
    const audits = fixture.tables.audits ?? [];
    const communeId = audits[0]?.communeId;
    expect(await current.audits.where('communeId').equals(communeId as string).count()).toBe(audits.filter((a) => a.communeId === communeId).length);
    expect(await current.audits.where('origin').anyOf('local', 'imported').count()).toBe(audits.length);
    // Every audit has the digest its EPCI summary is checked against, in the index the EPCI view reads.
    expect(await current.audits.orderBy('summaryDigest').count()).toBe(audits.length);
    current.close();
  });

  it('hold a barometer dataset the app still accepts, or one it replaces with the shipped dataset at start', () => {
    const bundled = JSON.parse(readFileSync(path.join(root, 'questionnaires/benchmarks/barometres.json'), 'utf8')) as { id: string; version: number };
    for (const fixture of fixtures) {
      for (const record of fixture.tables.benchmarkDatasets ?? []) {
        const stored = { id: String(record.id), version: Number(record.version), source: record.source === 'imported' ? 'imported' : 'bundled' } as const;
        const accepted = benchmarkDatasetSchema.safeParse(record.data).success;
        // An older format is never read as it is: the app start puts the shipped dataset in its place.
        expect(accepted || shouldInstallBundled(stored, bundled), `v${fixture.schemaVersion} dataset`).toBe(true);
      }
    }
  });
});
