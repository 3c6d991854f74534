/**
 * The mailbox end to end, in Chromium, through a real server on a real PostgreSQL: an EPCI's chargé(e) de mission
 * opens the first account, makes the key, invites a commune and saves an encrypted backup (the key in it); the
 * commune's device, in another browser context, redeems the code, answers its audit with the network cut, puts it
 * in the outbox and sees it leave once the network is back; the EPCI clicks "Recevoir" and finds the commune in its
 * table. Then the EPCI's laptop is "lost": a fresh context restores the backup, signs in, and "Recevoir" opens the
 * audit sent after the backup was made. The mailbox sits behind the app's origin (nginx proxies /boite/), as the
 * README advises, because the default build's Content-Security-Policy lets the app connect to its own origin only:
 * a direct request to the server's own origin is refused, which the last check shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startNginx } from '../nginx-server.mjs';
import { buildApp } from '../../server/src/app';
import type { Database } from '../../server/src/database';
import { ensureSetupSecret } from '../../server/src/setup-secret';
import { openTestDatabase, testConfig } from '../../server/test/harness';
import { startPostgresCluster, type PostgresCluster } from '../../server/test/postgres-cluster';
import { launchBrowser, openApp, waitForServiceWorkerControl, whenAppReady, type AppSession } from './browser';
import { answerAllThemes, createCommune, SAINT_EXEMPLE, startAudit, type CommuneData } from './journey';
import { recordCspViolations } from './csp-recorder';
import { DIST } from './preview-server';

const EPCI = { siren: '200000628', name: 'CC Rhône Lez Provence', email: 'charge.mission@ccrlp.fr', password: 'mot de passe du compte 2026' };
/** The same passphrase for the key and the backup, as the key's hint advises: the restore asks for it once. */
const PASSPHRASE = 'girafe tramway ocre mistral 1987';
// Sized as the offline test's commune: every theme has questions to answer.
const MORNAS: CommuneData = { ...SAINT_EXEMPLE, name: 'Mornas' };

let browser: Browser;
let cluster: PostgresCluster;
let database: Database;
let server: Awaited<ReturnType<typeof buildApp>>;
let serverUrl = '';
let app: { url: string; close: () => Promise<void> };
let secret = '';

