// The export page with a handful of audits (as before) and with thousands (an OPSN's device): search, tick what is
// found, count, pages of communes.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database';
import type { AuditRecord, CommuneRecord } from '../../../src/db/records';
import { renderApp } from '../../render';
import { audit, commune, seedDevice } from '../../unit/exchange/seed';
import { catchDownloads, only } from './downloads';

/** A busy machine (two cores shared by everyone) can take more than the default second to render. */
const slow = { timeout: 10_000 };

const VILLAGES = 3000;

/** 0 → "Aaa", 1 → "Aab", 26 → "Aba"…: names in the same order as their numbers, without digits a search could hit. */
const letters = (i: number) =>
  [Math.floor(i / 676), Math.floor(i / 26) % 26, i % 26].map((d, k) => String.fromCharCode((k === 0 ? 65 : 97) + d)).join('');

/**
 * 3,000 villages ("Village Aaa"…"Village Elj", INSEE 80001…83000, one audit each, EPCI "CC de la Plaine"), then three communes of the Charente
 * in the "CA du Grand Cognac": Aubeterre-sur-Dronne (two audits), Aubeville and Saint-Aubin (one each). 3,003
 * communes, 3,004 audits in all, written in two bulkAdd calls.
 */
async function seedMany() {
  const communes: CommuneRecord[] = [];
  const audits: AuditRecord[] = [];
  for (let i = 0; i < VILLAGES; i++) {
    const n = letters(i);
    communes.push({ ...commune(`village-${n}`, `Village ${n}`, String(80001 + i)), epciName: 'CC de la Plaine' });
    audits.push(audit(`audit-village-${n}`, `village-${n}`));
  }
  const charente = { epciName: 'CA du Grand Cognac', epciSiren: '200070514' };
  communes.push(
    { ...commune('aubeterre', 'Aubeterre-sur-Dronne', '16020'), ...charente, postcode: '16390' },
    { ...commune('aubeville', 'Aubeville', '16021'), ...charente, postcode: '16250' },
    { ...commune('saint-aubin', 'Saint-Aubin', '33366'), postcode: '33160' },
  );
  audits.push(
    audit('audit-aubeterre-1', 'aubeterre', { status: 'completed', updatedAt: '2026-03-02T10:00:00.000Z', completedAt: '2026-03-02T10:00:00.000Z' }),
    audit('audit-aubeterre-2', 'aubeterre', { startedAt: '2026-10-01T09:00:00.000Z', updatedAt: '2026-10-01T09:30:00.000Z' }),
    audit('audit-aubeville', 'aubeville'),
    audit('audit-saint-aubin', 'saint-aubin'),
  );
  await db.communes.bulkAdd(communes);
  await db.audits.bulkAdd(audits);
}

/** The communes listed (one fieldset each; the language switch is a group too). */
const communeGroups = () => screen.queryAllByRole('group').filter((g) => g.tagName === 'FIELDSET');
/** jsdom's Blob has no text(). */
const readText = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
const groupNames = () => communeGroups().map((g) => g.querySelector('legend')?.textContent);
const searchBox = () => screen.findByRole('searchbox', { name: 'Chercher une commune' }, slow);

