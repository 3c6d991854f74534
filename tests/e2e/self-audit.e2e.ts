import { describe, expect, inject, it } from 'vitest';
import { appSessionsPerTest } from './browser';
import { answerAllThemes, answerThemePage, createCommune, startAudit } from './journey';

const baseUrl = inject('baseUrl');
const sessions = appSessionsPerTest();

describe('the self-audit journey', () => {
  it('goes from the profile to the results, and a reload mid-audit loses nothing', async () => {
    const session = await sessions.open(baseUrl);
    const { page } = session;
    await createCommune(page);
    await startAudit(page);

    // First theme: answer two questions, then reload as if the tab had been closed.
    const firstTheme = page.url();
    const question = page.locator('fieldset.question').first();
    await question.getByRole('radio').first().check();
    const second = page.locator('fieldset.question').nth(1);
    await second.getByRole('radio', { name: 'Je ne sais pas' }).check();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Réponse enregistrée.' }).count()).toBe(1);
    await page.reload();
    await page.locator('fieldset.question').first().waitFor();
    expect(page.url()).toBe(firstTheme);
    expect(await page.locator('fieldset.question').first().getByRole('radio').first().isChecked()).toBe(true);
    expect(await page.locator('fieldset.question').nth(1).getByRole('radio', { name: 'Je ne sais pas' }).isChecked()).toBe(true);

    // Opening the app again at its start page reopens the audit where she stopped.
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(firstTheme);

    // Answer everything: best option for most questions, "je ne sais pas" every fifth one.
    await answerAllThemes(page, (i, count) => (i % 5 === 4 ? count - 1 : 0));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Résultats de Saint-Exemple-sur-Loire');
    await expect.poll(() => page.getByText('Toutes les questions ont une réponse.').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Score global' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Score de chaque thème, sur 100' }).getByRole('row').count()).toBeGreaterThan(1);
    expect(await page.getByRole('heading', { name: 'À vérifier' }).count()).toBe(1);
    expect(await page.getByText(/À vérifier auprès de/).count()).toBeGreaterThan(0);
  });

  it('switches the whole interface to English and remembers the choice', async () => {
    const session = await sessions.open(baseUrl);
    const { page } = session;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Where does your commune stand on cybersecurity?' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Where does your commune stand on cybersecurity?' }).waitFor();
    await page.getByRole('link', { name: 'Add a commune' }).click();
    await page.getByLabel('Name of the commune').waitFor();
  });

  it('refuses an out-of-range profile with a clear message and stores nothing', async () => {
    const session = await sessions.open(baseUrl);
    const { page } = session;
    await page.getByRole('link', { name: 'Ajouter une commune' }).click();
    await page.getByLabel('Nom de la commune').fill('Commune test');
    await page.getByLabel("Nombre d'habitants").fill('-5');
    await page.getByRole('button', { name: 'Enregistrer la commune' }).click();
    await page.getByText('Ce nombre ne peut pas être négatif.').waitFor();
    expect(await page.getByText('Ce champ est obligatoire.').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Accueil', exact: true }).click();
    await page.getByText("Aucune commune pour l'instant", { exact: false }).waitFor();
  });

  it('asks only the questions that apply and keeps partial progress per theme', async () => {
    const session = await sessions.open(baseUrl);
    const { page } = session;
    await createCommune(page, { name: 'Petit-Bourg', population: '180', agents: '1', computers: '1', itProvider: false, hasServer: false });
    await startAudit(page);
    const question = (id: string) => page.locator(`fieldset#question-${id}`);
    const answered = await answerThemePage(page, () => 0);
    // Automatic backups of everything: their vital follow-ups are asked; how often they run is not asked of a
    // mairie under 1,000 inhabitants with fewer than 4 PCs (sized to the commune).
    expect(await question('backup-offline-immutable').count()).toBe(1);
    expect(await question('backup-restore-tested').count()).toBe(1);
    expect(await question('backup-frequency').count()).toBe(0);
    const nav = page.getByRole('navigation', { name: "Thèmes de l'audit" });
    expect(await nav.getByText(`${answered} sur ${answered}`).count()).toBeGreaterThan(0);

    // No server: nothing about updating it first.
    for (const [theme, asked, notAsked] of [['updates', 'updates-', 'updates-server-before']] as const) {
      await nav.locator(`a[href$="/themes/${theme}"]`).click();
      await page.waitForURL((url) => url.pathname.endsWith(`/themes/${theme}`));
      await page.locator(`fieldset[id^="question-${asked}"]`).first().waitFor();
      expect(await question(notAsked).count()).toBe(0);
    }
  });
});