beforeAll(async () => {
  cluster = startPostgresCluster();
  database = await openTestDatabase('postgresql', cluster);
  secret = (await ensureSetupSecret(database.pool)) ?? '';
  server = await buildApp(database.pool, testConfig());
  serverUrl = await server.listen({ host: '127.0.0.1', port: 0 });
  app = await startNginx([DIST], { proxy: { path: '/boite/', target: `${serverUrl}/` } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await server?.close();
  await database?.close();
  cluster?.stop();
});

/** What is not a fault here: the requests that fail while the network is cut, and the refusal the test provokes. */
const realErrors = (session: AppSession) =>
  session.pageErrors.filter((error) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|Content Security Policy|Failed to fetch/.test(error));

async function openEpciView(page: Page): Promise<void> {
  await page.goto(`${app.url}/epci/toutes`);
  await whenAppReady(page);
  await page.getByRole('heading', { name: 'Boîte aux lettres des communes' }).waitFor();
}

async function receive(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Recevoir', exact: true }).click();
  await page.getByText(/^Réception terminée : 1 importé\(s\), 0 déjà présent\(s\), 0 refusé\(s\)/).waitFor();
  const table = page.getByRole('table', { name: 'Score de chaque commune par thème, sur 100' });
  await expect.poll(() => table.getByRole('rowheader').allTextContents()).toEqual([MORNAS.name]);
}

describe('the mailbox between two devices', () => {
  it('carries an audit answered offline from a commune to its EPCI, and to the EPCI restored on a new device', async () => {
    // The EPCI's device: first account, key, invitation, encrypted backup.
    const epci = await openApp(browser, app.url);
    const ep = epci.page;
    await openEpciView(ep);
    await ep.getByLabel('Adresse de la boîte aux lettres').fill(`${app.url}/boite`);
    await ep.getByLabel('Adresse électronique').fill(EPCI.email);
    await ep.getByLabel('Mot de passe', { exact: true }).fill(EPCI.password);
    await ep.getByLabel(/^Premier compte sur ce serveur/).check();
    await ep.getByLabel('Secret de premier démarrage').fill(secret);
    await ep.getByLabel("SIREN de l'intercommunalité").fill(EPCI.siren);
    await ep.getByLabel("Nom de l'intercommunalité").fill(EPCI.name);
    await ep.getByRole('button', { name: 'Se connecter' }).click();
    await ep.getByLabel('Phrase de passe de la clé').fill(PASSPHRASE);
    await ep.getByRole('button', { name: 'Créer la clé sur cet appareil' }).click();
    await ep.getByLabel('Code INSEE de la commune').fill('84083');
    await ep.getByRole('button', { name: "Créer un code d'invitation" }).click();
    const code = (await ep.locator('.mailbox__code strong').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z-]{12,14}$/);

    // The backup now holds the key (and nothing else yet): a lost laptop will not lose what is sent from now on.
    await ep.goto(`${app.url}/donnees`);
    await whenAppReady(ep);
    await ep.getByText(/Cet appareil détient la clé de la boîte aux lettres/).waitFor();
    await ep.getByLabel('Protéger le fichier par une phrase de passe').check();
    await ep.getByLabel('Phrase de passe', { exact: true }).fill(PASSPHRASE);
    await ep.getByLabel('Confirmez la phrase de passe').fill(PASSPHRASE);
    const [download] = await Promise.all([ep.waitForEvent('download'), ep.getByRole('button', { name: 'Télécharger la sauvegarde' }).click()]);
    const backupPath = await download.path();

    // The commune's device: connected while online, then the audit answered and sent with the network cut.
    const commune = await openApp(browser, app.url);
    const cp = commune.page;
    await waitForServiceWorkerControl(cp);
    await createCommune(cp, MORNAS);
    await startAudit(cp);
    const themeUrl = cp.url();
    const auditId = /\/audits\/([^/]+)\//.exec(themeUrl)?.[1] ?? '';
    await cp.goto(`${app.url}/audits/${auditId}/results`);
    await whenAppReady(cp);
    await cp.getByLabel('Adresse de la boîte aux lettres').fill(`${app.url}/boite`);
    await cp.getByLabel("Code d'invitation").fill(code);
    await cp.getByRole('button', { name: 'Relier cet appareil' }).click();
    await cp.getByText(`Cet appareil est relié à la boîte aux lettres de ${EPCI.name}.`, { exact: false }).waitFor();

    await commune.context.setOffline(true);
    await cp.goto(themeUrl);
    await whenAppReady(cp);
    await answerAllThemes(cp, (_, count) => count - 2);
    await cp.getByRole('button', { name: "Marquer l'audit comme terminé" }).click();
    await cp.getByRole('button', { name: 'Envoyer à mon intercommunalité' }).click();
    await cp.getByText(/^En attente/).waitFor();
    expect(await database.pool.query('SELECT 1 FROM envelope')).toMatchObject({ rowCount: 0 });

    await commune.context.setOffline(false);
    // Sent when the browser says the network is back, without waiting out the back-off of the failed try.
    await cp.getByText(/^Envoyé le /).waitFor({ timeout: 20_000 });
    expect(await database.pool.query('SELECT insee FROM envelope')).toMatchObject({ rows: [{ insee: '84083' }] });

    // The EPCI receives: opened on its device, imported, in the table.
    await openEpciView(ep);
    await receive(ep);

    // The laptop is lost. A new device restores the backup made before the audit was sent, and receives it.
    const restored = await openApp(browser, app.url);
    const rp = restored.page;
    await rp.goto(`${app.url}/donnees`);
    await whenAppReady(rp);
    await rp.getByLabel('Fichier de sauvegarde').setInputFiles(backupPath);
    await rp.getByLabel('Phrase de passe du fichier').fill(PASSPHRASE);
    await rp.getByRole('button', { name: 'Ouvrir le fichier' }).click();
    await rp.getByText(new RegExp(`contient aussi la clé de la boîte aux lettres de ${EPCI.email}`)).waitFor();
    await rp.getByLabel(/^J'ai compris/).check();
    await rp.getByRole('button', { name: 'Remplacer les données de cet appareil' }).click();
    await rp.getByText(/La clé de la boîte aux lettres est sur cet appareil/).waitFor();
    await openEpciView(rp);
    // The server and the account come back with the key; the session does not.
    await expect.poll(() => rp.getByLabel('Adresse de la boîte aux lettres').inputValue()).toBe(`${app.url}/boite`);
    await expect.poll(() => rp.getByLabel('Adresse électronique').inputValue()).toBe(EPCI.email);
    await rp.getByLabel('Mot de passe', { exact: true }).fill(EPCI.password);
    await rp.getByRole('button', { name: 'Se connecter' }).click();
    await receive(rp);

    for (const session of [epci, commune, restored]) {
      expect(session.foreignRequests).toEqual([]);
      expect(realErrors(session)).toEqual([]);
    }

    // The default build names no mailbox origin: the server's own origin is out of the app's reach.
    const csp = await recordCspViolations(restored.context);
    await rp.reload();
    await whenAppReady(rp);
    const direct = await rp.evaluate((url) => fetch(`${url}/v1/device/recipient`, { mode: 'no-cors' }).then(() => 'reached', () => 'refused'), serverUrl);
    expect(direct).toBe('refused');
    await expect.poll(() => csp.violations.some((line) => line.startsWith('connect-src blocked'))).toBe(true);
    for (const session of [epci, commune, restored]) await session.context.close();
  });
});
