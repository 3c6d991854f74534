// The mailbox panel's account fields stop at the limits an encrypted backup's key is read back with
// (src/domain/limits.ts): an address typed here is never one that makes the backup unrestorable.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../render';

describe('the EPCI mailbox panel', { timeout: 30_000 }, () => {
  it('stops the server address at 2,048 characters and the e-mail at 254', async () => {
    await renderApp('/epci/toutes');
    expect(await screen.findByRole('heading', { name: 'Boîte aux lettres des communes' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(await screen.findByLabelText('Adresse de la boîte aux lettres')).toHaveAttribute('maxlength', '2048');
    expect(screen.getByLabelText('Adresse électronique')).toHaveAttribute('maxlength', '254');
  });
});
