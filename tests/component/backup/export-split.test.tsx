// An export over the import door's cap (lowered to 16 KB here, instead of writing 20 MB) comes out as several files
// that the import takes back whole; a backup over the restore cap is not made, and the page says why.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/database';
import { EXCHANGE_SETTING_KEYS } from '../../../src/db/backup-settings';
import { importFiles, openExportFile } from '../../../src/services/exchange/import-files';
import type * as ExportFormat from '../../../src/domain/exchange/export-format';
import { renderApp } from '../../render';
import { dumpDatabase, seedCommunesWithReaudits } from '../../unit/exchange/seed';
import { asFile, catchDownloads } from './downloads';

const { CAP } = vi.hoisted(() => ({ CAP: 16 * 1024 }));

vi.mock('../../../src/domain/exchange/export-format', async (importOriginal) => {
  const original = await importOriginal<typeof ExportFormat>();
  return { ...original, EXPORT_LIMITS: { ...original.EXPORT_LIMITS, auditsFileBytes: CAP, backupFileBytes: CAP } };
});

const slow = { timeout: 10_000 };

/** 30 communes, two audits each (a re-audit chain) and a plan item: about 45 KB, three 16 KB files at least. */
const seedCommunes = () => seedCommunesWithReaudits(30);

describe('an export over the import cap', { timeout: 30_000 }, () => {
  it('is split into files named as a set, each taken by the import door, all of them giving every audit back', async () => {
    const downloads = catchDownloads();
    await seedCommunes();
    const before = await dumpDatabase();
    const { user } = await renderApp('/donnees/exporter');
    await user.click(await screen.findByRole('button', { name: 'Tout cocher' }, slow));
    await user.click(screen.getByRole('button', { name: 'Exporter 60 audits' }));

    const status = await screen.findByRole('status', {}, slow);
    const count = downloads.length;
    expect(count).toBeGreaterThanOrEqual(3);
    expect(status).toHaveTextContent(`ils ont été répartis en ${count} fichiers`);
    expect(status).toHaveTextContent('choisissez-les tous à la fois');
    // The browser may ask before a page downloads several files: the user is told that it is needed.
    expect(status).toHaveTextContent("Si votre navigateur a demandé l'autorisation de télécharger plusieurs fichiers, elle est nécessaire");
    const names = downloads.map((d) => d.fileName);
    names.forEach((name, i) => expect(name).toMatch(new RegExp(`^cyberdiag-audits-\\d{4}-\\d{2}-\\d{2}-${i + 1}-sur-${count}\\.cyberdiag\\.json$`)));
    for (const name of names) expect(status).toHaveTextContent(name);

    for (const download of downloads) {
      expect(download.blob.size).toBeLessThanOrEqual(CAP);
      const opened = await openExportFile(download.blob, { maxBytes: CAP });
      expect(opened.ok).toBe(true);
      // A commune comes with both its audits.
      if (opened.ok) expect(opened.value.payload.audits).toHaveLength(2 * opened.value.payload.communes.length);
    }

    await Promise.all([db.communes.clear(), db.audits.clear(), db.planItems.clear()]);
    const imported = await importFiles(downloads.map(asFile), { maxBytes: CAP, onConflict: () => Promise.resolve(new Map()) });
    expect(imported.files.every((f) => f.ok)).toBe(true);
    const after = await dumpDatabase();
    expect(after.communes).toEqual(before.communes);
    expect(after.audits).toEqual(before.audits.map((a) => ({ ...a, origin: 'imported' })));
    expect(after.planItems).toEqual(before.planItems);
  });

  it('says it in English too', async () => {
    catchDownloads();
    await seedCommunes();
    const { user } = await renderApp('/donnees/exporter', { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Tick all' }, slow));
    await user.click(screen.getByRole('button', { name: 'Export 60 audits' }));
    expect(await screen.findByRole('status', {}, slow)).toHaveTextContent(/they have been split into \d+ files.*choose them all at once/);
  });
});

describe('a full backup over the restore cap', { timeout: 30_000 }, () => {
  it('is not made: the page gives its size, points to the export, and records no backup', async () => {
    const downloads = catchDownloads();
    await seedCommunes();
    const { user } = await renderApp('/donnees');
    await user.click(await screen.findByRole('button', { name: 'Télécharger la sauvegarde' }, slow));
    const alert = await screen.findByRole('alert', {}, slow);
    expect(alert).toHaveTextContent(/La sauvegarde n'a pas été créée : elle ferait \d+,?\d* ko, plus qu'une restauration ne peut lire \(16 ko\)/);
    expect(alert).toHaveTextContent("Exportez plutôt tous les audits");
    expect(within(alert).getByRole('link', { name: 'Exporter des audits' })).toHaveAttribute('href', '/donnees/exporter');
    expect(downloads).toHaveLength(0);
    await waitFor(async () => expect(await db.settings.get(EXCHANGE_SETTING_KEYS.lastBackupAt)).toBeUndefined());
    expect(screen.getByText("Aucune sauvegarde n'a encore été faite sur cet appareil.")).toBeInTheDocument();
  });
});
