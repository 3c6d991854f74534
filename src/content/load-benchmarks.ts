/**
 * Loads the benchmark dataset shipped in questionnaires/benchmarks/ (a lazy chunk, precached for offline use)
 * through the same checks as an imported file. Loaded once per session.
 */
import { checkBenchmarkData } from '../domain/benchmarks/read-benchmark-file';
import type { BenchmarkDataset } from '../domain/benchmarks/schema';

let cached: Promise<BenchmarkDataset> | undefined;

async function load(): Promise<BenchmarkDataset> {
  const raw: unknown = (await import('../../questionnaires/benchmarks/barometres.json')).default;
  const result = checkBenchmarkData(raw);
  // The shipped file is checked by a test; failing here means a broken build, not a user error.
  if (!result.ok) throw new Error(`questionnaires/benchmarks/barometres.json: ${result.error.code} at ${result.error.path ?? '/'}`);
  return result.dataset;
}

export function loadBundledBenchmarks(): Promise<BenchmarkDataset> {
  cached ??= load();
  return cached;
}
