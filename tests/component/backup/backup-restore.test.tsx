import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database';
import { EXCHANGE_SETTING_KEYS } from '../../../src/db/backup-settings';
import { renderApp } from '../../render';
import { readFixture } from '../../unit/exchange/fixtures';
import { commune, dumpDatabase, seedDevice } from '../../unit/exchange/seed';
import { asFile, catchDownloads, fakeStorage, only } from './downloads';

describe('storage on the backup page', () => {
  it('asks for persistent storage and explains a refusal, with the space used', async () => {
    const storage = fakeStorage({ persist: false });
    await renderApp('/donnees');
    expect(await screen.findByText(/Le navigateur n'a pas garanti la conservation des données/)).toBeInTheDocument();
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/Espace utilisé .* 3 Mo sur 2 Go disponibles\./)).toBeInTheDocument();
  });

  it('says so when the browser grants it', async () => {
    fakeStorage({ persist: true });
    await renderApp('/donnees');
    expect(await screen.findByText(/Le navigateur s'est engagé à conserver les données/)).toBeInTheDocument();
  });

  it('says when the browser cannot be asked', async () => {
    await renderApp('/donnees', { language: 'en' });
    // English is loaded on demand: allow for it on a busy machine.
    expect(await screen.findByText(/This browser cannot be asked to keep data for good/, {}, { timeout: 3000 })).toBeInTheDocument();
  });
});

describe('full backup and restore', () => {
  it('downloads everything in one file and remembers the date', async () => {
    const downloads = catchDownloads();
    await seedDevice();
    const { user } = await renderApp('/donnees');
    expect(await screen.findByText('Aucune sauvegarde n\'a encore été faite sur cet appareil.')).toBeInTheDocument();
    expect(screen.getByText('À sauvegarder : 2 communes et 3 audits.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Télécharger la sauvegarde' }));
    expect(await screen.findByText(/Le fichier « cyberdiag-sauvegarde-\d{4}-\d{2}-\d{2}\.cyberdiag\.json » a été téléchargé/)).toBeInTheDocument();
    // Said in the backup section, and again in the « Tout effacer » dialog that offers a backup first.
    expect((await screen.findAllByText(/^Dernière sauvegarde : /))[0]).toBeInTheDocument();
    expect(downloads).toHaveLength(1);
    expect(await db.settings.get(EXCHANGE_SETTING_KEYS.lastBackupAt)).toBeDefined();
  });

  it('restores a backup only after explicit consent, replacing everything', async () => {
    const downloads = catchDownloads();
    await seedDevice();
    const { user } = await renderApp('/donnees');
    await user.click(await screen.findByRole('button', { name: 'Télécharger la sauvegarde' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const saved = await dumpDatabase();

    // The device changes after the backup…
    await db.audits.delete('audit-a1');
    await db.communes.add({ ...commune('commune-z', 'Zoza') });

    await user.upload(screen.getByLabelText('Fichier de sauvegarde'), asFile(only(downloads)));
    expect(await screen.findByText(/^Sauvegarde du .* : 2 communes et 3 audits\.$/)).toBeInTheDocument();
    const submit = screen.getByRole('button', { name: 'Remplacer les données de cet appareil' });
    expect(submit).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /J'ai compris : les 2 audits de cet appareil seront remplacés/ }));
    await user.click(submit);
    expect(await screen.findByText('La sauvegarde a été restaurée : 2 communes et 3 audits sur cet appareil.')).toBeInTheDocument();

    const after = await dumpDatabase();
    expect({ ...after, settings: [] }).toEqual({ ...saved, settings: [] });
  });

  it('refuses an audits file at the restore door, changing nothing', async () => {
    await seedDevice();
    const { user } = await renderApp('/donnees');
    const input = await screen.findByLabelText('Fichier de sauvegarde');
    const before = await dumpDatabase();
    await user.upload(input, new File([readFixture('v1-audits.cyberdiag.json')], 'audits.cyberdiag.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce fichier contient des audits, pas une sauvegarde complète.');
    expect(screen.queryByRole('button', { name: 'Remplacer les données de cet appareil' })).not.toBeInTheDocument();
    expect(await dumpDatabase()).toEqual(before);
  });
});

describe('backup reminder on the home page', () => {
  it('reminds a month after the first audit when nothing was ever backed up, and can wait a week', async () => {
    await seedDevice();
    const { user } = await renderApp('/');
    const banner = await screen.findByRole('region', { name: 'Pensez à sauvegarder vos audits' });
    expect(banner).toHaveTextContent('Vous n\'avez encore jamais sauvegardé vos audits.');
    expect(screen.getByRole('link', { name: 'Faire une sauvegarde' })).toHaveAttribute('href', '/donnees');
    await user.click(screen.getByRole('button', { name: 'Me le rappeler dans une semaine' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Pensez à sauvegarder vos audits' })).not.toBeInTheDocument());
    const snoozed = await db.settings.get(EXCHANGE_SETTING_KEYS.reminderSnoozedUntil);
    expect(Date.parse(String(snoozed?.value)) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
  });

  it('stays quiet after a recent backup', async () => {
    await seedDevice();
    await db.settings.put({ key: EXCHANGE_SETTING_KEYS.lastBackupAt, value: new Date().toISOString() });
    await renderApp('/');
    await screen.findByRole('heading', { level: 2, name: /communes/i });
    expect(screen.queryByRole('region', { name: 'Pensez à sauvegarder vos audits' })).not.toBeInTheDocument();
  });

  it('says once that the browser refused persistent storage', async () => {
    await seedDevice();
    await db.settings.put({ key: EXCHANGE_SETTING_KEYS.lastBackupAt, value: new Date().toISOString() });
    await db.settings.put({ key: 'storage-persistence-asked', value: 'refused' });
    const { user } = await renderApp('/');
    expect(await screen.findByText(/Votre navigateur n'a pas garanti la conservation des données de Cyberdiag/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: "J'ai compris" }));
    await waitFor(() => expect(screen.queryByText(/Votre navigateur n'a pas garanti/)).not.toBeInTheDocument());
  });
});
