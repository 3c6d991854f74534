/**
 * Addresses whose record is not on the device (deleted, or made on another device): each ends in a page that says
 * what is missing and leads back, and the app does not reopen there next time.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../../src/content/load-questionnaire';
import { startAudit } from '../../../src/db/audits-repository';
import { createCommune } from '../../../src/db/communes-repository';
import { getSetting, isString, SETTING_KEYS } from '../../../src/db/settings-repository';
import { renderApp } from '../../render';

const lastPath = () => getSetting(SETTING_KEYS.lastPath, isString);

async function seedAudit() {
  const commune = await createCommune({
    name: 'Saint-Test',
    insee: '',
    postcode: '',
    epciSiren: '',
    epciName: '',
    profile: { population: 800, agents: 3, computers: 4, itProvider: true, hasServer: false },
  });
  return startAudit(commune, await loadQuestionnaire(), 'Secrétaire');
}

async function expectNotFound(body: RegExp) {
  expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toBeInTheDocument();
  expect(screen.getByText(body)).toBeInTheDocument();
  expect(screen.queryByText('Chargement…')).not.toBeInTheDocument();
}

describe('a missing record', { timeout: 20_000 }, () => {
  it.each([
    '/audits/nope',
    '/audits/nope/themes/backup',
    '/audits/nope/results',
    '/audits/nope/plan',
    '/audits/nope/questions',
  ])(
    'an audit (%s) ends in a not-found page with a way home, and is not the page the app reopens on',
    async (path) => {
      const { user, router } = await renderApp(path);
      await expectNotFound(/Cet audit n'est pas sur cet appareil/);
      await waitFor(async () => expect(await lastPath()).toBe('/'));
      await user.click(screen.getByRole('link', { name: "Revenir à l'accueil" }));
      await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    },
  );

  it.each(['/communes/nope', '/communes/nope/edit', '/communes/nope/compare'])('a commune (%s) ends in a not-found page', async (path) => {
    await renderApp(path);
    await expectNotFound(/Cette commune n'est pas sur cet appareil/);
    expect(screen.getByRole('link', { name: "Revenir à l'accueil" })).toHaveAttribute('href', '/');
    await waitFor(async () => expect(await lastPath()).toBe('/'));
  });

  it('an intercommunalité that is not in the directory ends in a not-found page that leads back to the choice', async () => {
    // A well-formed SIREN that no EPCI has: a link kept from an older directory, or a typo in the address.
    const { user, router } = await renderApp('/epci/200000000');
    await expectNotFound(/Cette intercommunalité n'est pas dans l'annuaire/);
    await waitFor(async () => expect(await lastPath()).toBe('/'));
    await user.click(screen.getByRole('link', { name: 'Choisir une autre intercommunalité' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/epci'));
  });

  it('a theme that is not in the questionnaire leads back to the audit, which is still there', async () => {
    const audit = await seedAudit();
    const { user, router } = await renderApp(`/audits/${audit.id}/themes/nope`);
    await expectNotFound(/Ce thème ne fait pas partie du questionnaire/);
    await waitFor(async () => expect(await lastPath()).toBe('/'));
    await user.click(screen.getByRole('link', { name: "Revenir à l'audit" }));
    // The audit opens on its first theme, and that page is remembered again.
    expect(await screen.findByRole('heading', { level: 1, name: /Sauvegardes/ })).toBeInTheDocument();
    await waitFor(async () => expect(await lastPath()).toBe(router.state.location.pathname));
    expect(router.state.location.pathname).toMatch(new RegExp(`^/audits/${audit.id}/themes/`));
  });

  it('is said in English too', async () => {
    await renderApp('/audits/nope/results', { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText(/This audit is not on this device/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the home page' })).toBeInTheDocument();
  });
});
