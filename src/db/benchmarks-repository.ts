/**
 * The benchmark dataset kept on the device (table benchmarkDatasets, one record: the active dataset).
 * Written from the shipped file at app start, replaced by a newer shipped version, by an imported file, or by the
 * shipped file again when the user goes back to it. Only this table is ever written here: audits are never touched.
 */
import { shouldInstallBundled, checkImport, maxTrustedVersion, type InstalledDataset } from '../domain/benchmarks/decide-install';
import { readBenchmarkFile, type BenchmarkFileError } from '../domain/benchmarks/read-benchmark-file';
import { benchmarkDatasetSchema, type BenchmarkDataset } from '../domain/benchmarks/schema';
import { loadBundledBenchmarks } from '../content/load-benchmarks';
import { db } from './database';
import type { BenchmarkDatasetRecord } from './records';

export interface ActiveBenchmarks {
  dataset: BenchmarkDataset;
  source: BenchmarkDatasetRecord['source'];
  installedAt: string;
}

const now = () => new Date().toISOString();

function recordFor(dataset: BenchmarkDataset, source: BenchmarkDatasetRecord['source']): BenchmarkDatasetRecord {
  return { id: dataset.id, version: dataset.version, data: dataset, source, installedAt: now() };
}

/** The stored record that is in use: there is only one, the newest if an older release left another behind. */
async function currentRecord(): Promise<BenchmarkDatasetRecord | undefined> {
  const records = await db.benchmarkDatasets.toArray();
  return records.sort((a, b) => b.version - a.version)[0];
}

/**
 * What is stored, as far as the version rules go; undefined when nothing readable is (a record of an older
 * format, or one damaged outside the app, is replaced by the shipped dataset rather than kept unusable).
 */
const installed = (record: BenchmarkDatasetRecord | undefined): InstalledDataset | undefined =>
  record && benchmarkDatasetSchema.safeParse(record.data).success ? { id: record.id, version: record.version, source: record.source } : undefined;

/** Replaces whatever is stored by `record`, in the caller's transaction. */
async function replaceWith(record: BenchmarkDatasetRecord): Promise<void> {
  await db.benchmarkDatasets.clear();
  await db.benchmarkDatasets.put(record);
}

/**
 * Called at app start, without blocking the first render: stores the shipped dataset on first run, and
 * replaces the stored one when this release ships a higher version (an imported file included).
 * Returns true when it wrote something.
 */
export async function ensureBundledDataset(load: () => Promise<BenchmarkDataset> = loadBundledBenchmarks): Promise<boolean> {
  const bundled = await load();
  return db.transaction('rw', db.benchmarkDatasets, async () => {
    if (!shouldInstallBundled(installed(await currentRecord()), bundled)) return false;
    await replaceWith(recordFor(bundled, 'bundled'));
    return true;
  });
}

/** The dataset in use, checked again on the way out (storage is outside the app's control); undefined if none. */
export async function getActiveBenchmarks(): Promise<ActiveBenchmarks | undefined> {
  const record = await currentRecord();
  if (!record) return undefined;
  const parsed = benchmarkDatasetSchema.safeParse(record.data);
  return parsed.success ? { dataset: parsed.data, source: record.source, installedAt: record.installedAt } : undefined;
}

export type ImportBenchmarksResult = { ok: true; dataset: BenchmarkDataset } | { ok: false; error: BenchmarkFileError };

/**
 * Imports the text of a benchmark file: all or nothing. The file is fully checked first; the version rule and
 * the write happen in one transaction, so a refused file leaves the device exactly as it was.
 */
export async function importBenchmarkFile(
  text: string,
  load: () => Promise<BenchmarkDataset> = loadBundledBenchmarks,
): Promise<ImportBenchmarksResult> {
  const read = readBenchmarkFile(text);
  if (!read.ok) return read;
  const candidate = read.dataset;
  const bundled = await load();
  return db.transaction('rw', db.benchmarkDatasets, async (): Promise<ImportBenchmarksResult> => {
    const current = await currentRecord();
    const decision = checkImport(installed(current), candidate, bundled);
    if (!decision.ok) {
      const error: BenchmarkFileError = {
        code: decision.code,
        id: candidate.id,
        version: candidate.version,
        bundledVersion: bundled.version,
        maxVersion: maxTrustedVersion(bundled.version),
      };
      if (current) error.currentVersion = current.version;
      return { ok: false, error };
    }
    await replaceWith(recordFor(candidate, 'imported'));
    return { ok: true, dataset: candidate };
  });
}

/**
 * Goes back to the dataset shipped with the app, whatever is stored (an imported file, a damaged record): always
 * possible, so that no file can leave a device stuck. Returns the dataset now in use.
 */
export async function revertToBundledDataset(load: () => Promise<BenchmarkDataset> = loadBundledBenchmarks): Promise<BenchmarkDataset> {
  const bundled = await load();
  await db.transaction('rw', db.benchmarkDatasets, () => replaceWith(recordFor(bundled, 'bundled')));
  return bundled;
}
