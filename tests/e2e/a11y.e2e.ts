/**
 * Accessibility gate: axe-core with the WCAG 2.1 A and AA rules on every page of the app (every route of every
 * feature, discovered from its routes.tsx) and on the states a user meets (form errors, directory search open,
 * help disclosure open, follow-up questions shown), in French, in English and on a phone-sized screen.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appSessionsPerTest } from './browser';
import { axeViolations } from './axe';
import {
  answerImpliedGapAndNotApplicable,
  concretePaths,
  importVersion1Audit,
  questionnaireFacts,
  seedFinishedAudit,
  settle,
  visit,
} from './app-pages';

const baseUrl = inject('baseUrl');
const sessions = appSessionsPerTest({ pageErrors: true });

type Language = 'fr' | 'en';

async function chooseLanguage(page: Page, language: Language): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === language) return;
  await page.locator(`.language-switch button[lang="${language}"]`).click();
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
}

interface Walk {
  violations: string[];
  checked: string[];
  followUpShown: boolean;
}

/**
 * The results page of the seeded version 2 audit: « Pourquoi ce niveau » with the controls that hold the level down
 * (the seed leaves vital controls short of "in place"), the two report buttons; then the page once the short report
 * is made, its status line said.
 */
async function checkResultsAndReports(page: Page, check: (what: string) => Promise<void>, pathname: string): Promise<void> {
  expect(await page.locator('.level-explanation h2').count()).toBe(1);
  expect(await page.locator('.level-explanation .gap-list li').count()).toBeGreaterThan(0);
  const buttons = page.locator('.download-report button');
  expect(await buttons.count()).toBe(2);
  const [download] = await Promise.all([page.waitForEvent('download'), buttons.last().click()]);
  await download.path();
  await page.locator('.download-report__status').filter({ hasText: /\S/ }).waitFor();
  await check(`${pathname}, short report made`);
}

/** Visits every page and state in the given language and runs axe on each; returns what it found. */
async function walkEverything(page: Page, language: Language, label: string): Promise<Walk> {
  const walk: Walk = { violations: [], checked: [], followUpShown: false };
  const check = async (what: string) => {
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    walk.checked.push(what);
    walk.violations.push(...(await axeViolations(page, `${label} ${what}`)));
  };

  // Before any data: the first visit.
  await page.goto(`${baseUrl}/`);
  await settle(page);
  await chooseLanguage(page, language);
  await check('home, no commune yet');

  await visit(page, baseUrl, '/communes/new');
  await check('new commune form');
  const search = page.getByRole('combobox').first();
  await search.fill('Saint-');
  await page.getByRole('option').first().waitFor();
  await check('new commune form, directory search open');
  await search.press('Escape');
  await search.press('Escape');
  await page.locator('main form button[type="submit"]').click();
  await page.locator('.field__error').first().waitFor();
  await check('new commune form, validation errors shown');

  // The seed speaks French (the journey helpers use the French labels); the checks use the language under test.
  await chooseLanguage(page, 'fr');
  const seed = await seedFinishedAudit(page, baseUrl);
  const version1AuditId = await importVersion1Audit(page, baseUrl);
  await answerImpliedGapAndNotApplicable(page, baseUrl, seed.reauditId);
  await chooseLanguage(page, language);

  const { themeIds, followUpIds } = questionnaireFacts();
  const firstTheme = `/audits/${seed.auditId}/themes/${themeIds[0] ?? ''}`;
  for (const pathname of concretePaths(seed.params)) {
    await visit(page, baseUrl, pathname);
    await check(pathname);
    if (pathname.includes('/themes/')) {
      const shownIds = await page.locator('fieldset.question').evaluateAll((sets) => sets.map((s) => s.id.replace(/^question-/, '')));
      if (shownIds.some((id) => followUpIds.has(id))) walk.followUpShown = true;
    }
    // The pages of a version 2 audit that carry its judgement are checked with that judgement on screen.
    if (pathname === `/audits/${seed.auditId}/results`) await checkResultsAndReports(page, check, pathname);
    if (pathname === `/audits/${seed.auditId}/plan`) expect(await page.locator('.plan-row').count()).toBeGreaterThan(0);
    if (pathname === `/audits/${seed.auditId}/questions`) expect(await page.locator('.questions-group').count()).toBeGreaterThan(0);
    if (pathname === firstTheme) {
      await page.locator('details.help > summary').first().click();
      await page.locator('details.help[open]').first().waitFor();
      await check(`${pathname}, help open`);
    }
  }

  // The re-audit: answers carried over from the first audit, each with its badge and its "confirm" button.
  await visit(page, baseUrl, `/audits/${seed.reauditId}/themes/${themeIds[0] ?? ''}`);
  expect(await page.locator('.badge--carried').count()).toBeGreaterThan(0);
  await check('re-audit theme page, answers to confirm');

  // A version 1 audit's results: the banner that says its level follows today's rules, and the re-audit link.
  await visit(page, baseUrl, `/audits/${version1AuditId}/results`);
  const banner = page.locator('.callout--info').filter({ has: page.locator('a[href^="/communes/"]') });
  expect(await banner.count()).toBe(1);
  expect(await banner.textContent()).toMatch(language === 'fr' ? /version 1 du questionnaire/ : /version 1 of the questionnaire/);
  await check('version 1 audit results, banner and re-audit link');

  // The re-audit's results: no backup, so its follow-ups are implied gaps, and one « sans objet » answer.
  await visit(page, baseUrl, `/audits/${seed.reauditId}/results`);
  const implied = page.locator('.level-explanation').getByText(language === 'fr' ? /manque, puisque vous avez répondu/ : /missing, since you answered/);
  expect(await implied.count()).toBeGreaterThan(0);
  await page.locator('#theme-backup > details > summary').click();
  await page.locator('#theme-backup .outcome--not-applicable').waitFor();
  await check('results with implied gaps and a « sans objet » answer, backup details open');

  await page.goto(`${baseUrl}/no-such-page`);
  await page.locator('#error-title').waitFor();
  await check('page not found');
  return walk;
}