describe('export page, a handful of audits', () => {
  it('lists every audit by commune, ticks and unticks them all, with no search box or pages', async () => {
    await seedDevice();
    const { user } = await renderApp('/donnees/exporter');
    await screen.findByRole('heading', { level: 1, name: 'Exporter des audits' });
    await waitFor(() => expect(screen.getAllByRole('checkbox', { name: /^Audit du / })).toHaveLength(3), slow);
    expect(groupNames()).toEqual(['Aubeterre', 'Bellecombe']);
    expect(within(screen.getByRole('group', { name: 'Aubeterre' })).getAllByRole('checkbox').map((b) => b.parentElement?.textContent)).toEqual([
      'Audit du 1 septembre 2026 (en cours, 2 réponses)',
      'Audit du 5 janvier 2026 (terminé, 2 réponses)',
    ]);
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Pages de la liste des communes' })).not.toBeInTheDocument();
    expect(screen.queryByText(/cochés? sur/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Tout cocher' }));
    expect(screen.getAllByRole('checkbox', { name: /^Audit du / }).every((b) => (b as HTMLInputElement).checked)).toBe(true);
    expect(screen.getByRole('button', { name: 'Exporter 3 audits' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tout décocher' }));
    expect(screen.getByRole('button', { name: 'Exporter 0 audit' })).toBeInTheDocument();
  });
});

describe('export page, thousands of audits', { timeout: 60_000 }, () => {
  it('draws one page of communes at a time, in reading order, and moves the focus to the top of the next page', async () => {
    await seedMany();
    const { user } = await renderApp('/donnees/exporter');
    await searchBox();
    await waitFor(() => expect(communeGroups()).toHaveLength(50), slow);
    // Sorted as a reader expects: "Saint-Aubin" after the A, before the villages.
    expect(groupNames().slice(0, 4)).toEqual(['Aubeterre-sur-Dronne', 'Aubeville', 'Saint-Aubin', 'Village Aaa']);
    expect(screen.getByText(/^Communes 1 à 50 sur 3 003$/)).toBeInTheDocument();
    expect(screen.getByText(/^0 audit coché sur 3 004\.$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Communes précédentes' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Communes suivantes' }));
    const range = screen.getByText(/^Communes 51 à 100 sur 3 003$/);
    await waitFor(() => expect(range).toHaveFocus());
    await waitFor(() => expect(groupNames()[0]).toBe('Village Abv'), slow);
    expect(communeGroups()).toHaveLength(50);
  });

  it('finds communes by name or INSEE code, ticks exactly what it found, and exports it', async () => {
    const downloads = catchDownloads();
    await seedMany();
    const { user } = await renderApp('/donnees/exporter');
    const search = await searchBox();

    await user.type(search, 'aubeterre');
    await waitFor(() => expect(groupNames()).toEqual(['Aubeterre-sur-Dronne']), slow);
    expect(screen.getByText('1 commune trouvée sur 3 003 : 2 audits.')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Pages de la liste des communes' })).not.toBeInTheDocument();

    // An INSEE code is searched from its start: "160" is two communes of the Charente, not "80160".
    await user.clear(search);
    await user.type(search, '160');
    await waitFor(() => expect(groupNames()).toEqual(['Aubeterre-sur-Dronne', 'Aubeville']), slow);
    await waitFor(() => expect(screen.getAllByRole('checkbox', { name: /^Audit du / })).toHaveLength(3), slow);
    await user.click(screen.getByRole('button', { name: 'Cocher les 3 audits trouvés' }));
    expect(screen.getAllByRole('checkbox', { name: /^Audit du / }).map((b) => (b as HTMLInputElement).checked)).toEqual([true, true, true]);
    expect(screen.getByText('3 audits cochés sur 3 004.')).toBeInTheDocument();

    // The selection outlives the search, and the count says what the search hides.
    await user.clear(search);
    await user.type(search, 'saint aubin');
    await waitFor(() => expect(groupNames()).toEqual(['Saint-Aubin']), slow);
    expect(screen.getByText('3 audits cochés sur 3 004, dont 3 hors de la recherche.')).toBeInTheDocument();
    // Enter in the search box does not export.
    await user.type(search, '{Enter}');
    expect(downloads).toHaveLength(0);
    await user.clear(search);
    await waitFor(() => expect(communeGroups()).toHaveLength(50), slow);
    expect(screen.getByText('3 audits cochés sur 3 004.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Exporter 3 audits' }));
    expect(await screen.findByRole('status', {}, slow)).toHaveTextContent(/« cyberdiag-audits-\d{4}-\d{2}-\d{2}\.cyberdiag\.json »/);
    const file = JSON.parse(await readText(only(downloads).blob));
    expect(file.payload.audits.map((a: { id: string }) => a.id).sort()).toEqual(['audit-aubeterre-1', 'audit-aubeterre-2', 'audit-aubeville']);
    expect(file.payload.communes.map((c: { name: string }) => c.name).sort()).toEqual(['Aubeterre-sur-Dronne', 'Aubeville']);
  });

  it('unticks only what the search found, by EPCI, and says when nothing matches', async () => {
    await seedMany();
    const { user } = await renderApp('/donnees/exporter');
    const search = await searchBox();
    await waitFor(() => expect(communeGroups()).toHaveLength(50), slow);
    await user.click(screen.getByRole('button', { name: 'Tout cocher' }));
    expect(screen.getByText('3 004 audits cochés sur 3 004.')).toBeInTheDocument();

    await user.type(search, 'grand cognac');
    await waitFor(() => expect(groupNames()).toEqual(['Aubeterre-sur-Dronne', 'Aubeville']), slow);
    await user.click(screen.getByRole('button', { name: 'Décocher les 3 audits trouvés' }));
    expect(screen.getByText('3 001 audits cochés sur 3 004, dont 3 001 hors de la recherche.')).toBeInTheDocument();
    // Big numbers are grouped as in French ("3 001", with a narrow no-break space).
    expect(screen.getByRole('button', { name: /^Exporter 3\u202f001 audits$/ })).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, 'zzz');
    expect(await screen.findByText('Aucune commune ne correspond à cette recherche.', {}, slow)).toBeInTheDocument();
    expect(communeGroups()).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /^Cocher/ })).not.toBeInTheDocument();
  });
});
