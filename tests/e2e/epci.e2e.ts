/**
 * The EPCI view in Chromium, as a chargé de mission uses it: picks the intercommunalité in the directory,
 * imports the files sent by three member communes (two files and a stray one) in one go, reads who is missing,
 * downloads the CSV and the PDF for the conseil communautaire, and opens a commune's results, now compared with
 * the other members. The files are made here, in the app's export format, over the real questionnaire.
 */
import { execFileSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { appSessionsPerTest } from './browser';

const baseUrl = inject('baseUrl');
const root = path.resolve(import.meta.dirname, '../..');
const sessions = appSessionsPerTest();

interface Question {
  id: string;
  showIf?: unknown;
  /** A « sans objet » option has no score (version 2): never picked as best, worst or middle. */
  options: Array<{ id: string; score?: number }>;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const manifest = readJson('questionnaires/manifest.json') as { id: string; version: number; themes: string[] };
const questions = manifest.themes.flatMap((id) => (readJson(`questionnaires/themes/${id}.json`) as { questions: Question[] }).questions);

const EPCI = { siren: '200000628', name: 'CC Rhône Lez Provence' };

/** A commune of the EPCI with one completed audit, every question answered with its best, worst or middle option. */
function communeWithAudit(insee: string, name: string, population: number, pick: 'best' | 'worst' | 'middle') {
  const at = '2026-10-01T09:00:00.000Z';
  const profile = { population, agents: 4, computers: 6, itProvider: true, hasServer: false };
  const commune = { id: randomUUID(), name, insee, postcode: '', epciSiren: EPCI.siren, epciName: EPCI.name, profile, createdAt: at, updatedAt: at };
  const answers = Object.fromEntries(
    questions
      .filter((q) => !q.showIf)
      .map((q) => {
        const scored = q.options.flatMap((o) => (o.score === undefined ? [] : [{ id: o.id, score: o.score }]));
        const sorted = scored.sort((a, b) => b.score - a.score);
        const option = pick === 'best' ? sorted[0] : pick === 'worst' ? sorted.at(-1) : sorted[Math.floor(sorted.length / 2)];
        return [q.id, { kind: 'option', optionId: option?.id ?? '', answeredAt: at }];
      }),
  );
  const audit = {
    id: randomUUID(),
    communeId: commune.id,
    questionnaireId: manifest.id,
    questionnaireVersion: manifest.version,
    auditor: 'Secrétaire de mairie',
    status: 'completed',
    profile,
    answers,
    previousAuditId: null,
    unconfirmed: [],
    lastThemeId: null,
    origin: 'local',
    startedAt: at,
    updatedAt: at,
    completedAt: at,
  };
  return { commune, audit };
}

function exportFile(name: string, records: Array<ReturnType<typeof communeWithAudit>>) {
  const document = {
    format: 'cyberdiag-export',
    version: 1,
    exportedAt: '2026-11-20T10:00:00.000Z',
    app: { version: '0.1.0' },
    kind: 'audits',
    payload: { communes: records.map((r) => r.commune), audits: records.map((r) => r.audit), planItems: [] },
  };
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) };
}

