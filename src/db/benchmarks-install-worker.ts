/**
 * A worker that installs the shipped barometer dataset (ensureBundledDataset): loading, checking and storing it
 * took the main thread a long task at every start, while the first page needs none of it. The page hears of the
 * write like of any other (Dexie tells every context of the origin); the worker answers once, then is stopped.
 */
import { config } from 'zod/v4/core';
import { ensureBundledDataset } from './benchmarks-repository';

declare const self: DedicatedWorkerGlobalScope;

// As in the page (src/app/parse-without-eval.ts): no code compiled with new Function(), whatever the CSP.
config({ jitless: true });

export type BenchmarksInstallReply = { ok: true; wrote: boolean } | { ok: false };

ensureBundledDataset().then(
  (wrote) => self.postMessage({ ok: true, wrote } satisfies BenchmarksInstallReply),
  () => self.postMessage({ ok: false } satisfies BenchmarksInstallReply),
);
