import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createCommune } from '../../../src/db/communes-repository';
import { renderApp } from '../../render';

const profile = { population: 500, agents: 2, computers: 3, itProvider: false, hasServer: false };

async function seed(names: Array<[string, string, string]>) {
  for (const [name, insee, epciName] of names) {
    await createCommune({ name, insee, postcode: '', epciSiren: '', epciName, profile });
  }
}

describe('home: many communes on one device', { timeout: 20_000 }, () => {
  it('filters the communes by name (accents ignored), INSEE code or EPCI, and says how many match', async () => {
    await seed([
      ['Saint-Étienne-de-Tinée', '06120', 'Métropole Nice Côte d’Azur'],
      ['Sainte-Marie', '05154', 'CC Buëch Dévoluy'],
      ['Ajaccio', '2A004', 'CA du Pays Ajaccien'],
      ['Bastia', '2B033', 'CA de Bastia'],
      ['Ouessant', '29155', ''],
      ['Y', '80829', 'CC de l’Est de la Somme'],
    ]);
    const { user } = await renderApp('/');
    const filter = await screen.findByRole('searchbox', { name: 'Chercher parmi les communes' });
    const list = () => within(screen.getAllByRole('list').find((l) => l.classList.contains('card-list')) as HTMLElement);
    expect(list().getAllByRole('listitem')).toHaveLength(6);

    await user.type(filter, 'st etienne');
    expect(list().getAllByRole('link').map((a) => a.textContent)).toEqual(['Saint-Étienne-de-Tinée']);
    expect(screen.getByText('1 commune sur 6 correspond.')).toHaveAttribute('role', 'status');

    await user.clear(filter);
    await user.type(filter, '2a');
    expect(list().getAllByRole('link').map((a) => a.textContent)).toEqual(['Ajaccio']);

    await user.clear(filter);
    await user.type(filter, 'bastia');
    expect(list().getAllByRole('link').map((a) => a.textContent)).toEqual(['Bastia']);
    await user.clear(filter);
    await user.type(filter, 'CA ');
    expect(screen.getByText('2 communes sur 6 correspondent.')).toBeInTheDocument();
  });

  it('shows no filter for a handful of communes', async () => {
    await seed([['Ajaccio', '2A004', '']]);
    await renderApp('/');
    expect(await screen.findByRole('link', { name: 'Ajaccio' })).toBeInTheDocument();
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
  });
});
