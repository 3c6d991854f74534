// EPCI view at scale, in headless Chromium on the built app: imports 1,000 then 34,969 generated audits (every
// commune of France) through the real import path (the file input of /epci/toutes, a few large files), times
// the import and the aggregation shown on screen (totalMs: from the file input's change to the table showing
// every commune; the view computes its figures as the import ends, so aggregateMs, from the "Import terminé"
// message to the table, is often 0), writes the same records with raw IndexedDB in the same page after each import
// for the ratio (medians of five runs each), then times sorting and filtering the 34,969-row table.
// Targets: all of France imported and aggregated in under 15 s, within 1.5x of the raw writes; a sort or a
// filter answered in under 100 ms. One JSON line per measure. Run: npm run bench (or BASE_URL=… node tests/bench/epci.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appServer, launchBrowser, summarize } from './_lib.mjs';
import { generateExportFiles } from './_epci-data.mjs';

const SIZES = (process.env.EPCI_SIZES ?? '1000,34969').split(',').map(Number);
// Files as the app writes them (ASCII), or, with EPCI_UTF8_FILES=1, with their accents in UTF-8 (older files).
const UTF8_FILES = process.env.EPCI_UTF8_FILES === '1';
const date = new Date().toISOString().slice(0, 10);
const machine = `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}`;
const round = (ms) => Math.round(ms);
// The machine is shared: the load average says how much of it the run had.
const print = (line) => console.log(JSON.stringify({ bench: 'epci', ...line, machine, loadAverage1m: Math.round(os.loadavg()[0] * 10) / 10, date }));

