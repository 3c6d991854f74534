import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { markDatabaseOutdated } from '../../../src/db/database-status';
import { renderApp } from '../../render';

describe('a tab left open while another tab upgrades the app', () => {
  it('tells the user to reload, with a button to do it', async () => {
    await renderApp('/');
    await screen.findByRole('navigation', { name: /./ });
    expect(screen.queryByText(/mis à jour dans un autre onglet/)).not.toBeInTheDocument();
    act(() => markDatabaseOutdated());
    expect(await screen.findByText(/Cyberdiag vient d'être mis à jour dans un autre onglet/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Recharger la page' })).toBeInTheDocument();
  });
});
