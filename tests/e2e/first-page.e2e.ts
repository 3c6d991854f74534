/**
 * The prerendered first page before the app has started (on a slow line its text is on screen a second or more
 * before the app's code has arrived): what a user can click there works. The app's entry script is held back, as
 * a slow line would, while she clicks.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { launchBrowser, whenAppReady } from './browser';

const baseUrl = inject('baseUrl');
/** The entry script named in index.html (src/main.tsx, built): without it nothing of the app runs. */
const ENTRY_SCRIPT = /\/assets\/index-[^/]+\.js$/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Opens "/" with the app's code held back: the page as the HTML alone shows it. Returns the held requests. */
async function openWithoutApp(page: Page): Promise<Route[]> {
  const held: Route[] = [];
  await page.route(ENTRY_SCRIPT, (route) => void held.push(route));
  await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
  await page.getByRole('heading', { level: 1, name: 'Où en est la cybersécurité de votre commune ?' }).waitFor();
  expect(held, 'the entry script is requested and held').toHaveLength(1);
  expect(await page.evaluate(() => performance.getEntriesByName('cyberdiag:app-ready').length)).toBe(0);
  // The next page loads the app normally.
  await page.unroute(ENTRY_SCRIPT);
  return held;
}

describe('the first page, before the app has started', () => {
  it('switches to English at once, and remembers it', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await openWithoutApp(page);

    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'English' }).click();
    await whenAppReady(page);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Where does your commune stand on cybersecurity?');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The address the user sees and bookmarks is the app's, without the form's parameter.
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    await whenAppReady(page);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Where does your commune stand on cybersecurity?');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the new commune form from its main link', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await openWithoutApp(page);

    await page.getByRole('link', { name: 'Ajouter une commune' }).click();
    await whenAppReady(page);
    await page.getByRole('heading', { level: 1, name: 'Décrire la commune' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/communes/new');
    await context.close();
  });
});
