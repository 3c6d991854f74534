import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, waitForServiceWorkerControl, whenAppReady } from './browser';
import { answerAllThemes, createCommune, startAudit } from './journey';
import { startPreview } from './preview-server';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('offline', () => {
  it('works with the network cut after the first visit: reload, then a whole audit', async () => {
    // A server of its own, so that cutting the network really means nothing answers any more.
    const server = await startPreview();
    const session = await openApp(browser, server.url);
    const { page, context } = session;
    await waitForServiceWorkerControl(page);

    await server.close();
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Où en est la cybersécurité de votre commune ?' }).waitFor();
    await whenAppReady(page);

    await createCommune(page);
    await startAudit(page);
    await answerAllThemes(page, (_, count) => count - 2);
    await expect.poll(() => page.getByText('Toutes les questions ont une réponse.').count()).toBe(1);
    expect(session.foreignRequests).toEqual([]);
    await context.close();
  });
});
