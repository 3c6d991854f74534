/** "Erase all data on this device", on the backup page: a backup offered first, then everything the user made goes. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EXCHANGE_SETTING_KEYS } from '../../../src/db/backup-settings';
import { db } from '../../../src/db/database';
import { queueAudit } from '../../../src/services/sync/outbox';
import { renderApp } from '../../render';
import { seedDevice } from '../../unit/exchange/seed';
import { catchDownloads, only } from './downloads';

describe('erasing everything on the device', { timeout: 20_000 }, () => {
  it('offers a backup, then erases every commune, audit, plan and send waiting for the mailbox once confirmed', async () => {
    const downloads = catchDownloads();
    await seedDevice();
    await queueAudit('audit-a1');
    const { user } = await renderApp('/donnees');
    await user.click(await screen.findByRole('button', { name: 'Tout effacer…' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Effacer toutes les données de cet appareil ?' });
    expect(within(dialog).getByText(/Seront effacés de cet appareil : 2 communes et 3 audits/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Aucune sauvegarde n'a encore été faite sur cet appareil\./)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Télécharger une sauvegarde' }));
    expect(await within(dialog).findByText(/a été téléchargé/)).toBeInTheDocument();
    expect(only(downloads).fileName).toMatch(/^cyberdiag-sauvegarde-\d{4}-\d{2}-\d{2}\.cyberdiag\.json$/);
    expect(await db.settings.get(EXCHANGE_SETTING_KEYS.lastBackupAt)).toBeDefined();
    expect(await db.audits.count()).toBe(3);

    await user.click(within(dialog).getByRole('button', { name: 'Tout effacer' }));
    expect(await screen.findByText('Toutes les communes et tous les audits ont été effacés de cet appareil.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 2, name: 'Effacer toutes les données de cet appareil' })).toHaveFocus();
    expect([await db.communes.count(), await db.audits.count(), await db.planItems.count(), await db.outbox.count()]).toEqual([0, 0, 0, 0]);
  });

  it('erases nothing when cancelled', async () => {
    await seedDevice();
    const { user } = await renderApp('/donnees');
    await user.click(await screen.findByRole('button', { name: 'Tout effacer…' }, { timeout: 10_000 }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await db.audits.count()).toBe(3);
  });
});
