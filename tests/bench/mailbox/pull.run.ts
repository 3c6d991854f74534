/**
 * The EPCI's pull against the file import of the same audits, in headless Chromium on the built app (`npx vite
 * build` first), the mailbox on real PostgreSQL: COMMUNES audits (34,969 by default, every commune of France,
 * generated as tests/bench/epci.mjs does) imported once from the 18 files of the EPCI bench, then, on an empty
 * device, received from the mailbox as 34,969 envelopes, one a commune, each holding the file its device would
 * export. Both are timed from the user's action (files chosen, "Recevoir" clicked) to the table showing every
 * commune. Target: the pull within 1.5× of the file import. Run alone: `npm run bench:mailbox` (COMMUNES=2000 for
 * a short run). The envelopes are written straight to the database: sends are national.run.ts's measure.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { sealEnvelope } from '../../../src/crypto/mailbox-envelope';
import { readEnvelopeHeader } from '../../../src/domain/mailbox/envelope-format';
import { startPostgresCluster } from '../../../server/test/postgres-cluster';
import { freePort, startServerProcess, type ServerProcess } from '../../../server/test/server-process';
import chromiumArgs from '../../chromium-args.json';
import { startNginx, type NginxServer } from '../../nginx-server.mjs';
import { generateExportFiles } from '../_epci-data.mjs';

const COUNT = Number(process.env.COMMUNES ?? 34_969);
const DIST = fileURLToPath(new URL('../../../dist', import.meta.url));
const PASSWORD = 'correct horse battery staple';

const cluster = startPostgresCluster();
const dir = mkdtempSync(path.join(os.tmpdir(), 'cyberdiag-pull-'));
let server: ServerProcess | undefined;
let app: NginxServer | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await server?.kill('SIGKILL');
  cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** In the page: marks when the user acts (files chosen, "Recevoir" clicked) and when the table shows every commune. */
function instrument(total: number): void {
  const marks: { start?: number; shown?: number; checking?: number } = {};
  (window as unknown as { __marks: typeof marks }).__marks = marks;
  document.addEventListener('change', () => (marks.start ??= performance.now()), true);
  document.addEventListener('click', (event) => {
    if (event.target instanceof HTMLElement && event.target.textContent === 'Recevoir') marks.start ??= performance.now();
  }, true);
  const expected = new RegExp(`^${total.toLocaleString('fr-FR').replace(/\s/g, '\\s')} communes? affichées? sur `);
  new MutationObserver(() => {
    // The pull's import begins (every envelope received and opened): its progress says "Vérification".
    if (marks.start !== undefined && marks.checking === undefined && document.querySelector('.mailbox [role=status]')?.textContent?.startsWith('Vérification')) marks.checking = performance.now();
    const count = document.querySelector('.epci-table__count')?.textContent ?? '';
    if (marks.start !== undefined && marks.shown === undefined && expected.test(count.replace(/\u202f/g, ' '))) marks.shown = performance.now();
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}

/** From the user's action to the table showing every commune; for the pull, also until its import began. */
async function timed(page: Page, act: () => Promise<void>): Promise<{ ms: number; receivedMs: number | null }> {
  await page.evaluate(instrument, COUNT);
  await act();
  await page.waitForFunction(() => (window as unknown as { __marks: { shown?: number } }).__marks.shown !== undefined, null, { timeout: 1_800_000, polling: 200 });
  const marks = await page.evaluate(() => (window as unknown as { __marks: { start: number; shown: number; checking?: number } }).__marks);
  return { ms: marks.shown - marks.start, receivedMs: marks.checking === undefined ? null : marks.checking - marks.start };
}

const newPage = async (b: Browser) => {
  // The mailbox is on another port, an origin the built app's CSP does not list (a host adds it: MAILBOX_ORIGIN).
  const context = await b.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`page error: ${String(error)}\n`));
  return page;
};

/**
 * PULL_WORKER_PROF=<prefix>: a CPU profile of each of the import's workers during the file import and during the
 * pull, written to <prefix>-<file|pull>-<n>.cpuprofile. Playwright gives no session on a dedicated worker; puppeteer, connected to the same
 * Chromium over its debugging port, does.
 */
