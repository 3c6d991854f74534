// `npm run screenshots`: pictures of the main screens for the README, from the built app in headless Chromium.
// Usage: npm run build && node tests/screenshots/take.mjs (writes tests/screenshots/*.png).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../bench/_lib.mjs';
import { preview } from 'vite';

const out = path.dirname(fileURLToPath(import.meta.url));
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const base = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
const browser = await launchBrowser();

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'fr-FR' });
  const shot = (name, fullPage = false) => page.screenshot({ path: path.join(out, `${name}.png`), fullPage });
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: 'Ajouter une commune' }).click();
  await page.getByLabel('Nom de la commune').fill('Saint-Exemple-sur-Loire');
  await page.getByLabel("Nombre d'habitants").fill('1240');
  await page.getByLabel("Nombre d'agents").fill('5');
  await page.getByLabel("Nombre d'ordinateurs").fill('7');
  await page.getByRole('group', { name: /prestataire/ }).getByLabel('Oui').check();
  await page.getByRole('group', { name: /serveur/ }).getByLabel('Oui').check();
  await shot('commune-profile');
  await page.getByRole('button', { name: 'Enregistrer la commune' }).click();
  await page.getByLabel("Qui réalise l'audit ?").fill('Secrétaire de mairie');
  await page.getByRole('button', { name: "Commencer l'audit" }).click();
  await page.waitForURL(/\/themes\//);
  // A realistic mix: good, partial, gaps and a few "je ne sais pas".
  let n = 0;
  for (;;) {
    for (;;) {
      const open = page.locator('fieldset.question:not(:has(input:checked))');
      if ((await open.count()) === 0) {
        await page.waitForTimeout(150);
        if ((await open.count()) === 0) break;
      }
      const radios = open.first().getByRole('radio');
      const count = await radios.count();
      await radios.nth([0, 1, 0, count - 2, 0, count - 1, 1][n % 7] ?? 0).check();
      n += 1;
      if (n === 3) {
        await page.locator('fieldset.question:not(:has(input:checked)) details summary').first().click();
        await page.locator('fieldset.question:not(:has(input:checked))').first().scrollIntoViewIfNeeded();
        await shot('theme');
      }
    }
    const next = page.getByRole('link', { name: /^Thème suivant/ });
    if ((await next.count()) === 0) break;
    const href = await next.getAttribute('href');
    await next.click();
    await page.waitForURL((url) => url.pathname === href);
    await page.locator('fieldset.question').first().waitFor();
  }
  await page.getByRole('link', { name: 'Voir mes résultats' }).click();
  await page.waitForURL(/\/results$/);
  await page.getByRole('heading', { name: 'Score global' }).waitFor();
  await page.waitForTimeout(500);
  await shot('results');
  await page.locator('.theme-details').first().scrollIntoViewIfNeeded();
  await shot('results-theme');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/`);
  await page.waitForTimeout(500);
  await shot('phone-theme');
  console.log(`screenshots written to ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
  server.httpServer.close();
}
