/**
 * Hostile files through the real import and restore screens (tests/fixtures/exchange/hostile/, plus a 50 MB file
 * and 100,000 levels of nesting made here): each one gets its clear, translated message and leaves every
 * IndexedDB table exactly as it was. Markup in names is shown as text and never runs.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, type AppSession } from './browser';
import { settle, visit } from './app-pages';
import { recordCspViolations, type CspRecorder } from './csp-recorder';
import { answerThemePage, createCommune, startAudit } from './journey';

const baseUrl = inject('baseUrl');
const root = path.resolve(import.meta.dirname, '../..');
const hostileDir = path.join(root, 'tests/fixtures/exchange/hostile');
/** The passphrase of the encrypted fixtures (tests/unit/exchange/fixtures.ts). */
const FIXTURE_PASSPHRASE = 'correct horse battery staple';

let browser: Browser;
let session: AppSession | undefined;
let csp: CspRecorder | undefined;
let generated = '';

/** Hostile files made at run time: too big or too deep to keep in the repository. */
function generateFiles(): Record<string, string> {
  generated ||= mkdtempSync(path.join(os.tmpdir(), 'cyberdiag-hostile-'));
  const valid = readFileSync(path.join(root, 'tests/fixtures/exchange/v1-audits.cyberdiag.json'), 'utf8');
  const big = path.join(generated, 'fifty-megabytes.cyberdiag.json');
  // A real export whose commune name is padded to 50 MB.
  writeFileSync(big, valid.replace(/"name":\s*"/, `"name": "${'A'.repeat(50 * 1024 * 1024)}`));
  const deep = path.join(generated, 'deeply-nested.cyberdiag.json');
  writeFileSync(deep, `{"format":"cyberdiag-export","version":1,"payload":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
  return { [big]: 'too-large', [deep]: 'invalid' };
}

/** Every hostile file with the error code it must get on the import screen. */
function hostileFiles(): Array<[file: string, code: string]> {
  const expected = JSON.parse(readFileSync(path.join(hostileDir, 'expected.json'), 'utf8')) as Record<string, string>;
  const onDisk = readdirSync(hostileDir).filter((f) => f !== 'expected.json');
  // A fixture added without its expected code fails here rather than going unchecked.
  expect(onDisk.sort()).toEqual(Object.keys(expected).sort());
  return [
    ...Object.entries(expected)
      .filter(([, code]) => code !== 'ok')
      .map(([name, code]): [string, string] => [path.join(hostileDir, name), code]),
    ...Object.entries(generateFiles()),
  ];
}

const locale = (language: string) =>
  JSON.parse(readFileSync(path.join(root, `src/i18n/locales/${language}/exchange.json`), 'utf8')) as {
    errors: Record<string, string>;
    import: Record<string, string>;
  };

/** The translated message of an error code, as a pattern (its {{size}} is filled in by the page). */
function messageFor(language: string, code: string): RegExp {
  const text = locale(language).errors[code];
  if (!text) throw new Error(`No ${language} message for errors.${code} in exchange.json`);
  return new RegExp(text.split(/\{\{\w+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+'));
}

/** Every record of every table of the app's IndexedDB database, keys included, as one string to compare. */
function dumpDatabase(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('cyberdiag');
        request.onerror = () => reject(new Error(String(request.error)));
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames].sort();
          const tx = db.transaction(names, 'readonly');
          const reads = names.map((name) => ({ name, keys: tx.objectStore(name).getAllKeys(), values: tx.objectStore(name).getAll() }));
          tx.oncomplete = () => {
            const tables = reads.map((r) => ({ table: r.name, keys: r.keys.result, values: r.values.result }));
            db.close();
            resolve(JSON.stringify({ version: db.version, tables }));
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  // The 50 MB file and the others made here do not outlive the test.
  if (generated) rmSync(generated, { recursive: true, force: true });
});
afterEach(async () => {
  expect(session?.foreignRequests).toEqual([]);
  expect(session?.pageErrors).toEqual([]);
  expect(csp?.violations).toEqual([]);
  await session?.context.close();
  session = undefined;
  csp = undefined;
});

/** A device with a commune and a started audit, so that "unchanged" means something. */
async function deviceWithData(): Promise<Page> {
  session = await openApp(browser, baseUrl);
  csp = await recordCspViolations(session.context);
  const { page } = session;
  await page.reload();
  await settle(page);
  await createCommune(page);
  await startAudit(page);
  await answerThemePage(page, (i, count) => (i % 2 === 0 ? 0 : count - 1));
  return page;
}

describe('hostile files', () => {
  it('are each refused on the import screen with their translated message, the database untouched', async () => {
    const page = await deviceWithData();
    await visit(page, baseUrl, '/donnees/importer');
    const before = await dumpDatabase(page);
    expect(before).toContain('Saint-Exemple-sur-Loire');

    for (const [file, code] of hostileFiles()) {
      const name = path.basename(file);
      await page.getByLabel('Fichiers à importer').setInputFiles(file);
      const line = page.locator('.file-results li').filter({ hasText: name });
      await line.waitFor();
      if ((await page.getByLabel('Phrase de passe du fichier').count()) > 0) {
        await page.getByLabel('Phrase de passe du fichier').fill(FIXTURE_PASSPHRASE);
        await page.getByRole('button', { name: 'Ouvrir le fichier' }).click();
      }
      const alert = line.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent(), name).toMatch(messageFor('fr', code));
      expect(await alert.textContent(), name).toContain('Rien n\'a été modifié sur cet appareil.');
      expect(await page.getByRole('button', { name: 'Importer', exact: true }).count(), `${name} offers an import`).toBe(0);
      expect(await dumpDatabase(page), `${name} changed the database`).toBe(before);
      const again = page.getByRole('button', { name: "Importer d'autres fichiers" });
      // After a wrong passphrase the screen offers only to try another one: start over from the page itself.
      if ((await again.count()) > 0) await again.click();
      else await visit(page, baseUrl, '/donnees/importer');
    }
  });

  it('are each refused by "restore a backup", the database untouched', async () => {
    const page = await deviceWithData();
    await visit(page, baseUrl, '/donnees');
    const before = await dumpDatabase(page);
    const restore = page.getByRole('region', { name: 'Restaurer une sauvegarde' });
    for (const [file] of hostileFiles()) {
      const name = path.basename(file);
      await restore.getByLabel('Fichier de sauvegarde').setInputFiles(file);
      const alert = restore.getByRole('alert');
      const prompt = restore.getByLabel('Phrase de passe du fichier');
      await alert.or(prompt).first().waitFor();
      if ((await prompt.count()) > 0) {
        await prompt.fill(FIXTURE_PASSPHRASE);
        await restore.getByRole('button', { name: 'Ouvrir le fichier' }).click();
        await alert.waitFor();
      }
      // A backup file may be refused for more reasons than an audits file (not a backup at all, for one).
      expect(await alert.textContent(), name).toContain('Rien n\'a été modifié sur cet appareil.');
      expect(await restore.getByRole('button', { name: 'Remplacer les données de cet appareil' }).count(), name).toBe(0);
      expect(await dumpDatabase(page), `${name} changed the database`).toBe(before);
    }
  });

  it('are explained in English too', async () => {
    const page = await deviceWithData();
    await visit(page, baseUrl, '/donnees/importer');
    await page.locator('.language-switch button[lang="en"]').click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    const before = await dumpDatabase(page);
    for (const name of ['truncated.cyberdiag.json', 'future-version.cyberdiag.json', 'proto-key-at-top.cyberdiag.json', 'not-ours-excalidraw.json']) {
      const code = (JSON.parse(readFileSync(path.join(hostileDir, 'expected.json'), 'utf8')) as Record<string, string>)[name] ?? '';
      await page.locator('input[type="file"]').setInputFiles(path.join(hostileDir, name));
      const alert = page.locator('.file-results li').filter({ hasText: name }).getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent(), name).toMatch(messageFor('en', code));
      expect(await dumpDatabase(page)).toBe(before);
      await page.getByRole('button', { name: locale('en').import.again ?? '' }).click();
    }
  });

  it('shows markup in names as text: it never runs and never becomes part of the page', async () => {
    const page = await deviceWithData();
    // The fixture's markup, made to leave a trace if it ever ran (the CSP would also refuse it: both are checked).
    const fixture = readFileSync(path.join(hostileDir, 'script-and-bidi-names.cyberdiag.json'), 'utf8');
    const trap = fixture
      .replace('<script>alert(\\"pwned\\")</script>', '<script>window.__pwned = \\"script\\"</script>')
      .replace('<img src=x onerror=alert(1)>', '<img src=x onerror=\\"window.__pwned = \'img\'\\">');
    expect(trap).not.toBe(fixture);
    generated ||= mkdtempSync(path.join(os.tmpdir(), 'cyberdiag-hostile-'));
    const file = path.join(generated, 'markup-in-names.cyberdiag.json');
    writeFileSync(file, trap);

    await visit(page, baseUrl, '/donnees/importer');
    const before = await dumpDatabase(page);
    await page.getByLabel('Fichiers à importer').setInputFiles(file);
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Import terminé' }).waitFor();
    // The same comparison that proves the hostile files changed nothing does see a real import.
    expect(await dumpDatabase(page)).not.toBe(before);

    const shownName = '<script>window.__pwned = "script"</script> Saint-HTML.exe';
    for (const pathname of ['/', ...(await communePaths(page))]) {
      await visit(page, baseUrl, pathname);
      await page.getByText(shownName, { exact: false }).first().waitFor();
    }
    // The bidi override (U+202E) that would show "Saint-exe.LMTH" is gone from what is displayed.
    expect(await page.evaluate(() => document.body.innerText.includes('\u202e'))).toBe(false);
    expect(await page.evaluate(() => ({ pwned: '__pwned' in window, img: document.querySelectorAll('img[src="x"]').length }))).toEqual({
      pwned: false,
      img: 0,
    });
  });
});

/** The commune pages of the imported commune (its page and its audit's results), found from the home page. */
async function communePaths(page: Page): Promise<string[]> {
  await visit(page, baseUrl, '/');
  const link = page.getByRole('link', { name: /Saint-HTML/ }).first();
  const href = (await link.getAttribute('href')) ?? '';
  await visit(page, baseUrl, href);
  const results = await page.getByRole('link', { name: /résultats/i }).first().getAttribute('href');
  return [href, ...(results ? [results] : [])];
}
