// The price of a first visit's page running no app (src/app/first-visit.ts): the first click waits for the app to
// start. Times « Ajouter une commune » on the home page until the new commune form's title is on screen, in headless
// Chromium on the built app served by nginx, each run in a fresh profile:
// - first visit, the click out of the blue (a script's click: no pointer over the link before): the app starts on
//   that click (its code from the browser's cache once the service worker has fetched it, as for a user who has
//   read the page for a few seconds);
// - first visit, the pointer over the link 200 ms before the click (a mouse user's usual lead): the app starts
//   then;
// - the app running: the click is a move between two of its pages, as on any later visit;
// each with the CPU as is and slowed down 4 times (Chromium's throttling; Lighthouse's mobile setting).
import { appServer, launchBrowser, summarize } from './_lib.mjs';

const RUNS = Number(process.env.FIRST_CLICK_RUNS ?? 10);
const HEADING = 'Décrire la commune';

const server = await appServer();
const browser = await launchBrowser();

/** Clicks the link and resolves with the milliseconds until the heading is in the page. */
async function timeClick(page) {
  return page.evaluate(async (heading) => {
    const link = [...document.querySelectorAll('a')].find((a) => a.textContent?.trim() === 'Ajouter une commune');
    if (!link) throw new Error('no « Ajouter une commune » link');
    const shown = () => [...document.querySelectorAll('h1')].some((h) => h.textContent?.trim() === heading);
    const start = performance.now();
    link.click();
    await new Promise((resolve) => {
      if (shown()) return resolve();
      const observer = new MutationObserver(() => {
        if (!shown()) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    return performance.now() - start;
  }, HEADING);
}

async function run({ returning, slowdown, hoverLeadMs = 0 }) {
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => performance.getEntriesByName('cyberdiag:first-visit-shown').length > 0);
    if (returning) {
      // The app running: there and back again.
      await page.getByRole('link', { name: 'Ajouter une commune' }).click();
      await page.getByRole('heading', { level: 1, name: HEADING }).waitFor();
      await page.goBack();
      await page.getByRole('link', { name: 'Ajouter une commune' }).waitFor();
    }
    await page.evaluate(async () => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    if (hoverLeadMs > 0) {
      await page.getByRole('link', { name: 'Ajouter une commune' }).hover();
      await page.waitForTimeout(hoverLeadMs);
    }
    times.push(await timeClick(page));
    await context.close();
  }
  const visit = returning ? 'app running' : hoverLeadMs > 0 ? `first, pointer over the link ${hoverLeadMs} ms before` : 'first, click out of the blue';
  console.log(JSON.stringify({ bench: 'first-click-to-new-commune-form', visit, cpuSlowdown: slowdown, ...summarize(times) }));
}

try {
  for (const slowdown of [1, 4]) {
    await run({ returning: false, slowdown });
    await run({ returning: false, slowdown, hoverLeadMs: 200 });
    await run({ returning: true, slowdown });
  }
} finally {
  await browser.close();
  await server.close();
}
