/**
 * The dataset on the device: written on first run, replaced by a newer shipped version or a newer imported file,
 * never by an older one, and never touching audits. A refused import leaves the database exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import { loadBundledBenchmarks } from '../../../src/content/load-benchmarks';
import { saveAnswer, startAudit } from '../../../src/db/audits-repository';
import { ensureBundledDataset, getActiveBenchmarks, importBenchmarkFile } from '../../../src/db/benchmarks-repository';
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

  it.each<[string, string, { code: string; path?: string; version?: number; currentVersion?: number; id?: string }]>([
    ['an older version', JSON.stringify(version(1)), { code: 'older-version', id: bundled.id, version: 1, currentVersion: 2 }],
    ['the same version', JSON.stringify(version(2)), { code: 'same-version', id: bundled.id, version: 2, currentVersion: 2 }],
    ['another dataset', JSON.stringify(version(5, (d) => (d.id = 'opsn-bretagne'))), { code: 'other-dataset', id: 'opsn-bretagne', version: 5, currentVersion: 2 }],
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
