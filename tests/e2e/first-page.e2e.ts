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

/**
 * Modules of the app itself (React DOM, the router, the start-up): any script but the entry and what registers the
 * service worker (workbox-window, and the service worker's own scripts).
 */
const isAppModule = (url: string) => url.endsWith('.js') && !ENTRY_SCRIPT.test(url) && !/\/(sw|workbox-[^/]+|assets\/virtual_pwa-register-[^/]+)\.js$/.test(url);

describe('a first visit (nothing stored on the device yet)', () => {
  it('shows the whole page without running the app, which starts on the first link followed, without a page load', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${baseUrl}/`);
    await whenAppReady(page);
    // The list says what is true of this device, where the prerendered page said « Chargement… ».
    await page.getByText(/^Aucune commune pour l'instant\./).waitFor();
    expect(await page.getByText('Chargement…').count()).toBe(0);
    // The service worker takes the app for offline use even if she never clicks.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active !== null)).toBe(true);
    expect(scripts.filter(isAppModule), 'no module of the app is loaded before she acts').toEqual([]);
    expect(await page.evaluate(() => performance.getEntriesByName('cyberdiag:app-ready').length)).toBe(0);

    // A page load would forget this.
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.getByRole('link', { name: 'Ajouter une commune' }).click();
    await page.getByRole('heading', { level: 1, name: 'Décrire la commune' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/communes/new');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    // As on any move to another page of the app, the screen reader is taken to the new page's title.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // Back home, the app draws the list itself.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Où en est la cybersécurité de votre commune ?' }).waitFor();
    await page.getByText(/^Aucune commune pour l'instant\./).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('starts the app as the pointer comes over a link, taking the page over as it is', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${baseUrl}/`);
    await whenAppReady(page);
    // Whatever the app draws in the list while it takes over is recorded.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { listTexts: string[] }).listTexts = seen;
      const list = document.getElementById('home-communes');
      if (!list) throw new Error('no list of communes');
      new MutationObserver(() => seen.push(list.textContent ?? '')).observe(list, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('link', { name: 'Ajouter une commune' }).hover();
    await page.waitForFunction(() => performance.getEntriesByName('cyberdiag:app-ready').length > 0);
    // Hydrated, not redrawn: the list never said « Chargement… », and React found the page it would have drawn.
    await page.getByText(/^Aucune commune pour l'instant\./).waitFor();
    expect(await page.evaluate(() => (window as unknown as { listTexts: string[] }).listTexts.filter((text) => text.includes('Chargement')))).toEqual([]);
    expect(errors).toEqual([]);
    // The app now answers: a move between two of its pages.
    await page.getByRole('link', { name: 'Ajouter une commune' }).click();
    await page.getByRole('heading', { level: 1, name: 'Décrire la commune' }).waitFor();
    await context.close();
  });

  it('switches to English without a page load, and starts the app in English', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await whenAppReady(page);
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Where does your commune stand on cybersecurity?');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(new URL(page.url()).search).toBe('');
    await page.getByText(/^No commune yet\./).waitFor();
    await context.close();
  });

  it('is a first visit only once: with something stored, the app starts at once and shows it', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/communes/new`);
    await page.getByRole('heading', { level: 1, name: 'Décrire la commune' }).waitFor();
    await page.goto(`${baseUrl}/`);
    await page.waitForFunction(() => performance.getEntriesByName('cyberdiag:app-ready').length > 0);
    expect(await page.evaluate(() => performance.getEntriesByName('cyberdiag:first-visit-shown').length)).toBe(0);
    await context.close();
  });
});