/** Marks, in the page, when the import starts (the file input changes), ends, and the figures are on screen. */
function instrument(total) {
  const marks = {};
  window.__epciMarks = marks;
  document.addEventListener('change', () => (marks.start ??= performance.now()), true);
  const expected = new RegExp(`^${total.toLocaleString('fr-FR').replace(/\s/g, '\\s')} communes? affichées? sur `);
  marks.stages = [];
  const check = () => {
    const status = document.querySelector('.epci-import__status')?.textContent ?? '';
    if (marks.start !== undefined && status !== '' && marks.stages.at(-1)?.status !== status) marks.stages.push({ status, at: performance.now() });
    if (marks.start !== undefined && marks.imported === undefined && status.startsWith('Import terminé')) marks.imported = performance.now();
    const count = document.querySelector('.epci-table__count')?.textContent ?? '';
    if (marks.imported !== undefined && marks.shown === undefined && expected.test(count.replace(/\u202f/g, ' '))) marks.shown = performance.now();
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
}

/**
 * The same records written with nothing but IndexedDB: one transaction, the app's stores and indexes, into a
 * database of its own (deleted afterwards). The records are read and parsed before the clock starts.
 */
async function rawWrites(run) {
  const input = document.getElementById('bench-raw-input');
  const documents = await Promise.all([...input.files].map(async (file) => JSON.parse(await file.text())));
  const name = `bench-raw-${run}`;
  const request = indexedDB.open(name, 1);
  request.onupgradeneeded = () => {
    const db = request.result;
    const communes = db.createObjectStore('communes', { keyPath: 'id' });
    for (const index of ['insee', 'name', 'epciSiren', 'updatedAt']) communes.createIndex(index, index);
    const audits = db.createObjectStore('audits', { keyPath: 'id' });
    for (const index of ['communeId', 'updatedAt', 'status', 'origin']) audits.createIndex(index, index);
  };
  const db = await new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const start = performance.now();
  const tx = db.transaction(['communes', 'audits'], 'readwrite');
  for (const doc of documents) {
    for (const commune of doc.payload.communes) tx.objectStore('communes').put(commune);
    for (const audit of doc.payload.audits) tx.objectStore('audits').put(audit);
  }
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - start;
  db.close();
  await new Promise((resolve) => {
    const deletion = indexedDB.deleteDatabase(name);
    deletion.onsuccess = deletion.onerror = deletion.onblocked = resolve;
  });
  return ms;
}

/**
 * Imports and raw writes both vary by a tenth or more from one run to the next on this machine: the ratio is that
 * of the median import (of five, each on an empty device) to the median raw write (of five, each just after an
 * import). EPCI_RUNS changes the count.
 */
const RUNS = Number(process.env.EPCI_RUNS ?? 5);
const median = (items, by) => [...items].sort((a, b) => by(a) - by(b))[Math.floor(items.length / 2)];

/** Clicks a sort header and waits for the table to show the new order (aria-sort set, rows re-rendered). */
async function timeSort(label) {
  const button = [...document.querySelectorAll('.epci-table__sort')].find((b) => b.textContent?.startsWith(label));
  const header = button?.closest('th');
  if (!button || !header) throw new Error(`no sort button ${label}`);
  const before = header.getAttribute('aria-sort');
  const start = performance.now();
  button.click();
  while (header.getAttribute('aria-sort') === before) await new Promise((resolve) => setTimeout(resolve, 0));
  const answered = performance.now() - start;
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  return { answered, painted: performance.now() - start };
}

/** Ticks (or unticks) a population stratum and waits for the row count to change. */
async function timeFilter(label) {
  const box = [...document.querySelectorAll('.epci-filters input[type=checkbox]')].find((b) => b.parentElement?.textContent?.includes(label));
  const count = document.querySelector('.epci-table__count');
  if (!box || !count) throw new Error(`no filter ${label}`);
  const before = count.textContent;
  const start = performance.now();
  box.click();
  while (count.textContent === before) await new Promise((resolve) => setTimeout(resolve, 0));
  const answered = performance.now() - start;
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  return { answered, painted: performance.now() - start };
}

const server = await appServer();
const browser = await launchBrowser();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiag-epci-'));
try {
  for (const size of SIZES) {
    const genStart = performance.now();
    const { files, bytes } = generateExportFiles({ count: size, dir: path.join(dir, String(size)), asciiOnly: !UTF8_FILES });
    process.stderr.write(`epci: ${size} audits in ${files.length} files (${(bytes / 1e6).toFixed(1)} MB), generated in ${round(performance.now() - genStart)} ms\n`);

    // Each import starts from an empty device (a fresh browser context); the raw writes follow it in the same page,
    // so that both see the machine in the same state (this shared machine's speed drifts from one minute to the
    // next). The last page stays for the sort and filter measures.
    const imports = [];
    const rawRuns = [];
    let context;
    let page;
    for (let run = 0; run < RUNS; run++) {
      await context?.close();
      context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
      page = await context.newPage();
      page.on('pageerror', (error) => process.stderr.write(`page error: ${error}\n`));
      await page.goto(`${server.url}/epci/toutes`);
      await page.getByLabel('Choisir des fichiers').waitFor();
      await page.evaluate(instrument, size);
      await page.getByLabel('Choisir des fichiers').setInputFiles(files);
      await page.waitForFunction(() => window.__epciMarks.shown !== undefined, null, { timeout: 600_000, polling: 200 });
      const marks = await page.evaluate(() => window.__epciMarks);
      imports.push({
        importMs: marks.imported - marks.start,
        aggregateMs: marks.shown - marks.imported,
        totalMs: marks.shown - marks.start,
        // How long each stage of the import took (reading and checking the files, writing the last ones).
        stages: Object.fromEntries(
          marks.stages.map((stage, index) => [stage.status.replace(/^Import en cours : /, '').replace(/…$/, ''), round((marks.stages[index + 1]?.at ?? marks.imported) - stage.at)]),
        ),
      });
      await page.evaluate(() => {
        const input = document.createElement('input');
        input.type = 'file';
        input.multiple = true;
        input.id = 'bench-raw-input';
        input.hidden = true;
        document.body.append(input);
      });
      await page.locator('#bench-raw-input').setInputFiles(files);
      rawRuns.push(await page.evaluate(rawWrites, run));
    }
    const { importMs, aggregateMs, totalMs, stages } = median(imports, (i) => i.totalMs);
    const rawMs = median(rawRuns, (ms) => ms);
    print({
      measure: 'import-and-aggregate',
      audits: size,
      fileText: UTF8_FILES ? 'utf-8 accents' : 'ascii (as the app writes it)',
      files: files.length,
      megabytes: Math.round(bytes / 1e5) / 10,
      importMs: round(importMs),
      aggregateMs: round(aggregateMs),
      totalMs: round(totalMs),
      totalRunsMs: imports.map((i) => round(i.totalMs)),
      rawIndexedDbWritesMs: round(rawMs),
      rawRunsMs: rawRuns.map(round),
      // Each import against the raw writes that followed it.
      runRatios: imports.map((i, run) => Math.round((i.totalMs / rawRuns[run]) * 100) / 100),
      ratioToRaw: Math.round((totalMs / rawMs) * 100) / 100,
      stages,
      targets: { totalMs: 15_000, ratioToRaw: 1.5 },
    });

    if (size === SIZES.at(-1)) {
      const sorts = { answered: [], painted: [] };
      for (const label of ['Score global', 'Sauvegardes', 'Commune', 'Habitants', 'Score global', 'Date de l', 'Sauvegardes', 'Commune']) {
        const t = await page.evaluate(timeSort, label);
        sorts.answered.push(t.answered);
        sorts.painted.push(t.painted);
      }
      print({ measure: 'sort', rows: size, answered: summarize(sorts.answered), painted: summarize(sorts.painted), targetMs: 100 });
      const filters = { answered: [], painted: [] };
      for (const label of ['moins de 500', 'moins de 500', '500 à 1 999', '10 000 hab', '500 à 1 999', '10 000 hab']) {
        const t = await page.evaluate(timeFilter, label);
        filters.answered.push(t.answered);
        filters.painted.push(t.painted);
      }
      print({ measure: 'filter', rows: size, answered: summarize(filters.answered), painted: summarize(filters.painted), targetMs: 100 });
    }
    await context.close();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  await browser.close();
  await server.close();
}
