/**
 * The action plan of a realistic small commune (780 inhabitants, a mix of good practices, gaps, partial answers
 * and "je ne sais pas"), as a secrétaire works through it: the plan in horizons fits in a few screens, a row opens
 * and closes from the keyboard, the questions to ask are gathered by whom to ask, no accessibility violation.
 */
import { describe, expect, inject, it } from 'vitest';
import { settle } from './app-pages';
import { axeViolations } from './axe';
import { appSessionsPerTest } from './browser';
import { answerAllThemes, createCommune, startAudit } from './journey';

const baseUrl = inject('baseUrl');
const sessions = appSessionsPerTest();
const VIEWPORT = { width: 1280, height: 900 };

/**
 * In turn: the worst option, a middle one, the best, the worst, "je ne sais pas", a middle one. (More "worst"
 * answers make a shorter plan: a missing backup hides its follow-up questions, leaving a few implied gaps.)
 */
function realisticMix(index: number, count: number): number {
  const best = count - 2;
  const middle = Math.max(0, Math.floor((count - 2) / 2));
  return [0, middle, best, 0, count - 1, middle][index % 6] ?? 0;
}

describe('the action plan of a realistic commune', () => {
  it('fits in a few screens, in horizons, and opens a row from the keyboard', async () => {
    const { page } = await sessions.open(baseUrl, { viewport: VIEWPORT });
    await page.goto(baseUrl);
    await settle(page);
    await createCommune(page, { name: 'Saint-Plan-sur-Orge', population: '780', agents: '3', computers: '5', itProvider: true, hasServer: true });
    await startAudit(page, 'Élodie Marçais');
    await answerAllThemes(page, realisticMix);
    await page.getByRole('link', { name: 'Plan d’action' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan d’action de Saint-Plan-sur-Orge' }).waitFor();
    await settle(page);

    const rows = page.locator('li.plan-row');
    const count = await rows.count();
    const horizons = await page.locator('.plan-horizon h2').allTextContents();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    // The figure quoted in docs/plan-page-height.md.
    console.info(`plan page: ${count} rows, ${horizons.join(' | ')}, ${height} px at ${VIEWPORT.width}×${VIEWPORT.height}`);
    // Version 2 of the questionnaire, sized to the commune, gives this commune 36 actions (version 1 gave 47).
    expect(count).toBeGreaterThanOrEqual(30);
    expect(horizons[0]).toMatch(/^Ce mois-ci/);
    // A few screens, where one card per action made it about 25.
    expect(height).toBeLessThan(6 * VIEWPORT.height);

    // A row opens and closes with Enter and Space on its title; its follow-up fields are then reachable.
    const toggle = rows.first().getByRole('button').first();
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await rows.first().getByLabel('Responsable').fill('Mme Lefèvre');
    expect(await axeViolations(page, 'plan, a row open')).toEqual([]);
    await toggle.focus();
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await rows.first().getByLabel('Responsable').count()).toBe(0);

    // The questions to ask, one message per person.
    await page.getByRole('link', { name: 'Préparer les questions à poser, par interlocuteur' }).click();
    await page.getByRole('heading', { level: 1, name: 'Questions à poser pour Saint-Plan-sur-Orge' }).waitFor();
    const mail = page.getByRole('link', { name: 'Ouvrir dans ma messagerie' }).first();
    expect(await mail.getAttribute('href')).toMatch(/^mailto:\?subject=Cybers%C3%A9curit%C3%A9%20de%20la%20mairie%20de%20Saint-Plan-sur-Orge/);
    expect(await axeViolations(page, 'questions to ask')).toEqual([]);
  });
});
