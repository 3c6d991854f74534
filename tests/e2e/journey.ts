/** What a secrétaire de mairie does, step by step, for the browser tests to reuse. */
import type { Page } from 'playwright-core';

export interface CommuneData {
  name: string;
  population: string;
  agents: string;
  computers: string;
  itProvider: boolean;
  hasServer: boolean;
}

/** Bounds for the loops that walk an audit: well above the questionnaire's size, so that a stuck page fails. */
const MAX_QUESTIONS_PER_THEME = 100;
const MAX_THEMES = 50;

export const SAINT_EXEMPLE: CommuneData = {
  name: 'Saint-Exemple-sur-Loire',
  population: '1240',
  agents: '5',
  computers: '7',
  itProvider: true,
  hasServer: true,
};

export async function createCommune(page: Page, commune: CommuneData = SAINT_EXEMPLE): Promise<void> {
  await page.getByRole('link', { name: 'Ajouter une commune' }).click();
  await page.getByLabel('Nom de la commune').fill(commune.name);
  await page.getByLabel("Nombre d'habitants").fill(commune.population);
  await page.getByLabel("Nombre d'agents").fill(commune.agents);
  await page.getByLabel("Nombre d'ordinateurs").fill(commune.computers);
  await page.getByRole('group', { name: /prestataire/ }).getByLabel(commune.itProvider ? 'Oui' : 'Non').check();
  await page.getByRole('group', { name: /serveur/ }).getByLabel(commune.hasServer ? 'Oui' : 'Non').check();
  await page.getByRole('button', { name: 'Enregistrer la commune' }).click();
  await page.getByRole('heading', { level: 1, name: commune.name }).waitFor();
}

export async function startAudit(page: Page, auditor = 'Secrétaire de mairie'): Promise<void> {
  await page.getByLabel("Qui réalise l'audit ?").fill(auditor);
  await page.getByRole('button', { name: "Commencer l'audit" }).click();
  await page.waitForURL(/\/themes\//);
}

/**
 * Answers every question shown on the current theme page, follow-ups included, with the option chosen by
 * `pick` (index among the options; the last radio is "Je ne sais pas"). Returns how many were answered.
 */
export async function answerThemePage(page: Page, pick: (questionIndex: number, optionCount: number) => number): Promise<number> {
  let answered = 0;
  await page.locator('fieldset.question').first().waitFor();
  const savedCount = () => page.locator('.save-status').getAttribute('data-saved-count').then(Number);
  const savedBefore = await savedCount();
  // More answers than a theme has questions means the page is not taking them.
  for (let round = 0; round < MAX_QUESTIONS_PER_THEME; round += 1) {
    const open = page.locator('fieldset.question:not(:has(input:checked))');
    if ((await open.count()) === 0) {
      // A follow-up question is on screen by the time the answer that calls for it is stored (the page shows
      // an answer as it is given, then counts it stored): once every answer is counted, none is still to come.
      await page.waitForFunction(
        (n) => Number(document.querySelector('.save-status')?.getAttribute('data-saved-count')) >= n,
        savedBefore + answered,
      );
      if ((await open.count()) === 0) return answered;
    }
    const question = open.first();
    const radios = question.getByRole('radio');
    const count = await radios.count();
    await radios.nth(pick(answered, count)).check();
    answered += 1;
  }
  throw new Error(`Answered ${answered} questions on ${page.url()} and some are still open.`);
}

/** Walks every theme from the current one to the results, answering everything. */
export async function answerAllThemes(page: Page, pick: (questionIndex: number, optionCount: number) => number): Promise<number> {
  let total = 0;
  for (let themes = 1; ; themes += 1) {
    total += await answerThemePage(page, pick);
    const next = page.getByRole('link', { name: /^Thème suivant/ });
    if ((await next.count()) === 0) break;
    if (themes >= MAX_THEMES) throw new Error(`Still a next theme after ${themes} themes, on ${page.url()}.`);
    const href = (await next.getAttribute('href')) ?? '';
    await next.click();
    await page.waitForURL((url) => url.pathname === href);
    await page.locator('fieldset.question').first().waitFor();
  }
  await page.getByRole('link', { name: 'Voir mes résultats' }).click();
  await page.waitForURL(/\/results$/);
  return total;
}
