// Measures the export file pipeline with a generated file of 1,000 audits (78 answers and 5 plan items each, 100
// communes): in Node, reading (JSON.parse + strict schema + cross-record checks), planning, and passphrase
// encryption; in Chromium (Vite dev server, real IndexedDB), the whole import as the app does it (Blob → checked
// file → one transaction), a re-import where every audit conflicts ("keep both"), and the same records written with
// raw IndexedDB for the ratio. Prints one JSON line. Run alone with `node tests/bench/exchange.mjs`;
// EXCHANGE_BENCH_AUDITS=34969 measures at the scale of every commune of France.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { launchBrowser, summarize } from './_lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const AUDITS = Number(process.env.EXCHANGE_BENCH_AUDITS ?? 1000);
const round = (ms) => Math.round(ms * 10) / 10;

/** The questions and options of the shipped questionnaire, so the generated answers look like real ones. */
function questions() {
  const dir = path.join(root, 'questionnaires/themes');
  return fs
    .readdirSync(dir)
    .sort()
    .flatMap((file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')).questions.map((q) => ({ id: q.id, options: q.options.map((o) => o.id), actions: q.actions ?? [] })));
}

/** The version of the shipped questionnaire, whose ids the generated answers use (the import door checks them). */
const QUESTIONNAIRE_VERSION = JSON.parse(fs.readFileSync(path.join(root, 'questionnaires/manifest.json'), 'utf8')).version;

/** A deterministic export document: `audits` audits over audits/10 communes. */
function generateExport(audits) {
  const qs = questions();
  const pad = (n, width) => String(n).padStart(width, '0');
  const at = (day, minute = 0) => new Date(Date.UTC(2026, 0, 1 + (day % 300), 8, minute)).toISOString();
  const communeCount = Math.max(1, Math.ceil(audits / 10));
  const communes = Array.from({ length: communeCount }, (_, i) => ({
    id: `c0000000-0000-4000-8000-${pad(i, 12)}`,
    name: `Commune numéro ${i + 1}`,
    insee: pad(1001 + i, 5),
    postcode: pad(1000 + (i % 900), 5),
    epciSiren: '200071751',
    epciName: 'Communauté de communes de test',
    profile: { population: 200 + i * 7, agents: 1 + (i % 20), computers: 2 + (i % 30), itProvider: i % 2 === 0, hasServer: i % 3 === 0 },
    createdAt: at(i),
    updatedAt: at(i, 5),
  }));
  const auditList = [];
  const planItems = [];
  for (let i = 0; i < audits; i++) {
    const commune = communes[i % communeCount];
    const id = `a0000000-0000-4000-8000-${pad(i, 12)}`;
    const answers = {};
    qs.forEach((q, k) => {
      answers[q.id] = (i + k) % 9 === 0 ? { kind: 'dontKnow', answeredAt: at(i, k % 60) } : { kind: 'option', optionId: q.options[(i + k) % q.options.length], answeredAt: at(i, k % 60) };
    });
    auditList.push({
      id,
      communeId: commune.id,
      questionnaireId: 'cyberdiag-commune',
      questionnaireVersion: QUESTIONNAIRE_VERSION,
      auditor: 'Conseillère numérique',
      status: 'completed',
      profile: commune.profile,
      answers,
      previousAuditId: null,
      unconfirmed: [],
      lastThemeId: 'backup',
      origin: 'local',
      startedAt: at(i),
      updatedAt: at(i, 59),
      completedAt: at(i, 59),
    });
    const actions = [...new Set(qs.flatMap((q) => q.actions))];
    for (let p = 0; p < 5; p++) {
      planItems.push({ auditId: id, actionId: actions[(i + p) % actions.length], communeId: commune.id, owner: 'Maire', dueDate: '2027-03-31', status: 'todo', note: 'Voir avec le prestataire.', updatedAt: at(i, 59) });
    }
  }
  return { format: 'cyberdiag-export', version: 1, exportedAt: '2026-11-25T10:00:00.000Z', app: { version: 'bench' }, kind: 'audits', payload: { communes, audits: auditList, planItems } };
}

async function inNode(server, text) {
  const { openExportText } = await server.ssrLoadModule('/src/domain/exchange/read-export-file.ts');
  const { KNOWN_ANSWER_IDS: answerIds } = await server.ssrLoadModule('/src/content/questionnaire-ids.ts');
  const { planImport } = await server.ssrLoadModule('/src/domain/exchange/plan-import.ts');
  const { encryptExport, decryptExport } = await server.ssrLoadModule('/src/crypto/passphrase-cipher.ts');
  const readTimes = [];
  let parsed;
  // Run 0 warms the JIT up and is not counted.
  for (let run = 0; run <= 5; run++) {
    const start = performance.now();
    const opened = openExportText(text, { now: new Date(), answerIds });
    if (run > 0) readTimes.push(performance.now() - start);
    if (!opened.ok) throw new Error(`generated file refused: ${JSON.stringify(opened.error)}`);
    parsed = opened.value.parsed;
  }
  const start = performance.now();
  let n = 0;
  planImport([parsed.payload], { existingAudits: new Map(), existingCommunes: [] }, { decide: () => 'keep-both', newId: () => `n${++n}` });
  const planMs = performance.now() - start;
  const e0 = performance.now();
  const envelope = await encryptExport(text, 'bench passphrase, not a secret');
  const e1 = performance.now();
  const decrypted = await decryptExport(envelope, 'bench passphrase, not a secret');
  const e2 = performance.now();
  if (!decrypted.ok || decrypted.value !== text) throw new Error('encryption round trip failed');
  const read = summarize(readTimes);
  return {
    read,
    auditsPerSecondRead: Math.round(AUDITS / (read.medianMs / 1000)),
    planMs: round(planMs),
    encryptMs: round(e1 - e0),
    decryptMs: round(e2 - e1),
    encryptedBytes: JSON.stringify(envelope).length,
  };
}

async function inChromium(server, text) {
  const url = server.resolvedUrls?.local[0] ?? '';
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(url);
    return await page.evaluate(async (fileText) => {
      const { openExportFile, writeImport } = await import('/src/services/exchange/import-files.ts');
      const { db } = await import('/src/db/database.ts');
      const time = async (fn) => {
        const start = performance.now();
        const value = await fn();
        return [performance.now() - start, value];
      };
      await Promise.all([db.communes.clear(), db.audits.clear(), db.planItems.clear()]);
      const [readMs, opened] = await time(() => openExportFile(new Blob([fileText]), { maxBytes: 500 * 1024 * 1024 }));
      if (!opened.ok) throw new Error(`refused: ${opened.error.code} ${opened.error.detail ?? ''}`);
      const [writeMs, written] = await time(() => writeImport([opened.value], new Map()));
      if (!written.ok) throw new Error(`write failed: ${written.error.code}`);
      // Every audit is now on the device: the same file again, "keep both" for all.
      const decisions = new Map(opened.value.payload.audits.map((a) => [a.id, 'keep-both']));
      const [reimportMs, again] = await time(() => writeImport([opened.value], decisions));
      if (!again.ok) throw new Error(`re-import failed: ${again.error.code}`);
      const audits = await db.audits.count();

      // The same records with raw IndexedDB, one transaction, no Dexie, no checks: the floor.
      const { communes, audits: auditRecords, planItems } = opened.value.payload;
      const raw = await new Promise((resolve, reject) => {
        const request = indexedDB.open('bench-raw', 1);
        request.onupgradeneeded = () => {
          const rawDb = request.result;
          rawDb.createObjectStore('communes', { keyPath: 'id' });
          rawDb.createObjectStore('audits', { keyPath: 'id' }).createIndex('communeId', 'communeId');
          rawDb.createObjectStore('planItems', { keyPath: ['auditId', 'actionId'] });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const [rawWriteMs] = await time(
        () =>
          new Promise((resolve, reject) => {
            const tx = raw.transaction(['communes', 'audits', 'planItems'], 'readwrite');
            for (const c of communes) tx.objectStore('communes').put(c);
            for (const a of auditRecords) tx.objectStore('audits').put(a);
            for (const p of planItems) tx.objectStore('planItems').put(p);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          }),
      );
      raw.close();
      return { readMs, writeMs, importMs: readMs + writeMs, reimportKeepBothMs: reimportMs, rawWriteMs, auditsAfter: audits };
    }, text);
  } finally {
    await browser.close();
  }
}

const server = await createServer({ root, server: { host: '127.0.0.1', port: 0, hmr: false }, logLevel: 'error' });
try {
  const document = generateExport(AUDITS);
  const text = JSON.stringify(document);
  const node = await inNode(server, text);
  await server.listen();
  let chromium;
  try {
    const c = await inChromium(server, text);
    chromium = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, k.endsWith('Ms') ? round(v) : v]));
    chromium.writeVsRaw = Math.round((c.writeMs / c.rawWriteMs) * 100) / 100;
    chromium.auditsPerSecondImport = Math.round(AUDITS / (c.importMs / 1000));
  } catch (error) {
    chromium = { skipped: String(error).slice(0, 300) };
  }
  console.log(
    JSON.stringify({
      bench: 'exchange',
      audits: AUDITS,
      communes: document.payload.communes.length,
      planItems: document.payload.planItems.length,
      answersPerAudit: Object.keys(document.payload.audits[0].answers).length,
      fileBytes: Buffer.byteLength(text),
      node,
      chromium,
    }),
  );
} finally {
  await server.close();
}
