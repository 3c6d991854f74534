// Generates realistic Cyberdiag export files for the EPCI benchmark: real communes (INSEE code, name, population,
// EPCI from @etalab/decoupage-administratif), one completed audit each, answered over the real questionnaire
// (conditions respected, "je ne sais pas" now and then, answers that lean with each commune's maturity), written
// in the app's export format (version 1) and split into files under the import cap (20 MB).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

/** Mulberry32: the same "random" communes on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadQuestionnaire() {
  const manifest = readJson('questionnaires/manifest.json');
  return { ...manifest, themes: manifest.themes.map((id) => readJson(`questionnaires/themes/${id}.json`)) };
}

function loadCommunes() {
  const communes = readJson('node_modules/@etalab/decoupage-administratif/data/communes.json').filter((c) => c.type === 'commune-actuelle');
  const epciOf = new Map();
  for (const epci of readJson('node_modules/@etalab/decoupage-administratif/data/epci.json')) {
    for (const member of epci.membres) epciOf.set(member.code, { siren: epci.code, name: epci.nom });
  }
  return communes.map((c) => ({ insee: c.code, name: c.nom, population: c.population ?? 100, postcode: c.codesPostaux?.[0] ?? '', epci: epciOf.get(c.code) ?? null }));
}

function applicable(question, profile) {
  return !(question.notApplicableIf ?? []).some((c) =>
    c.field === 'itProvider' || c.field === 'hasServer' ? profile[c.field] === c.equals : profile[c.field] < c.below,
  );
}

function answersFor(questionnaire, profile, random, date) {
  const maturity = random();
  const answers = {};
  let second = 0;
  const stamp = () => new Date(date.getTime() + 1000 * second++).toISOString();
  for (const theme of questionnaire.themes) {
    for (const question of theme.questions) {
      if (!applicable(question, profile)) continue;
      if (question.showIf) {
        const parent = answers[question.showIf.question];
        if (parent?.kind !== 'option' || !question.showIf.anyOf.includes(parent.optionId)) continue;
      }
      if (random() < 0.08) {
        answers[question.id] = { kind: 'dontKnow', answeredAt: stamp() };
        continue;
      }
      // A mature commune mostly picks the best options, a fragile one the worst.
      // A « sans objet » option (version 2) has no score: it sorts last rather than comparing as NaN.
      const sorted = [...question.options].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
      const lean = Math.min(sorted.length - 1, Math.floor((1 - maturity) * sorted.length * random() * 1.6));
      answers[question.id] = { kind: 'option', optionId: sorted[lean].id, answeredAt: stamp() };
    }
  }
  return answers;
}

/** `count` communes, spread over France (every nth commune), one export file per `perFile` audits. */
export function generateExportFiles({ count, dir, perFile = 2_000, seed = 42, asciiOnly = true }) {
  const questionnaire = loadQuestionnaire();
  const all = loadCommunes();
  const step = all.length / count;
  const picked = Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]);
  const random = prng(seed);
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  let bytes = 0;
  for (let start = 0; start < picked.length; start += perFile) {
    const communes = [];
    const audits = [];
    for (const c of picked.slice(start, start + perFile)) {
      const agents = Math.max(1, Math.round(c.population / 250));
      const profile = { population: c.population, agents, computers: agents + 2, itProvider: random() < 0.7, hasServer: random() < 0.4 };
      const created = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 600) * 86_400_000);
      const communeId = randomUUID();
      communes.push({
        id: communeId,
        name: c.name,
        insee: c.insee,
        postcode: /^\d{5}$/.test(c.postcode) ? c.postcode : '',
        epciSiren: c.epci?.siren ?? '',
        epciName: c.epci?.name ?? '',
        profile,
        createdAt: created.toISOString(),
        updatedAt: created.toISOString(),
      });
      const answers = answersFor(questionnaire, profile, random, created);
      const done = new Date(created.getTime() + 3 * 86_400_000).toISOString();
      audits.push({
        id: randomUUID(),
        communeId,
        questionnaireId: questionnaire.id,
        questionnaireVersion: questionnaire.version,
        auditor: 'Secrétaire de mairie',
        status: 'completed',
        profile,
        answers,
        previousAuditId: null,
        unconfirmed: [],
        lastThemeId: null,
        origin: 'local',
        startedAt: created.toISOString(),
        updatedAt: done,
        completedAt: done,
      });
    }
    const document = {
      format: 'cyberdiag-export',
      version: 1,
      exportedAt: '2026-11-25T09:00:00.000Z',
      app: { version: '0.1.0' },
      kind: 'audits',
      payload: { communes, audits, planItems: [] },
    };
    const file = path.join(dir, `communes-${String(files.length + 1).padStart(3, '0')}.cyberdiag.json`);
    // Written as the app writes its exports (src/domain/exchange/ascii-json.ts): ASCII, every other character as a
    // \u escape. `asciiOnly: false` writes the accents as UTF-8, as files from before that change (or other tools) do.
    const json = JSON.stringify(document);
    const text = asciiOnly ? json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    files.push(file);
  }
  return { files, bytes };
}
