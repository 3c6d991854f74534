/**
 * The dataset on the device: written on first run, replaced by a newer shipped version or a newer imported file,
 * never by an older one, and never touching audits. A refused import leaves the database exactly as it was; a file
 * cannot pin itself past what the release trusts, and the shipped dataset can always be put back.
 */
import { describe, expect, it } from 'vitest';
import versionOneFile from '../../fixtures/benchmarks/barometres-v1.json';
import { loadBundledBenchmarks } from '../../../src/content/load-benchmarks';
import { saveAnswer, startAudit } from '../../../src/db/audits-repository';
import { ensureBundledDataset, getActiveBenchmarks, importBenchmarkFile, revertToBundledDataset } from '../../../src/db/benchmarks-repository';
import { createCommune } from '../../../src/db/communes-repository';
import { db } from '../../../src/db/database';
import type { BenchmarkDataset } from '../../../src/domain/benchmarks/schema';

const bundled = await loadBundledBenchmarks();
const version = (n: number, edit: (d: BenchmarkDataset) => void = () => undefined): BenchmarkDataset => {
  const data = structuredClone(bundled);
  data.version = n;
  edit(data);
  return data;
};
const shipping = (data: BenchmarkDataset) => () => Promise.resolve(data);
const stored = async () => (await db.benchmarkDatasets.toArray()).map((r) => ({ id: r.id, version: r.version, source: r.source }));

async function seedAudit() {
  const commune = await createCommune({
    name: 'Saint-Test',
    insee: '',
    postcode: '',
    epciSiren: '',
    epciName: '',
    profile: { population: 800, agents: 3, computers: 4, itProvider: true, hasServer: false },
  });
  const audit = await startAudit(commune, { id: 'cyberdiag-commune', version: 1 }, 'Secrétaire');
  await saveAnswer(audit.id, 'backup-exists', { kind: 'option', optionId: 'none' });
  return db.audits.toArray();
}

describe('ensureBundledDataset', () => {
  it('stores the shipped dataset on first run, once', async () => {
    expect(await ensureBundledDataset(shipping(version(1)))).toBe(true);
    expect(await ensureBundledDataset(shipping(version(1)))).toBe(false);
    expect(await stored()).toEqual([{ id: bundled.id, version: 1, source: 'bundled' }]);
    expect((await getActiveBenchmarks())?.dataset.indicators.length).toBe(bundled.indicators.length);
  });

  it('replaces shipped version 1 by shipped version 2 without touching audits', async () => {
    const audits = await seedAudit();
    await ensureBundledDataset(shipping(version(1)));
    const changed = version(2, (d) => {
      const pca = d.indicators.find((i) => i.id === 'bnc-2025-c-no-pca');
      if (pca) pca.value = 0.6;
    });
    expect(await ensureBundledDataset(shipping(changed))).toBe(true);
    expect(await stored()).toEqual([{ id: bundled.id, version: 2, source: 'bundled' }]);
    expect((await getActiveBenchmarks())?.dataset.indicators.find((i) => i.id === 'bnc-2025-c-no-pca')?.value).toBe(0.6);
    expect(await db.audits.toArray()).toEqual(audits);
  });

  it('keeps an imported newer file over an older shipped version, and gives way to a higher shipped one', async () => {
    await ensureBundledDataset(shipping(version(1)));
    expect((await importBenchmarkFile(JSON.stringify(version(3)))).ok).toBe(true);
    expect(await ensureBundledDataset(shipping(version(2)))).toBe(false);
    expect(await stored()).toEqual([{ id: bundled.id, version: 3, source: 'imported' }]);
    expect(await ensureBundledDataset(shipping(version(4)))).toBe(true);
    expect(await stored()).toEqual([{ id: bundled.id, version: 4, source: 'bundled' }]);
  });
});

