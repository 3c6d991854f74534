// Measures the communes directory: its size (raw, gzip, brotli), the time to read and index it, and the time of
// one search as typed (median and 95th percentile). Prints one JSON line. Run: node bench/directory.mjs
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createServer } from 'vite';

const server = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
try {
  const { default: text } = await server.ssrLoadModule('virtual:communes-directory');
  const { readCompactDirectory } = await server.ssrLoadModule('/src/domain/directory/compact-directory.ts');
  const { createDirectoryIndex, searchCommunes, searchEpcis } = await server.ssrLoadModule('/src/domain/directory/search-directory.ts');

  const bytes = Buffer.from(text, 'utf8');
  const t0 = performance.now();
  const directory = readCompactDirectory(text);
  const t1 = performance.now();
  const index = createDirectoryIndex(directory);
  const t2 = performance.now();

  // What a user types, keystroke by keystroke: names (with and without accents), postcodes, a Corsican code.
  const typed = ['Saint-Étienne', 'st etienne', 'abergement', 'Bourg-en-Bresse', 'Y', '42000', '01400', '2A004', 'plou'];
  const queries = typed.flatMap((word) => Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1)));
  const times = [];
  // Round 0 warms the JIT up and is not counted: a user's first keystroke also waits for the directory to load.
  for (let round = 0; round <= 5; round += 1) {
    for (const query of queries) {
      const start = performance.now();
      searchCommunes(index, query);
      if (round > 0) times.push(performance.now() - start);
    }
  }
  const epciTimes = [];
  for (const query of ['c', 'cc', 'metropole', 'saint etienne', '2442']) {
    const start = performance.now();
    searchEpcis(index, query);
    epciTimes.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (share) => times[Math.min(times.length - 1, Math.floor(share * times.length))];
  const round = (ms) => Math.round(ms * 100) / 100;
  console.log(
    JSON.stringify({
      bench: 'communes-directory',
      source: directory.source,
      communes: directory.communes.length,
      epcis: directory.epcis.length,
      bytes: { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length },
      readMs: round(t1 - t0),
      indexMs: round(t2 - t1),
      search: { queries: times.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(at(1)) },
      epciSearchMaxMs: round(Math.max(...epciTimes)),
      node: process.version,
      date: new Date().toISOString().slice(0, 10),
    }),
  );
} finally {
  await server.close();
}
