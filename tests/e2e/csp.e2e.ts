/**
 * Content-Security-Policy gate in the browser: the policy of the built index.html is really in force (eval and an
 * injected inline script are refused), and the whole journey runs under it without a single violation: commune,
 * audit, results, plan, PDF report, every page of every feature, English, backup download and import.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appSessionsPerTest } from './browser';
import { concretePaths, seedFinishedAudit, settle, visit } from './app-pages';
import { recordCspViolations, type CspRecorder } from './csp-recorder';

const baseUrl = inject('baseUrl');
const sessions = appSessionsPerTest({ foreignRequests: true });

async function openWatched(): Promise<{ page: Page; csp: CspRecorder; pageErrors: string[] }> {
  const session = await sessions.open(baseUrl);
  const csp = await recordCspViolations(session.context);
  // openApp has already loaded the page: load it again so that the listener is in the document from the start.
  await session.page.reload();
  await settle(session.page);
  return { page: session.page, csp, pageErrors: session.pageErrors };
}

/** Clicks a download button and returns the first bytes of what the browser saved. */
async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).first().click()]);
  const saved = await file.path();
  return readFileSync(saved).subarray(0, 5).toString('latin1');
}

describe('the Content-Security-Policy in the browser', () => {
  it('is in force: eval and an injected inline script are refused, and the refusals are recorded', async () => {
    const { page, csp } = await openWatched();
    // Code run by the DevTools protocol itself is exempt, so the page is made to eval: a string given to setTimeout.
    await page.evaluate(() => {
      window.setTimeout('window.__evalRan = true;' as unknown as () => void, 0);
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.append(script);
    });
    // Wait for the page's securitypolicyviolation events (csp-recorder.ts): once per policy in force, the header
    // (deploy/nginx) and the page's <meta> each report it. A refused script never runs later, so once both are seen
    // the flags can be read.
    await expect.poll(() => [...new Set(csp.violations.filter((v) => v.startsWith('script-src')).map((v) => v.split(' at ')[0]))]).toEqual([
      'script-src blocked eval',
      'script-src-elem blocked inline',
    ]);
    expect(await page.evaluate(() => ({ evalRan: '__evalRan' in window, inlineRan: '__inlineRan' in window }))).toEqual({
      evalRan: false,
      inlineRan: false,
    });
  });

  it('lets the whole journey run without a single violation', async () => {
    const { page, csp, pageErrors } = await openWatched();
    const seed = await seedFinishedAudit(page, baseUrl);
    for (const pathname of concretePaths(seed.params)) await visit(page, baseUrl, pathname);

    // The PDF report, from the results and from the plan: jsPDF and its fonts are loaded on demand.
    await visit(page, baseUrl, `/audits/${seed.auditId}/results`);
    expect(await download(page, 'Télécharger le rapport PDF')).toBe('%PDF-');
    await visit(page, baseUrl, `/audits/${seed.auditId}/plan`);
    expect(await download(page, 'Télécharger le rapport PDF')).toBe('%PDF-');

    // English is loaded on demand too.
    await page.locator('.language-switch button[lang="en"]').click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await page.locator('.language-switch button[lang="fr"]').click();
    await page.locator('html[lang="fr"]').waitFor({ state: 'attached' });

    // A full backup, then reading it back on the import page (parsing and checking happen in the page).
    await visit(page, baseUrl, '/donnees');
    const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger la sauvegarde' }).click()]);
    await visit(page, baseUrl, '/donnees/importer');
    await page.getByLabel('Fichiers à importer').setInputFiles(await backup.path());
    await page.getByRole('heading', { name: 'Fichiers lus' }).waitFor();

    expect(csp.violations).toEqual([]);
    expect(pageErrors).toEqual([]);
    // Every page of the app, two PDFs, a backup: four minutes on a loaded 2-core machine.
  }, 300_000);
});
