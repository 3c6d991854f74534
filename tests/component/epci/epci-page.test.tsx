import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../src/content/load-directory';
import { resetEpciView } from '../../../src/features/epci/epci-store';
import { renderApp } from '../../render';
import { auditRecords, exportFile, seedAudit } from './seed-audits';

/** The directory (35,000 communes) is read on a busy two-core machine: generous limits, no timing asserted. */
const slow = { timeout: 15_000 };

/** CC Rhône Lez Provence: Bollène, Lamotte-du-Rhône, Lapalud, Mondragon, Mornas. */
const SIREN = '200000628';

afterEach(() => {
  resetEpciView();
});

async function seedThree() {
  await seedAudit({ insee: '84019', name: 'Bollène', population: 13_500, pick: 'best', date: '2026-02-01T10:00:00.000Z' });
  await seedAudit({ insee: '84064', name: 'Lapalud', population: 3_900, pick: 'worst', date: '2026-03-01T10:00:00.000Z' });
  await seedAudit({ insee: '84083', name: 'Mornas', population: 2_300, pick: 'dont-know', date: '2026-04-01T10:00:00.000Z' });
}

const rowNames = (table: HTMLElement) =>
  within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.querySelector('a')?.textContent ?? '');

describe('EPCI view', { timeout: 60_000 }, () => {
  it('shows which members have sent an audit, the spread by theme and the heat map, and sorts and filters with the keyboard', async () => {
    await loadDirectory();
    await seedThree();
    const { user } = await renderApp(`/epci/${SIREN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'CC Rhône Lez Provence' }, slow)).toBeInTheDocument();
    expect(await screen.findByText('3 communes membres sur 5 ont un audit sur cet appareil.', {}, slow)).toBeInTheDocument();
    const missing = screen.getByRole('heading', { name: '2 communes sans audit' });
    const list = missing.nextElementSibling;
    expect(list?.tagName).toBe('UL');
    const items = [...(list?.querySelectorAll('li') ?? [])].map((li) => li.textContent ?? '');
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^Lamotte-du-Rhône \(INSEE 84063, [\d\s ]+ hab\.\)$/);
    expect(items[1]).toMatch(/^Mondragon \(INSEE 84078, [\d\s ]+ hab\.\)$/);

    // The spread table: the overall row gives the three audits' overall scores as numbers.
    const spread = screen.getByRole('table', { name: /moyenne, minimum, quartiles et maximum/ });
    const overall = within(spread).getByRole('row', { name: /^Score global/ });
    expect(within(overall).getAllByRole('cell')[0]).toHaveTextContent('3');
    // Best answers everywhere: 100; worst and "je ne sais pas" everywhere: 0. Mean 33, max 100, min 0.
    expect(within(overall).getAllByRole('cell').slice(1, 7).map((c) => c.textContent)).toEqual(['33', '0', '0', '0', '50', '100']);

    // The heat map: a real table, the score written in each cell, sorted by name to start with.
    const table = screen.getByRole('table', { name: 'Score de chaque commune par thème, sur 100' });
    expect(rowNames(table)).toEqual(['Bollène', 'Lapalud', 'Mornas']);
    const bollène = within(table).getByRole('row', { name: /Bollène/ });
    // Population, date, questionnaire version, then the overall score.
    expect(within(bollène).getAllByRole('cell')[2]).toHaveTextContent('v2');
    expect(within(bollène).getAllByRole('cell')[3]).toHaveTextContent('100');

    // Keyboard only: move to the "Score global" header button and sort on it.
    const sortOverall = within(table).getByRole('button', { name: /^Score global/ });
    while (document.activeElement !== sortOverall) await user.tab();
    await user.keyboard('{Enter}');
    expect(sortOverall.closest('th')).toHaveAttribute('aria-sort', 'descending');
    expect(rowNames(table)).toEqual(['Bollène', 'Lapalud', 'Mornas']);
    await user.keyboard('{Enter}');
    expect(sortOverall.closest('th')).toHaveAttribute('aria-sort', 'ascending');
    expect(rowNames(table)[2]).toBe('Bollène');

    // Filter on the stratum 2,000–3,499 inhabitants: only Mornas stays; the count is announced.
    const stratum = screen.getByRole('checkbox', { name: '2 000 à 3 499 hab.' });
    while (document.activeElement !== stratum) await user.tab();
    await user.keyboard(' ');
    expect(rowNames(table)).toEqual(['Mornas']);
    expect(screen.getByText('1 commune affichée sur 3.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    expect(rowNames(table)).toHaveLength(3);
  });

  it('imports several files chosen with the keyboard and says what became of each', async () => {
    await loadDirectory();
    await seedAudit({ insee: '84019', name: 'Bollène', population: 13_500, pick: 'best' });
    const { user } = await renderApp(`/epci/${SIREN}`);
    expect(await screen.findByText('1 commune membre sur 5 a un audit sur cet appareil.', {}, slow)).toBeInTheDocument();

    // Bollène's file is already on the device; Lapalud's is new; the third file is not ours.
    const bollène = await auditRecords({ insee: '84019', name: 'Bollène', population: 13_500, pick: 'best' });
    const lapalud = await auditRecords({ insee: '84064', name: 'Lapalud', population: 3_900, pick: 'worst' });

    const input = screen.getByLabelText('Choisir des fichiers');
    while (document.activeElement !== input) await user.tab();
    await user.upload(input, [
      exportFile('bollene.cyberdiag.json', bollène),
      exportFile('lapalud.cyberdiag.json', lapalud),
      new File(['{"hello":"world"}'], 'autre.json', { type: 'application/json' }),
    ]);
    expect(await screen.findByText('Import terminé : 3 fichiers traités.', {}, slow)).toBeInTheDocument();
    expect(screen.getByText('Résultat : 1 fichier importé, 1 déjà présent, 1 refusé.')).toBeInTheDocument();
    expect(screen.getByText(/autre\.json/).closest('li')).toHaveTextContent("refusé : ce n'est pas un export Cyberdiag.");
    expect(screen.getByText(/bollene\.cyberdiag\.json/).closest('li')).toHaveTextContent('déjà présent sur cet appareil : ignoré (1 audit).');
    expect(screen.getByText(/lapalud\.cyberdiag\.json/).closest('li')).toHaveTextContent('importé (1 audit).');
    await waitFor(() => expect(screen.getByText('2 communes membres sur 5 ont un audit sur cet appareil.')).toBeInTheDocument(), slow);
  });

  it('lists every commune of the device in the national view', async () => {
    await seedThree();
    await renderApp('/epci/toutes');
    expect(await screen.findByRole('heading', { level: 1, name: 'Toutes les communes de cet appareil' }, slow)).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Score de chaque commune par thème, sur 100' }, slow);
    expect(rowNames(table)).toEqual(['Bollène', 'Lapalud', 'Mornas']);
    expect(screen.queryByRole('heading', { name: 'Communes membres' })).toBeNull();
  });
});
