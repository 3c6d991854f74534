// After a wrong passphrase or a refused file, the import page and the restore section lead back to an empty form
// (no reload needed). Three PBKDF2 derivations at 600,000 iterations happen here, about a second in all.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database';
import { renderApp } from '../../render';
import { readFixture } from '../../unit/exchange/fixtures';
import { dumpDatabase, seedDevice } from '../../unit/exchange/seed';

const file = (fixture: string, name: string) => new File([readFixture(fixture)], name, { type: 'application/json' });
const encrypted = () => file('v1-audits-encrypted.cyberdiag.json', 'chiffre.cyberdiag.json');

describe('import page: out of a refused file', { timeout: 20_000 }, () => {
  it('after a wrong passphrase, chooses another file and imports it', async () => {
    const { user } = await renderApp('/donnees/importer');
    await user.upload(await screen.findByLabelText('Fichiers à importer'), encrypted());
    await user.type(await screen.findByLabelText('Phrase de passe du fichier'), 'pas la bonne phrase');
    await user.click(screen.getByRole('button', { name: 'Ouvrir le fichier' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('soit la phrase de passe est fausse');
    // The prompt is asked again, with the focus back in its field.
    await waitFor(() => expect(screen.getByLabelText('Phrase de passe du fichier')).toHaveFocus());

    await user.click(screen.getByRole('button', { name: "Choisir d'autres fichiers" }));
    const input = screen.getByLabelText('Fichiers à importer');
    expect(input).toHaveFocus();
    expect((input as HTMLInputElement).files).toHaveLength(0);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Phrase de passe du fichier')).not.toBeInTheDocument();

    await user.upload(input, file('v1-audits.cyberdiag.json', 'saint-etienne.cyberdiag.json'));
    expect(await screen.findByText('Prêt à importer : 2 audits et 1 commune.')).toBeInTheDocument();
    // The encrypted file is forgotten: only the new one is listed.
    expect(screen.getByText('saint-etienne.cyberdiag.json')).toBeInTheDocument();
    expect(screen.queryByText('chiffre.cyberdiag.json')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Importer' }));
    expect(await screen.findByText('Import terminé : 2 audits ajoutés, 1 commune ajoutée.')).toBeInTheDocument();
    expect(await db.audits.count()).toBe(2);
  });

  it('leaves the passphrase prompt with the keyboard, back to the empty form, changing nothing', async () => {
    await seedDevice();
    const { user } = await renderApp('/donnees/importer');
    const input = await screen.findByLabelText('Fichiers à importer');
    // Taken once the page is shown: the layout itself remembers the last page visited.
    const before = await dumpDatabase();
    await user.upload(input, encrypted());
    await user.click(await screen.findByLabelText('Phrase de passe du fichier'));
    await user.tab();
    expect(screen.getByRole('button', { name: 'Ouvrir le fichier' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: "Choisir d'autres fichiers" })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(screen.getByLabelText('Fichiers à importer')).toHaveFocus();
    expect(screen.queryByText('Fichiers lus')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Ce fichier est protégé par une phrase de passe' })).not.toBeInTheDocument();
    expect(await dumpDatabase()).toEqual(before);
  });
});

describe('restore section: out of a refused file', { timeout: 20_000 }, () => {
  it('after a wrong passphrase, cancels, then restores another file', async () => {
    const { user } = await renderApp('/donnees');
    await user.upload(await screen.findByLabelText('Fichier de sauvegarde'), encrypted());
    await user.type(await screen.findByLabelText('Phrase de passe du fichier'), 'pas la bonne phrase');
    await user.click(screen.getByRole('button', { name: 'Ouvrir le fichier' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('soit la phrase de passe est fausse');

    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    const input = screen.getByLabelText('Fichier de sauvegarde');
    expect(input).toHaveFocus();
    expect((input as HTMLInputElement).files).toHaveLength(0);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Phrase de passe du fichier')).not.toBeInTheDocument();

    await user.upload(input, file('v1-backup.cyberdiag.json', 'sauvegarde.cyberdiag.json'));
    expect(await screen.findByText(/^Sauvegarde du .* : 2 communes et 3 audits\.$/)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /J'ai compris/ }));
    await user.click(screen.getByRole('button', { name: 'Remplacer les données de cet appareil' }));
    expect(await screen.findByText('La sauvegarde a été restaurée : 2 communes et 3 audits sur cet appareil.')).toBeInTheDocument();
    expect(await db.audits.count()).toBe(3);
  });

  it('after a refused file, or at the confirmation, goes back to the empty form, changing nothing', async () => {
    await seedDevice();
    const { user } = await renderApp('/donnees');
    const input = await screen.findByLabelText('Fichier de sauvegarde');
    const before = await dumpDatabase();

    await user.upload(input, file('v1-audits.cyberdiag.json', 'audits.cyberdiag.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce fichier contient des audits, pas une sauvegarde complète.');
    await user.click(screen.getByRole('button', { name: 'Choisir un autre fichier' }));
    expect(screen.getByLabelText('Fichier de sauvegarde')).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.upload(screen.getByLabelText('Fichier de sauvegarde'), file('v1-backup.cyberdiag.json', 'sauvegarde.cyberdiag.json'));
    await screen.findByText(/^Sauvegarde du /);
    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByText(/^Sauvegarde du /)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remplacer les données de cet appareil' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Fichier de sauvegarde')).toHaveFocus();
    expect(await dumpDatabase()).toEqual(before);
  });
});
