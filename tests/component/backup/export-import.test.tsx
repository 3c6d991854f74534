// Two PBKDF2 derivations at 600,000 iterations happen here (one export, one import), about a second in all.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database';
import { renderApp } from '../../render';
import { dumpDatabase, seedDevice } from '../../unit/exchange/seed';
import { readFixture } from '../../unit/exchange/fixtures';
import { asFile, catchDownloads, only } from './downloads';

const clearData = () => Promise.all([db.communes.clear(), db.audits.clear(), db.planItems.clear()]);

describe('exporting and importing audits', () => {
  it('exports the audit chosen on its commune page and imports it on an empty device', async () => {
    const downloads = catchDownloads();
    const seeded = await seedDevice();
    const { user } = await renderApp('/communes/commune-a');
    const exportLinks = await screen.findAllByRole('link', { name: 'Exporter cet audit' });
    expect(exportLinks.map((l) => l.getAttribute('href'))).toContain('/donnees/exporter?audit=audit-a1');
    const exportFirst = exportLinks.find((l) => l.getAttribute('href')?.endsWith('audit-a1'));
    if (!exportFirst) throw new Error('no export link for audit-a1');
    await user.click(exportFirst);

    await screen.findByRole('heading', { level: 1, name: 'Exporter des audits' });
    const aubeterre = screen.getByRole('group', { name: 'Aubeterre' });
    const boxes = within(aubeterre).getAllByRole('checkbox');
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([false, true]);
    await user.click(screen.getByRole('button', { name: 'Exporter 1 audit' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/aubeterre-\d{4}-\d{2}-\d{2}\.cyberdiag\.json/);
    expect(downloads).toHaveLength(1);

    await clearData();
    await user.click(screen.getByRole('link', { name: 'Retour à la sauvegarde' }));
    await user.click(await screen.findByRole('link', { name: 'Importer des fichiers' }));
    await user.upload(await screen.findByLabelText('Fichiers à importer'), asFile(only(downloads)));
    expect(await screen.findByText('Prêt à importer : 1 audit et 1 commune.')).toBeInTheDocument();
    // Nothing is written before the user confirms.
    expect(await db.audits.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Importer' }));
    expect(await screen.findByText('Import terminé : 1 audit ajouté, 1 commune ajoutée.')).toBeInTheDocument();

    expect(await db.audits.toArray()).toEqual([{ ...seeded.audits[0], origin: 'imported' }]);
    expect(await db.communes.toArray()).toEqual([seeded.communes[0]]);
    expect(await db.planItems.toArray()).toEqual(seeded.planItems);
  });

  it('protects an export with a passphrase, and asks for it again on import', async () => {
    const downloads = catchDownloads();
    const seeded = await seedDevice();
    const { user } = await renderApp('/donnees/exporter?audit=audit-b1');
    await user.click(await screen.findByRole('checkbox', { name: /Protéger le fichier par une phrase de passe/ }));
    expect(screen.getByText(/personne ne pourra ouvrir le fichier/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Phrase de passe'), 'trois petits chats');
    await user.type(screen.getByLabelText('Confirmez la phrase de passe'), 'trois petits chat');
    await user.click(screen.getByRole('button', { name: 'Exporter 1 audit' }));
    expect(screen.getByText('Les deux phrases de passe ne sont pas identiques.')).toBeInTheDocument();
    expect(downloads).toHaveLength(0);
    await user.type(screen.getByLabelText('Confirmez la phrase de passe'), 's');
    await user.click(screen.getByRole('button', { name: 'Exporter 1 audit' }));
    await waitFor(() => expect(downloads).toHaveLength(1));

    await clearData();
    await user.click(screen.getByRole('link', { name: 'Retour à la sauvegarde' }));
    await user.click(await screen.findByRole('link', { name: 'Importer des fichiers' }));
    await user.upload(await screen.findByLabelText('Fichiers à importer'), asFile(only(downloads)));
    await user.type(await screen.findByLabelText('Phrase de passe du fichier'), 'trois petits chats');
    await user.click(screen.getByRole('button', { name: 'Ouvrir le fichier' }));
    await user.click(await screen.findByRole('button', { name: 'Importer' }));
    await screen.findByText(/Import terminé/);
    expect(await db.audits.toArray()).toEqual([{ ...seeded.audits[2], origin: 'imported' }]);
  });

  it.each(['aaaaaaaaaa', '1234567890', 'azertyuiop'])('refuses the passphrase "%s" as too easy to guess, and makes no file', async (weak) => {
    const downloads = catchDownloads();
    await seedDevice();
    const { user } = await renderApp('/donnees/exporter?audit=audit-b1');
    await user.click(await screen.findByRole('checkbox', { name: /Protéger le fichier par une phrase de passe/ }));
    await user.type(screen.getByLabelText('Phrase de passe'), weak);
    await user.type(screen.getByLabelText('Confirmez la phrase de passe'), weak);
    await user.click(screen.getByRole('button', { name: 'Exporter 1 audit' }));
    expect(await screen.findByText(/Cette phrase de passe se devine trop facilement/)).toBeInTheDocument();
    expect(downloads).toHaveLength(0);
  });

  it('asks what to do with an audit already on the device, and does it', async () => {
    await seedDevice();
    const { user } = await renderApp('/donnees/importer');
    const file = JSON.parse(readFixture('v1-audits.cyberdiag.json'));
    file.payload.audits[0].id = 'audit-a2';
    file.payload.planItems[0].auditId = 'audit-a2';
    await user.upload(await screen.findByLabelText('Fichiers à importer'), new File([JSON.stringify(file)], 'saint-etienne.cyberdiag.json'));

    const conflict = await screen.findByRole('group', { name: /Saint-Étienne-du-Bois · audit commencé le 3 novembre 2025/ });
    expect(within(conflict).getByText(/Sur cet appareil : en cours, 2 réponses, modifié le 1 septembre 2026\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Importer' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choisissez quoi faire pour chacun des audits déjà présents.');
    expect((await db.audits.get('audit-a2'))?.origin).toBe('local');

    await user.click(within(conflict).getByRole('radio', { name: 'Remplacer par celui du fichier' }));
    await user.click(screen.getByRole('button', { name: 'Importer' }));
    expect(await screen.findByText('Import terminé : 1 audit ajouté, 1 audit remplacé, 1 commune ajoutée.')).toBeInTheDocument();
    expect(await db.audits.get('audit-a2')).toMatchObject({ origin: 'imported', communeId: '6f1c2b8e-3d4a-4c1e-9b7f-0a1b2c3d4e5f' });
  });

  it('refuses a file that is not ours with a clear message and changes nothing', async () => {
    await seedDevice();
    const { user } = await renderApp('/donnees/importer');
    const input = await screen.findByLabelText('Fichiers à importer');
    // Taken once the page is shown: the layout itself remembers the last page visited.
    const before = await dumpDatabase();
    await user.upload(input, [
      // Named .json: the file picker lets through what its name allows, the door judges the content.
      new File([readFixture('hostile/not-json.txt')], 'compte-rendu.json'),
      new File([readFixture('hostile/future-version.cyberdiag.json')], 'futur.cyberdiag.json'),
    ]);
    await screen.findByText('Fichiers lus');
    const alerts = screen.getAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual([
      expect.stringContaining("Ce fichier est abîmé ou incomplet"),
      expect.stringContaining('version plus récente de Cyberdiag'),
    ]);
    expect(screen.queryByRole('button', { name: 'Importer' })).not.toBeInTheDocument();
    expect(await dumpDatabase()).toEqual(before);
  });

  it('shows imported markup as plain text, never as HTML', async () => {
    const { user } = await renderApp('/donnees/importer');
    await user.upload(await screen.findByLabelText('Fichiers à importer'), new File([readFixture('hostile/script-and-bidi-names.cyberdiag.json')], 'piege.cyberdiag.json'));
    await user.click(await screen.findByRole('button', { name: 'Importer' }));
    await screen.findByText(/Import terminé/);
    const [commune] = await db.communes.toArray();
    await user.click(screen.getByRole('link', { name: 'Retour à la sauvegarde' }));
    await user.click(await screen.findByRole('link', { name: 'Exporter des audits' }));
    const legend = await screen.findByText('<script>alert("pwned")</script> Saint-HTML.exe');
    expect(legend.tagName).toBe('BDI');
    expect(document.querySelectorAll('script, img')).toHaveLength(0);
    expect(commune?.name).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});
