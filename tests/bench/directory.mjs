// Measures the communes directory: its size (raw, gzip, brotli, and the built chunk), the time to read and index
// it, the time of one search per keystroke (median, 95th percentile), and in Chromium on the built app the time
// from focusing the search field to the first list shown (chunk loaded, read, indexed, searched).
// Prints one JSON line. Run alone with `node tests/bench/directory.mjs` (after `vite build` for the browser part).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createServer } from 'vite';
import { appServer, launchBrowser, summarize } from './_lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sizes = (bytes) => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length });

async function inNode() {
  const server = await createServer({ root, server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
  try {
    const { default: text } = await server.ssrLoadModule('virtual:communes-directory');
    const { readCompactDirectory } = await server.ssrLoadModule('/src/domain/directory/compact-directory.ts');
    const { createDirectoryIndex, searchCommunes, searchEpcis } = await server.ssrLoadModule('/src/domain/directory/search-directory.ts');
    const t0 = performance.now();
    const directory = readCompactDirectory(text);
    const t1 = performance.now();
    const index = createDirectoryIndex(directory);
    const t2 = performance.now();

    // What a user types, keystroke by keystroke: names (with and without accents), postcodes, a Corsican code.
    const typed = ['Saint-Étienne', 'st etienne', 'abergement', 'Bourg-en-Bresse', 'Y', '42000', '01400', '2A004', 'plou'];
    const queries = typed.flatMap((word) => Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1)));
    const times = [];
    // Round 0 warms the JIT up and is not counted.
    for (let round = 0; round <= 5; round += 1) {
      for (const query of queries) {
        const start = performance.now();
        searchCommunes(index, query);
        if (round > 0) times.push(performance.now() - start);
      }
    }
    const epciTimes = ['c', 'cc', 'metropole', 'saint etienne', '2442'].map((query) => {
      const start = performance.now();
      searchEpcis(index, query);
      return performance.now() - start;
    });
    const round = (ms) => Math.round(ms * 100) / 100;
    return {
      source: directory.source,
      communes: directory.communes.length,
      epcis: directory.epcis.length,
      text: sizes(Buffer.from(text, 'utf8')),
      readMs: round(t1 - t0),
      indexMs: round(t2 - t1),
      communeSearch: summarize(times),
      epciSearch: summarize(epciTimes),
    };
  } finally {
    await server.close();
  }
}

function builtChunk() {
  const assets = path.join(root, 'dist', 'assets');
  if (!fs.existsSync(assets)) return null;
  const file = fs.readdirSync(assets).find((f) => f.includes('communes-directory') && f.endsWith('.js'));
  return file ? { file, ...sizes(fs.readFileSync(path.join(assets, file))) } : null;
}

/** Focus → first options, on the built app: what a user waits for the first time in a session. */
async function inBrowser() {
  if (!fs.existsSync(path.join(root, 'dist', 'index.html'))) return null;
  const server = await appServer();
  const browser = await launchBrowser();
  try {
    const samples = [];
    for (let run = 0; run < 3; run += 1) {
      // A fresh context each time: the chunk comes from the HTTP server, not from a warm module cache.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/communes/new`);
      const combobox = page.getByRole('combobox');
      await combobox.waitFor();
      const start = Date.now();
      await combobox.focus();
      await page.keyboard.type('saint etienne');
      await page.getByRole('option').first().waitFor();
      samples.push(Date.now() - start);
      await context.close();
    }
    return { firstListMs: summarize(samples), note: 'includes typing 13 characters and the 120 ms debounce' };
  } finally {
    await browser.close();
    await server.close();
  }
}

const node = await inNode();
console.log(
  JSON.stringify({
    bench: 'communes-directory',
    ...node,
    builtChunk: builtChunk(),
    browser: await inBrowser(),
    date: new Date().toISOString().slice(0, 10),
  }),
);
