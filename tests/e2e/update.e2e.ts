/**
 * Updates that ask first: the app is open on one release, the host switches to the next (a second build, served by
 * the same nginx through a symbolic link, as a deployment would swap folders), and the open app says that a new
 * version is ready without reloading. "Plus tard" leaves everything as it is; "Recharger maintenant" (from the
 * keyboard) reloads into the new release with what was typed still in its fields. The notice is a live region and
 * passes axe.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, waitForServiceWorkerControl } from './browser';
import { axeViolations } from './axe';
import { DIST } from './preview-server';
import { startNginx, type NginxServer } from '../nginx-server.mjs';

const root = path.resolve(import.meta.dirname, '../..');
let dir = '';
let next = '';
let current = '';
let server: NginxServer;
let browser: Browser;

/** Points the served folder at one release or the other, in one step (a rename over the old link). */
function serve(release: string): void {
  const link = path.join(dir, 'switching');
  symlinkSync(release, link);
  renameSync(link, current);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cyberdiag-releases-'));
  next = path.join(dir, 'next');
  current = path.join(dir, 'current');
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [path.join(root, 'tests/e2e/build-second-version.mjs'), next], { cwd: root, env: { ...process.env, NODE_ENV: 'production' } }, (error) =>
      error ? reject(error) : resolve(),
    );
  });
  serve(DIST);
  server = await startNginx([current]);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const READY = 'Une nouvelle version de Cyberdiag est prête.';
const release = (page: Page) => page.evaluate(() => document.querySelector('meta[name="cyberdiag-release"]')?.getAttribute('content') ?? 'first');

/** The first release open and controlled by its service worker, a commune form half typed, then the switch. */
async function openThenDeployNext(): Promise<{ page: Page; close: () => Promise<void>; pageErrors: string[] }> {
  serve(DIST);
  const session = await openApp(browser, server.url);
  const { page } = session;
  await waitForServiceWorkerControl(page);
  await page.getByRole('link', { name: 'Ajouter une commune' }).click();
  await page.getByLabel('Nom de la commune').fill('Saint-Martin-en-Haut');
  await page.getByLabel("Nombre d'habitants").fill('3950');
  await page.getByRole('group', { name: /prestataire/ }).getByLabel('Oui').check();
  // Anything set on this window would vanish with a reload.
  await page.evaluate(() => Object.assign(window, { __sameWindow: true }));
  expect(await release(page)).toBe('first');

  serve(next);
  // What the app does every hour and when it comes back on screen.
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await page.locator('[aria-live="polite"]').filter({ hasText: READY }).waitFor();
  return { page, pageErrors: session.pageErrors, close: () => session.context.close() };
}

const sameWindow = (page: Page) => page.evaluate(() => '__sameWindow' in window);

describe('a new release, while the app is open', () => {
  it('is announced, and "Plus tard" keeps the page and what was typed as they are', async () => {
    const { page, close, pageErrors } = await openThenDeployNext();
    expect(await axeViolations(page, 'update notice')).toEqual([]);
    expect(await sameWindow(page)).toBe(true);
    await page.getByRole('button', { name: 'Plus tard' }).click();
    await expect.poll(() => page.getByText(READY).count()).toBe(0);
    expect(await sameWindow(page)).toBe(true);
    expect(await release(page)).toBe('first');
    expect(await page.getByLabel('Nom de la commune').inputValue()).toBe('Saint-Martin-en-Haut');
    expect(pageErrors).toEqual([]);
    await close();
  });

  it('reloads into it when the user chooses, from the keyboard, with what was typed still there', async () => {
    const { page, close, pageErrors } = await openThenDeployNext();
    const reload = page.getByRole('button', { name: 'Recharger maintenant' });
    await reload.focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await page.getByLabel('Nom de la commune').waitFor();
    expect(await sameWindow(page)).toBe(false);
    expect(await release(page)).toBe('next');
    await expect.poll(() => page.getByLabel('Nom de la commune').inputValue()).toBe('Saint-Martin-en-Haut');
    expect(await page.getByLabel("Nombre d'habitants").inputValue()).toBe('3950');
    expect(await page.getByRole('group', { name: /prestataire/ }).getByLabel('Oui').isChecked()).toBe(true);
    // The restored values are React's too: the form saves them.
    await page.getByLabel("Nombre d'agents").fill('12');
    await page.getByLabel("Nombre d'ordinateurs").fill('15');
    await page.getByRole('group', { name: /serveur/ }).getByLabel('Non').check();
    await page.getByRole('button', { name: 'Enregistrer la commune' }).click();
    await page.getByRole('heading', { level: 1, name: 'Saint-Martin-en-Haut' }).waitFor();
    expect(pageErrors).toEqual([]);
    await close();
  });
});