describe('importBenchmarkFile', () => {
  it('installs a newer file, all of it, and leaves audits alone', async () => {
    const audits = await seedAudit();
    await ensureBundledDataset(shipping(version(1)));
    const result = await importBenchmarkFile(JSON.stringify(version(2)));
    expect(result.ok && result.dataset.version).toBe(2);
    expect(await stored()).toEqual([{ id: bundled.id, version: 2, source: 'imported' }]);
    expect(await db.audits.toArray()).toEqual(audits);
  });

  /** What the version rules add to a refusal: the shipped version (the real one, 2) and the furthest one trusted. */
  const rules = { bundledVersion: bundled.version, maxVersion: bundled.version + 10 };

  it.each<[string, string, { code: string; path?: string; version?: number; currentVersion?: number; id?: string }]>([
    ['an older version', JSON.stringify(version(1)), { code: 'older-version', id: bundled.id, version: 1, currentVersion: 2, ...rules }],
    ['the same version', JSON.stringify(version(2)), { code: 'same-version', id: bundled.id, version: 2, currentVersion: 2, ...rules }],
    ['another dataset', JSON.stringify(version(5, (d) => (d.id = 'opsn-bretagne'))), { code: 'other-dataset', id: 'opsn-bretagne', version: 5, currentVersion: 2, ...rules }],
    ['a file at version 1000000', JSON.stringify(version(1_000_000)), { code: 'too-far-ahead', id: bundled.id, version: 1_000_000, currentVersion: 2, ...rules }],
    ['the version 1 file', JSON.stringify(versionOneFile), { code: 'older-format' }],
    ['a newer version linking to another site', JSON.stringify(version(3, (d) => {
      const [first] = d.indicators;
      if (first) first.url = 'https://cybermalveillance-gouv.example/etude';
    })), { code: 'untrusted-link', path: `indicators[0] (${bundled.indicators[0]?.id ?? ''}).url` }],
    ['a file that is not JSON', 'not json', { code: 'not-json' }],
    ['a file of another kind', JSON.stringify({ hello: 'world' }), { code: 'not-ours' }],
    ['a newer version with one bad figure', JSON.stringify(version(3, (d) => {
      const share = d.indicators.find((i) => i.id === 'bnc-2025-c-no-pca');
      if (share) d.indicators.push({ ...share, id: 'extra-figure', value: 7 });
    })), { code: 'invalid', path: `indicators[${bundled.indicators.length}] (extra-figure).value` }],
  ])('refuses %s and leaves the database unchanged', async (_name, text, error) => {
    const audits = await seedAudit();
    await ensureBundledDataset(shipping(version(2)));
    const before = await db.benchmarkDatasets.toArray();
    expect(await importBenchmarkFile(text)).toEqual({ ok: false, error });
    expect(await db.benchmarkDatasets.toArray()).toEqual(before);
    expect(await db.audits.toArray()).toEqual(audits);
  });
});

describe('devices holding the version 1 dataset, or a pinned one', () => {
  it('upgrade to the shipped version 2 at start, audits untouched', async () => {
    const audits = await seedAudit();
    // As an app of the previous release stored it: the version 1 file, as it was.
    await db.benchmarkDatasets.put({ id: versionOneFile.id, version: 1, data: versionOneFile as unknown as BenchmarkDataset, source: 'bundled', installedAt: '2026-11-20T10:00:00.000Z' });
    expect(await ensureBundledDataset()).toBe(true);
    expect(await stored()).toEqual([{ id: bundled.id, version: 2, source: 'bundled' }]);
    const active = await getActiveBenchmarks();
    expect(active?.dataset.formatVersion).toBe(2);
    expect(active?.dataset.indicators.some((i) => i.id === 'cmv-2024-cyber-spend-under-2000')).toBe(true);
    expect(await db.audits.toArray()).toEqual(audits);
  });

  it('replace at start a record an older app let pin itself at version 1000000', async () => {
    await db.benchmarkDatasets.put({ id: bundled.id, version: 1_000_000, data: version(1_000_000), source: 'imported', installedAt: '2026-11-20T10:00:00.000Z' });
    expect(await ensureBundledDataset()).toBe(true);
    expect(await stored()).toEqual([{ id: bundled.id, version: 2, source: 'bundled' }]);
  });
});

describe('revertToBundledDataset', () => {
  it('puts the shipped dataset back over an imported one, audits untouched', async () => {
    const audits = await seedAudit();
    await ensureBundledDataset();
    expect((await importBenchmarkFile(JSON.stringify(version(5)))).ok).toBe(true);
    expect((await revertToBundledDataset()).version).toBe(2);
    expect(await stored()).toEqual([{ id: bundled.id, version: 2, source: 'bundled' }]);
    expect(await db.audits.toArray()).toEqual(audits);
  });

  it('works whatever is stored, even a damaged record', async () => {
    await db.benchmarkDatasets.put({ id: bundled.id, version: 7, data: { broken: true } as unknown as BenchmarkDataset, source: 'imported', installedAt: '2026-11-20T10:00:00.000Z' });
    expect(await getActiveBenchmarks()).toBeUndefined();
    await revertToBundledDataset();
    expect((await getActiveBenchmarks())?.dataset.version).toBe(2);
  });
});
