/**
 * Chromium for the browser tests: Debian's build, never a downloaded one, with the flags that keep it from
 * calling home. Every page records requests to any other origin so that tests can fail on them.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import chromiumArgs from '../chromium-args.json';

/** Headless, no sandbox (containers), no GPU, and nothing that calls home: shared with the benchmarks and screenshots. */
export const CHROMIUM_ARGS: string[] = chromiumArgs;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface AppSession {
  context: BrowserContext;
  page: Page;
  /** URLs requested from any origin other than the app's. */
  foreignRequests: string[];
  /** Uncaught errors and console errors seen on the page. */
  pageErrors: string[];
}

export async function openApp(
  browser: Browser,
  baseUrl: string,
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<AppSession> {
  const context = await browser.newContext({
    locale: options.locale ?? 'fr-FR',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const origin = new URL(baseUrl).origin;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreignRequests.push(url);
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(`${baseUrl}/`);
  await whenAppReady(page);
  return { context, page, foreignRequests, pageErrors };
}

/**
 * Waits until the page answers clicks. The first page is on screen before (prerendered HTML), but its buttons do
 * nothing until the app has hydrated it; links work either way. On a first visit (nothing stored yet) the page is
 * complete once the entry script has filled in the empty list: the app then starts on the first link followed.
 */
export async function whenAppReady(page: Page): Promise<void> {
  await page.waitForFunction(() => ['cyberdiag:app-ready', 'cyberdiag:first-visit-shown'].some((mark) => performance.getEntriesByName(mark).length > 0));
}

/** The page once the service worker controls it (it has precached the app, and a reload makes sure it has claimed it). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await whenAppReady(page);
}

/**
 * The usual set-up of a browser test file: one Chromium for the file, a fresh context per test, and after each test
 * the session's checks (by default: no request to another origin, no script error), then the context closed.
 */
export function appSessionsPerTest(checks: { foreignRequests?: boolean; pageErrors?: boolean } = { foreignRequests: true, pageErrors: true }) {
  let browser: Browser | undefined;
  let session: AppSession | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    if (checks.foreignRequests) expect(session?.foreignRequests).toEqual([]);
    if (checks.pageErrors) expect(session?.pageErrors).toEqual([]);
    await session?.context.close();
    session = undefined;
  });
  return {
    /** Opens the app in a fresh context; the session is checked and closed after the test. */
    async open(baseUrl: string, options?: Parameters<typeof openApp>[2]): Promise<AppSession> {
      if (!browser) throw new Error('the browser is not launched yet (call open() inside a test)');
      session = await openApp(browser, baseUrl, options);
      return session;
    },
  };
}