/**
 * A walk visits every page and state and runs axe on each: about three minutes on two idle cores, more on a busy
 * machine, past the suite's three-minute default.
 */
const WALK_TIMEOUT_MS = 600_000;

describe('accessibility: axe-core, WCAG 2.1 A and AA', () => {
  it('the gate itself sees a missing label and a poor contrast', async () => {
    const session = await sessions.open(baseUrl);
    const { page } = session;
    await settle(page);
    await page.evaluate(() => {
      const main = document.querySelector('main');
      const input = document.createElement('input');
      const faint = document.createElement('p');
      faint.textContent = 'Texte trop pâle';
      faint.style.color = '#c8c8c8';
      main?.append(input, faint);
    });
    const found = await axeViolations(page, 'planted');
    expect(found.some((line) => line.includes(' label ') || line.includes('] label'))).toBe(true);
    expect(found.some((line) => line.includes('color-contrast'))).toBe(true);
  });

  it('finds no violation on any page or state, in French', async () => {
    const session = await sessions.open(baseUrl, { locale: 'fr-FR' });
    const walk = await walkEverything(session.page, 'fr', 'fr');
    expect(walk.violations).toEqual([]);
    expect(walk.followUpShown).toBe(true);
    // Home, the form in three states, every theme, results: the walk really went everywhere.
    expect(walk.checked.length).toBeGreaterThan(questionnaireFacts().themeIds.length + 6);
  }, WALK_TIMEOUT_MS);

  it('finds no violation on any page or state, in English', async () => {
    const session = await sessions.open(baseUrl, { locale: 'en-GB' });
    const walk = await walkEverything(session.page, 'en', 'en');
    expect(walk.violations).toEqual([]);
  }, WALK_TIMEOUT_MS);

  it('finds no violation on a phone-sized screen (375×812)', async () => {
    const session = await sessions.open(baseUrl, { locale: 'fr-FR', viewport: { width: 375, height: 812 } });
    const walk = await walkEverything(session.page, 'fr', 'phone');
    expect(walk.violations).toEqual([]);
  }, WALK_TIMEOUT_MS);
});
