/**
 * The PDF report in Chromium, as a secrétaire makes it: a whole audit answered, the plan followed up, the
 * network cut, then "Télécharger le rapport PDF". The download's text layer is read back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, waitForServiceWorkerControl } from './browser';
import { answerAllThemes, createCommune, SAINT_EXEMPLE, startAudit } from './journey';
import { startPreview } from './preview-server';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const COMMUNE = 'Saint-Cœur-d’Arçonnière';

/** The scripts the page itself has loaded (the service worker's precache is not counted). */
const loadedScripts = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js')));

async function downloadReport(page: Page, name: string): Promise<{ fileName: string; text: string; pages: string[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const path = await download.path();
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  return { fileName: download.suggestedFilename(), text, pages: text.split('\f').filter((page) => page.trim() !== '') };
}

describe('the PDF report', () => {
  it('is made in the browser, offline, loaded only when asked for, in exact French and in English', async () => {
    const server = await startPreview();
    const session = await openApp(browser, server.url);
    const { page, context } = session;
    await waitForServiceWorkerControl(page);

    await createCommune(page, { ...SAINT_EXEMPLE, name: COMMUNE });
    await startAudit(page, 'Élodie Marçais');
    // Worst option, a middle one, the best one, "je ne sais pas" (the last radio), in turn.
    await answerAllThemes(page, (index, count) => [0, Math.floor((count - 1) / 2), count - 2, count - 1][index % 4] ?? 0);

    await page.getByRole('link', { name: 'Plan d’action' }).click();
    await page.getByRole('heading', { level: 1, name: `Plan d’action de ${COMMUNE}` }).waitFor();
    const first = page.getByRole('list', { name: 'Ce mois-ci' }).getByRole('listitem').first();
    await first.getByLabel(/^Statut :/).selectOption({ label: 'En cours' });
    await first.getByRole('button', { expanded: false }).first().click();
    await first.getByLabel('Responsable').fill('Mme Lefèvre');
    await first.getByLabel('Note').fill('Devis à 1 200 € « à voter »');
    expect((await loadedScripts(page)).filter((url) => /generate-report/.test(url))).toEqual([]);

    // Offline from here: the PDF code and its fonts come from the service worker's precache.
    await server.close();
    await context.setOffline(true);

    const french = await downloadReport(page, 'Télécharger le rapport PDF');
    expect((await loadedScripts(page)).some((url) => /generate-report/.test(url))).toBe(true);
    expect(french.fileName).toMatch(/^rapport-cyberdiag-saint-coeur-d-arconniere-\d{4}-\d{2}-\d{2}\.pdf$/);
    const total = french.pages.length;
    expect(total).toBeGreaterThan(12);
    french.pages.forEach((text, index) => expect(text).toContain(`Page ${index + 1} sur ${total}`));
    for (const expected of [
      COMMUNE,
      'Élodie Marçais',
      'Synthèse pour le conseil municipal',
      'Plan d’action',
      'Mme Lefèvre',
      'En cours',
      'Annexe : toutes les réponses',
      'Glossaire',
      'En cas d’attaque : que faire ?',
      'Hameçonnage',
      '€€',
    ]) {
      expect(french.text).toContain(expected);
    }
    expect(french.text).toMatch(/1\s200 €/);
    expect(french.text).toMatch(/«\s?je ne sais pas\s?»/);
    expect(french.text).not.toMatch(/\p{L}'\p{L}/u);

    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: `Action plan for ${COMMUNE}` }).waitFor();
    const english = await downloadReport(page, 'Download the PDF report');
    english.pages.forEach((text, index) => expect(text).toContain(`Page ${index + 1} of ${english.pages.length}`));
    for (const expected of ['Summary for the municipal council', 'The five priorities', 'Action plan', 'Glossary', 'If you are attacked: what to do']) {
      expect(english.text).toContain(expected);
    }

    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    await context.close();
  });
});
