/**
 * Draws the report of a fully answered audit with jsPDF (node build) and reads its text layer back with
 * poppler's pdftotext, as a person copying text from the PDF would: the French must come out exact.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel, buildShortReportModel } from '../../../src/pdf/report-model';
import { renderReport } from '../../../src/pdf/render-report';
import { typographic } from '../../../src/pdf/report-format';
import { COMMUNE_NAME, reportInput } from './report-fixture';

const fonts = {
  regular: readFileSync('src/pdf/fonts/noto-sans-regular.ttf').toString('base64'),
  bold: readFileSync('src/pdf/fonts/noto-sans-bold.ttf').toString('base64'),
};

async function pdfText(language: 'fr' | 'en'): Promise<{ pages: string[]; text: string }> {
  const bytes = renderReport(buildReportModel(await reportInput(language)), fonts);
  const file = join(mkdtempSync(join(tmpdir(), 'cyberdiag-pdf-')), `report-${language}.pdf`);
  writeFileSync(file, Buffer.from(bytes));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  // pdftotext ends each page with a form feed.
  return { pages: text.split('\f').filter((page) => page.trim() !== ''), text };
}

describe('renderReport', () => {
  it('writes exact French: accents, œ, « », €, typographic apostrophes, page numbers', async () => {
    const { pages, text } = await pdfText('fr');
    const total = pages.length;
    expect(total).toBeGreaterThan(12);
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} sur ${total}`));
    expect(text).toContain(COMMUNE_NAME);
    expect(text).toContain('Communauté de communes du Val d’Œuf');
    expect(text).toContain('Élodie Marçais, secrétaire de mairie');
    for (const title of [
      'Synthèse pour le conseil municipal',
      'Les cinq priorités',
      'Plan d’action',
      'Fiches actions',
      'Annexe : toutes les réponses',
      'Glossaire',
      'En cas d’attaque : que faire ?',
    ]) {
      expect(text).toContain(title);
    }
    expect(text).toMatch(/«\s?je ne sais pas\s?»/);
    expect(text).toMatch(/1\s200 €/);
    expect(text).toContain('€€€');
    expect(text).toContain('Hameçonnage');
    expect(text).toContain('Rançongiciel');
    expect(text).toContain('prestataire');
    expect(text).toMatch(/[éèàçô]/);
    expect(text).toContain('Cœur');
    // No straight apostrophe is left between two letters, in our words or in the questionnaire's.
    expect(text).not.toMatch(/\p{L}'\p{L}/u);
  });

  it('keeps the summary for the conseil municipal on one page, and gives each theme its own', async () => {
    const input = await reportInput('fr');
    const { pages } = await pdfText('fr');
    expect(pages[1]).toContain('Synthèse pour le conseil municipal');
    expect(pages[1]).toContain('Ce que le conseil peut décider');
    // Each theme starts a page of its own, in the questionnaire's order (a long one may run onto a second page).
    const starts = input.questionnaire.themes.map((theme) => pages.findIndex((page) => page.replace(/\s+/g, ' ').trimStart().startsWith(typographic(theme.title.fr))));
    // The vital controls come right after the summary, on their own page.
    expect(pages[2]?.trimStart().startsWith('Les contrôles vitaux')).toBe(true);
    expect(starts[0]).toBeGreaterThan(2);
    expect(starts.every((start, index) => start > (starts[index - 1] ?? 2))).toBe(true);
    // The cover lists the sections; the attack sheet, to print and pin up, is the last page, whole.
    expect(pages[0]).toContain('Sommaire');
    expect(pages.at(-1)?.trimStart().startsWith('En cas d’attaque : que faire ?')).toBe(true);
    expect(pages.at(-1)).toContain('Élu référent');
  });

  it('is in English when the app is', async () => {
    const { pages, text } = await pdfText('en');
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
    for (const title of ['Summary for the municipal council', 'The five priorities', 'Action plan', 'Glossary', 'If you are attacked: what to do']) {
      expect(text).toContain(title);
    }
    expect(text).not.toContain('Synthèse');
  });

  it('makes the short report in at most four pages: the summary, the vital controls, the plan', async () => {
    const bytes = renderReport(buildShortReportModel(await reportInput('fr')), fonts);
    const file = join(mkdtempSync(join(tmpdir(), 'cyberdiag-pdf-')), 'short.pdf');
    writeFileSync(file, Buffer.from(bytes));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeLessThanOrEqual(4);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const title of ['Synthèse pour le conseil municipal', 'Les contrôles vitaux', 'Plan d’action']) expect(text).toContain(title);
    expect(text).not.toContain('Annexe : toutes les réponses');
    expect(text).toContain(`Page ${pages} sur ${pages}`);
  });
});