async function profileWorkers(port: number, url: string, name: string): Promise<{ stop: () => Promise<void> }> {
  const puppeteer = await import('puppeteer-core');
  const connected = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
  const pages = await connected.pages();
  const target = pages.find((candidate) => candidate.url() === url);
  if (target === undefined) throw new Error('page not found over the debugging port');
  // The view starts its two workers in an effect once the import's field shows.
  for (let waited = 0; target.workers().length < 2 && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  const sessions = target.workers().map((worker) => worker.client);
  if (sessions.length === 0) throw new Error('no import worker to profile');
  // The import ends its workers when it is done, and a worker's profile goes with it: held until it is taken.
  await target.evaluate(() => {
    const held: Worker[] = [];
    const terminate = Worker.prototype.terminate;
    (window as unknown as { __heldWorkers: { held: Worker[]; terminate: typeof terminate } }).__heldWorkers = { held, terminate };
    Worker.prototype.terminate = function (this: Worker) {
      held.push(this);
    };
  });
  for (const session of sessions) {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 500 });
    await session.send('Profiler.start');
  }
  return {
    async stop() {
      for (const [index, session] of sessions.entries()) {
        const { profile } = await session.send('Profiler.stop');
        writeFileSync(`${process.env.PULL_WORKER_PROF}-${name}-${index}.cpuprofile`, JSON.stringify(profile));
      }
      await target.evaluate(() => {
        const { held, terminate } = (window as unknown as { __heldWorkers: { held: Worker[]; terminate: () => void } }).__heldWorkers;
        for (const worker of held) terminate.call(worker);
      });
      await connected.disconnect();
    },
  };
}

/** The size the server stores for an envelope: its header's, as the send route reads it. */
function sealedSize(envelope: Uint8Array): number {
  const read = readEnvelopeHeader(envelope);
  if (!read.ok) throw new Error('sealed an envelope the server would refuse');
  return read.header.size;
}

/** The file each commune's device would export for its audit (ASCII, as the app writes it), from the bench's files. */
function auditFiles(files: string[]): Array<{ insee: string; auditId: string; versionDate: string; text: string }> {
  const out: Array<{ insee: string; auditId: string; versionDate: string; text: string }> = [];
  for (const file of files) {
    const document = JSON.parse(readFileSync(file, 'utf8')) as { payload: { communes: Array<{ id: string; insee: string }>; audits: Array<{ id: string; communeId: string; updatedAt: string }> } };
    const communes = new Map(document.payload.communes.map((commune) => [commune.id, commune]));
    for (const audit of document.payload.audits) {
      const commune = communes.get(audit.communeId);
      if (commune === undefined) throw new Error('generated audit without its commune');
      const json = JSON.stringify({ ...document, exportedAt: audit.updatedAt, payload: { communes: [commune], audits: [audit], planItems: [] } });
      out.push({ insee: commune.insee, auditId: audit.id, versionDate: audit.updatedAt, text: json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) });
    }
  }
  return out;
}

