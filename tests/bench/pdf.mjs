// Times the PDF report of a fully answered audit in headless Chromium on the built app: from the click on
// "Télécharger le rapport PDF" to the browser's download event (gathering the audit, building the model, drawing
// with jsPDF, embedding the fonts). The first click also loads the PDF chunk and the fonts and is reported apart;
// then 20 clicks give the median and 95th percentile. Budget: 500 ms median. Prints one JSON line.
// Run alone with `node tests/bench/pdf.mjs` after `vite build` (or with BASE_URL pointing at a served build).
import { appServer, launchBrowser, summarize } from './_lib.mjs';

const RUNS = 20;
const BUDGET_MS = 500;

const server = await appServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.getByRole('link', { name: 'Ajouter une commune' }).click();
  await page.getByLabel('Nom de la commune').fill('Saint-Cœur-d’Arçonnière');
  await page.getByLabel("Nombre d'habitants").fill('1240');
  await page.getByLabel("Nombre d'agents").fill('5');
  await page.getByLabel("Nombre d'ordinateurs").fill('7');
  await page.getByRole('group', { name: /prestataire/ }).getByLabel('Oui').check();
  await page.getByRole('group', { name: /serveur/ }).getByLabel('Oui').check();
  await page.getByRole('button', { name: 'Enregistrer la commune' }).click();
  await page.getByLabel("Qui réalise l'audit ?").fill('Élodie Marçais');
  await page.getByRole('button', { name: "Commencer l'audit" }).click();
  await page.waitForURL(/\/themes\//);

  // Every question answered, in turn the worst option, a middle one, the best one and "je ne sais pas" (last).
  let answered = 0;
  for (;;) {
    await page.locator('fieldset.question').first().waitFor();
    for (;;) {
      const open = page.locator('fieldset.question:not(:has(input:checked))');
      if ((await open.count()) === 0) break;
      const radios = open.first().getByRole('radio');
      const count = await radios.count();
      await radios.nth([0, Math.floor((count - 1) / 2), count - 2, count - 1][answered % 4] ?? 0).check();
      answered += 1;
    }
    const next = page.getByRole('link', { name: /^Thème suivant/ });
    if ((await next.count()) === 0) break;
    const href = await next.getAttribute('href');
    await next.click();
    await page.waitForURL((url) => url.pathname === href);
  }
  await page.getByRole('link', { name: 'Voir mes résultats' }).click();
  await page.waitForURL(/\/results$/);

  const button = page.getByRole('button', { name: 'Télécharger le rapport PDF' });
  const time = async () => {
    const start = performance.now();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const ms = performance.now() - start;
    await download.delete();
    return ms;
  };
  const firstMs = await time();
  const times = [];
  for (let run = 0; run < RUNS; run += 1) times.push(await time());
  const summary = summarize(times);
  console.log(
    JSON.stringify({
      bench: 'pdf-report-click-to-download',
      questionsAnswered: answered,
      budgetMedianMs: BUDGET_MS,
      firstClickMs: Math.round(firstMs),
      ...summary,
      withinBudget: summary.medianMs <= BUDGET_MS,
      date: new Date().toISOString().slice(0, 10),
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
