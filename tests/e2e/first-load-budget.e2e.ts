/**
 * The first-page budget, seen from the browser: on a first visit, the scripts and stylesheets requested before the
 * home page answers clicks (its text is on screen before, prerendered) weigh less than the budget (gzipped), and
 * nothing loaded by the time the page is idle carries jsPDF, the communes directory or the mailbox code. The build test (tests/unit/build/built-app.test.ts) checks the same
 * from the chunk graph; this one checks what Chromium actually fetches.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { FIRST_LOAD_BUDGET_BYTES, formatKb, NEVER_FETCHED_MARKERS } from '../unit/build/first-load';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the first page, in the browser', () => {
  it(`fetches less than ${formatKb(FIRST_LOAD_BUDGET_BYTES)} of JS and CSS before it is shown, and never jsPDF, the directory or the mailbox code`, async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 375, height: 812 } });
    // The home page's text is in the HTML (prerendered): what counts is what is fetched before the app answers
    // clicks, the mark set once it has hydrated the page.
    await context.addInitScript(() => {
      new PerformanceObserver((list, observer) => {
        if (!list.getEntries().some((entry) => entry.name === 'cyberdiag:app-ready')) return;
        (window as unknown as { __requestedBeforeShown: string[] }).__requestedBeforeShown = performance
          .getEntriesByType('resource')
          .map((entry) => (entry as PerformanceResourceTiming).name);
        observer.disconnect();
      }).observe({ type: 'mark', buffered: true });
    });
    const page = await context.newPage();
    const bodies = new Map<string, Buffer>();
    const reading: Array<Promise<void>> = [];
    let closing = false;
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (closing || (type !== 'script' && type !== 'stylesheet')) return;
      // A response still arriving when the context closes is not counted (it came after the page was idle).
      reading.push(response.body().then((body) => void bodies.set(response.url(), body), () => undefined));
    });
    await page.goto(`${baseUrl}/`);
    // A first visit's page runs no app until the user is about to act (src/app/first-visit.ts): the pointer over
    // its main link starts it, and the budget counts everything fetched until the app answers.
    await page.waitForFunction(() => performance.getEntriesByName('cyberdiag:first-visit-shown').length > 0);
    await page.getByRole('link', { name: 'Ajouter une commune' }).hover();
    await page.waitForFunction(() => '__requestedBeforeShown' in window);
    await page.waitForLoadState('networkidle');
    await Promise.all(reading);
    closing = true;
    const beforeShown = new Set(await page.evaluate(() => (window as unknown as { __requestedBeforeShown: string[] }).__requestedBeforeShown));
    await context.close();

    const rows = [...bodies].map(([url, body]) => ({ file: new URL(url).pathname, gzip: gzipSync(body).length, critical: beforeShown.has(url), body }));
    rows.sort((a, b) => b.gzip - a.gzip);
    const critical = rows.filter((r) => r.critical);
    const total = critical.reduce((sum, r) => sum + r.gzip, 0);
    const listing = rows
      .map((r) => `  ${r.file.padEnd(50)} ${formatKb(r.gzip).padStart(9)} gzip${r.critical ? '' : '  (after the page is shown)'}`)
      .join('\n');
    expect(critical.some((r) => r.file.endsWith('.css'))).toBe(true);
    expect(total, `Before the first page is shown: ${formatKb(total)} gzipped, budget ${formatKb(FIRST_LOAD_BUDGET_BYTES)}.\n${listing}`).toBeLessThanOrEqual(
      FIRST_LOAD_BUDGET_BYTES,
    );
    for (const { what, marker } of NEVER_FETCHED_MARKERS) {
      const carriers = rows.filter((r) => r.body.includes(marker)).map((r) => r.file);
      expect(carriers, `${what} is loaded with the first page:\n${listing}`).toEqual([]);
    }
  });
});