it('receives every commune from the mailbox within 1.5 times the file import of the same audits', async () => {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('Build the app first: npx vite build');
  app = await startNginx([DIST]);
  server = await startServerProcess({ DATABASE_URL: cluster.url(), PORT: String(await freePort()), APP_ORIGIN: app.url });
  const debugPort = process.env.PULL_WORKER_PROF ? await freePort() : null;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: debugPort === null ? chromiumArgs : [...chromiumArgs, `--remote-debugging-port=${debugPort}`] });

  const generateStart = performance.now();
  const { files, bytes } = generateExportFiles({ count: COUNT, dir });
  process.stderr.write(`pull bench: ${COUNT} audits in ${files.length} files (${(bytes / 1e6).toFixed(1)} MB) generated in ${Math.round(performance.now() - generateStart)} ms\n`);

  // The file import, on an empty device.
  const filePage = await newPage(browser);
  await filePage.goto(`${app.url}/epci/toutes`);
  await filePage.getByLabel('Choisir des fichiers').waitFor();
  const fileWorkers = debugPort === null ? null : await profileWorkers(debugPort, filePage.url(), 'file');
  const { ms: fileMs } = await timed(filePage, () => filePage.getByLabel('Choisir des fichiers').setInputFiles(files));
  await fileWorkers?.stop();
  await filePage.context().close();

  // The EPCI's device, empty: first account, key made on the device.
  const page = await newPage(browser);
  await page.goto(`${app.url}/epci/toutes`);
  await page.getByLabel('Adresse de la boîte aux lettres').fill(server.url);
  await page.getByLabel('Adresse électronique').fill('cm@cc.fr');
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByLabel(/^Premier compte sur ce serveur/).check();
  await page.getByLabel('Secret de premier démarrage').fill(server.secret ?? '');
  await page.getByLabel("SIREN de l'intercommunalité").fill('200000001');
  await page.getByLabel("Nom de l'intercommunalité").fill('France entière');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByLabel('Phrase de passe de la clé').fill('phrase de passe du banc');
  await page.getByRole('button', { name: 'Créer la clé sur cet appareil' }).click();
  await page.getByRole('button', { name: 'Recevoir' }).waitFor();

  // Every commune's envelope, sealed to that key, in the mailbox.
  const client = new pg.Client({ connectionString: cluster.url() });
  await client.connect();
  const recipient = (await client.query<{ public_key: string; key_id: string }>('SELECT public_key, key_id FROM epci')).rows[0];
  if (recipient === undefined) throw new Error('no EPCI key');
  const sealStart = performance.now();
  const audits = auditFiles(files);
  for (let start = 0; start < audits.length; start += 2000) {
    const batch = audits.slice(start, start + 2000);
    const envelopes = await Promise.all(batch.map((audit) => sealEnvelope(audit.text, { publicKey: recipient.public_key, keyId: recipient.key_id }, audit)));
    await client.query(
      `INSERT INTO envelope (epci_id, insee, audit_id, version_date, size, envelope)
       SELECT 1, * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::integer[], $5::bytea[])`,
      [batch.map((a) => a.insee), batch.map((a) => a.auditId), batch.map((a) => a.versionDate), envelopes.map(sealedSize), envelopes.map((e) => Buffer.from(e))],
    );
  }
  const stored = await client.query<{ n: string; mb: string }>('SELECT count(*) AS n, sum(length(envelope)) / 1e6 AS mb FROM envelope');
  await client.end();
  process.stderr.write(`pull bench: ${stored.rows[0]?.n} envelopes (${Number(stored.rows[0]?.mb).toFixed(1)} MB) sealed and stored in ${Math.round(performance.now() - sealStart)} ms\n`);

  // PULL_CPU_PROF=<file>: the page's CPU profile during the pull (open it in Chrome's DevTools).
  const cdp = process.env.PULL_CPU_PROF ? await page.context().newCDPSession(page) : null;
  await cdp?.send('Profiler.enable');
  await cdp?.send('Profiler.start');
  const workers = debugPort === null ? null : await profileWorkers(debugPort, page.url(), 'pull');
  const { ms: pullMs, receivedMs } = await timed(page, () => page.getByRole('button', { name: 'Recevoir' }).click());
  if (cdp && process.env.PULL_CPU_PROF) writeFileSync(process.env.PULL_CPU_PROF, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  await workers?.stop();
  const status = await page.locator('.mailbox [role=status]').textContent();
  const figures = {
    bench: 'mailbox-pull',
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
    audits: COUNT,
    fileImportMs: Math.round(fileMs),
    pullMs: Math.round(pullMs),
    // Of which: the stream read and every envelope opened, before the import's own steps.
    pullReceivedMs: receivedMs === null ? null : Math.round(receivedMs),
    ratio: Number((pullMs / fileMs).toFixed(2)),
    status,
    target: 1.5,
  };
  console.log(`MAILBOX-BENCH ${JSON.stringify(figures)}`);
  expect(status).toMatch(new RegExp(`^Réception terminée : ${COUNT.toLocaleString('fr-FR').replace(/\s/g, '\\s')} importé`));
});
