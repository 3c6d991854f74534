import { act, render, screen, waitFor } from '@testing-library/react';
import { setupUser } from '../../user';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../src/app/providers';
import { EpciSearch } from '../../../src/components/commune-search';
import { db } from '../../../src/db/database';
import { loadDirectory } from '../../../src/content/load-directory';
import { createI18n } from '../../../src/i18n/i18n';
import { renderApp } from '../../render';

async function openNewCommuneForm() {
  const view = await renderApp('/communes/new');
  const combobox = await screen.findByRole('combobox', { name: /Rechercher la commune dans l'annuaire officiel/ });
  // Keyboard only from here: the field is reached as a keyboard user would land on it.
  act(() => combobox.focus());
  // Focus starts loading the directory; waiting for it here keeps the tests' timings free of the first load.
  await act(() => loadDirectory());
  return { ...view, combobox };
}

// Reading and indexing the 35,000 communes takes a moment on a busy machine: generous time limits, no timing asserted.
describe('commune form: the official directory search', { timeout: 20_000 }, () => {
  it('finds a commune typed without accents and fills its codes, population and EPCI with the keyboard only', async () => {
    const { user, combobox } = await openNewCommuneForm();
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('saint etienne');
    const listbox = await screen.findByRole('listbox');
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    expect(combobox).toHaveAttribute('aria-controls', listbox.id);
    const options = await screen.findAllByRole('option');
    expect(options.length).toBeLessThanOrEqual(20);
    expect(options[0]).toHaveTextContent(/^Saint-Étienne 42000 · INSEE 42218 · 173 136 hab\. · Saint-Étienne Métropole$/);

    await user.keyboard('{ArrowDown}');
    expect(combobox).toHaveAttribute('aria-activedescendant', options[0]?.id);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(combobox).toHaveAttribute('aria-activedescendant', options[1]?.id);
    await user.keyboard('{ArrowUp}');
    expect(combobox).toHaveAttribute('aria-activedescendant', options[0]?.id);
    await user.keyboard('{Enter}');

    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(combobox).toHaveValue('Saint-Étienne');
    expect(screen.getByLabelText('Nom de la commune')).toHaveValue('Saint-Étienne');
    expect(screen.getByLabelText(/^Code INSEE/)).toHaveValue('42218');
    expect(screen.getByLabelText('Code postal')).toHaveValue('42000');
    expect(screen.getByLabelText("Nombre d'habitants")).toHaveValue('173136');
    expect(screen.getByLabelText(/^SIREN de l'intercommunalité/)).toHaveValue('244200770');
    expect(screen.getByLabelText("Nom de l'intercommunalité")).toHaveValue('Saint-Étienne Métropole');
    expect(screen.getByText(/ont été repris de l'annuaire officiel/)).toBeInTheDocument();
    // Enter chose a commune: it did not submit the form.
    expect(await db.communes.count()).toBe(0);
  });

  it('announces how many communes match, and when none does', async () => {
    const { user, combobox } = await openNewCommuneForm();
    await user.keyboard('Ouessant');
    expect(await screen.findByText('1 commune trouvée.')).toHaveAttribute('role', 'status');
    await user.clear(combobox);
    await user.keyboard('saint');
    expect(await screen.findByText(/communes trouvées : les 20 plus probables sont affichées/)).toBeInTheDocument();
    await user.keyboard('zzqx');
    expect(await screen.findByText('Aucune commune ne correspond à « saintzzqx ».')).toBeInTheDocument();
  });

  it('finds a Corsican commune by its INSEE code and takes the postcode the user typed for a commune that has several', async () => {
    const { user, combobox } = await openNewCommuneForm();
    await user.keyboard('2A004');
    await screen.findByRole('option', { name: /^Ajaccio/ });
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByLabelText(/^Code INSEE/)).toHaveValue('2A004');

    await user.clear(combobox);
    await user.keyboard('42100');
    await screen.findByRole('option', { name: /^Saint-Étienne/ });
    const options = screen.getAllByRole('option');
    const index = options.findIndex((o) => o.textContent?.startsWith('Saint-Étienne'));
    await user.keyboard('{ArrowDown}'.repeat(index + 1) + '{Enter}');
    expect(screen.getByLabelText('Code postal')).toHaveValue('42100');
  });

  it('closes the list with Escape, then clears the field with a second Escape', async () => {
    const { user, combobox } = await openNewCommuneForm();
    await user.keyboard('bourg en bresse');
    await screen.findByRole('listbox');
    await user.keyboard('{Escape}');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(combobox).toHaveValue('bourg en bresse');
    await user.keyboard('{Escape}');
    expect(combobox).toHaveValue('');
  });

  it('says so for a commune that belongs to no EPCI, and saves what was filled', async () => {
    const { user, router } = await openNewCommuneForm();
    await user.keyboard('ouessant');
    await screen.findByRole('option', { name: /^Ouessant/ });
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByText(/n'appartient à aucune intercommunalité/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^SIREN de l'intercommunalité/)).toHaveValue('');

    await user.type(screen.getByLabelText(/^Nombre d'agents/), '4');
    await user.type(screen.getByLabelText(/^Nombre d'ordinateurs/), '5');
    await user.click(screen.getAllByRole('radio', { name: 'Oui' })[0] as HTMLElement);
    await user.click(screen.getAllByRole('radio', { name: 'Non' })[1] as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Enregistrer la commune' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/communes\/[\w-]+$/));
    const [saved] = await db.communes.toArray();
    expect(saved).toMatchObject({ name: 'Ouessant', insee: '29155', postcode: '29242', epciSiren: '', epciName: '' });
  });
});

describe('EpciSearch', { timeout: 20_000 }, () => {
  it('picks an EPCI by name with the keyboard and hands it over', async () => {
    const i18n = await createI18n('en');
    const onSelect = vi.fn();
    const user = setupUser();
    render(
      <AppProviders i18n={i18n}>
        <EpciSearch onSelect={onSelect} />
      </AppProviders>,
    );
    const combobox = screen.getByRole('combobox', { name: 'Find the intercommunality (EPCI)' });
    act(() => combobox.focus());
    await act(() => loadDirectory());
    await user.keyboard('saint etienne metropole');
    const option = await screen.findByRole('option', { name: /^Saint-Étienne Métropole Métropole · SIREN 244200770 · \d+ communes$/ });
    expect(option).toBeInTheDocument();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ siren: '244200770', type: 'METRO' }));
    expect(screen.getByRole('status')).toHaveTextContent('Intercommunality chosen: Saint-Étienne Métropole.');
  });
});