describe('the EPCI view', () => {
  it('imports several files at once, shows who is missing, exports CSV and PDF, and compares a commune with the others', async () => {
    const session = await sessions.open(baseUrl);
    const { page } = session;
    await page.goto(`${baseUrl}/epci`);

    // The intercommunalité, picked in the official directory with the keyboard.
    const search = page.getByRole('combobox', { name: "Choisir l'intercommunalité (EPCI)" });
    await search.fill('Rhône Lez');
    await page.getByRole('option', { name: new RegExp(EPCI.name) }).waitFor();
    await search.press('ArrowDown');
    await search.press('Enter');
    await page.waitForURL(`${baseUrl}/epci/${EPCI.siren}`);
    await page.getByRole('heading', { level: 1, name: EPCI.name }).waitFor();
    await page.getByText('0 commune membre sur 5 a un audit sur cet appareil.').waitFor();

    await page.getByLabel('Choisir des fichiers').setInputFiles([
      exportFile('bollene-et-lapalud.cyberdiag.json', [
        communeWithAudit('84019', 'Bollène', 13_500, 'best'),
        communeWithAudit('84064', 'Lapalud', 3_900, 'worst'),
      ]),
      exportFile('mornas.cyberdiag.json', [communeWithAudit('84083', 'Mornas', 2_300, 'middle')]),
      { name: 'compte-rendu.json', mimeType: 'application/json', buffer: Buffer.from('{"réunion": "conseil"}') },
    ]);
    await page.getByText('Import terminé : 3 fichiers traités.').waitFor();
    await expect.poll(() => page.getByText('Résultat : 2 fichiers importés, 0 déjà présent, 1 refusé.').count()).toBe(1);
    expect(await page.getByRole('listitem').filter({ hasText: 'compte-rendu.json' }).textContent()).toContain("refusé : ce n'est pas un export Cyberdiag.");
    expect(await page.getByRole('listitem').filter({ hasText: 'bollene-et-lapalud.cyberdiag.json' }).textContent()).toContain('importé (2 audits).');

    // Who has sent an audit, who has not.
    await page.getByText('3 communes membres sur 5 ont un audit sur cet appareil.').waitFor();
    const missing = page.getByRole('heading', { name: '2 communes sans audit' }).locator('xpath=following-sibling::ul[1]');
    expect(await missing.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Lamotte-du-Rhône /),
      expect.stringMatching(/^Mondragon /),
    ]);

    // The heat map: the score as text in every cell.
    const table = page.getByRole('table', { name: 'Score de chaque commune par thème, sur 100' });
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(['Bollène', 'Lapalud', 'Mornas']);
    // Population, date, questionnaire version, then the overall score.
    expect(await table.getByRole('row', { name: /Bollène/ }).getByRole('cell').nth(2).textContent()).toBe('v2');
    expect(await table.getByRole('row', { name: /Bollène/ }).getByRole('cell').nth(3).textContent()).toBe('100');

    // CSV: UTF-8 with its byte order mark, ';' between cells, accents intact.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Télécharger le tableau en CSV/ }).click()]);
    const bytes = readFileSync(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('\r\nBollène;84019;13500;10 000 hab. et plus;2026-10-01;terminé;');
    expect(csv.suggestedFilename()).toMatch(/^cc-rhone-lez-provence-\d{4}-\d{2}-\d{2}\.csv$/);

    // Spreadsheet: made on the device by a chunk loaded on the click; the codes are text cells, as written.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Télécharger le tableau pour tableur/ }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^cc-rhone-lez-provence-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = unzipSync(readFileSync(await xlsx.path()));
    const strings = Object.entries(workbook)
      .filter(([name]) => name.startsWith('xl/'))
      .map(([, content]) => strFromU8(content))
      .join('\n');
    expect(strings).toMatch(/>84019</);
    expect(strings).toContain('Bollène');

    // PDF for the conseil communautaire: an exact French text layer.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le rapport PDF pour le conseil communautaire' }).click()]);
    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', await pdf.path(), '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('Synthèse pour le conseil communautaire');
    expect(pdfText).toContain(EPCI.name);
    expect(pdfText).toContain('Lamotte-du-Rhône');
    expect(pdfText).toContain('Carte de chaleur des communes');
    expect(pdfText).toContain('l’intercommunalité');

    // A commune's results now compare it with the other members.
    await table.getByRole('link', { name: 'Bollène' }).click();
    await page.getByRole('heading', { name: `Votre commune et les autres communes de ${EPCI.name}` }).waitFor();
    const overall = page.getByRole('region', { name: /moyenne des autres communes/ }).getByRole('row', { name: /^Score global/ });
    expect(await overall.getByRole('cell').first().textContent()).toBe('100');
  });
});
