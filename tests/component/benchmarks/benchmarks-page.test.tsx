/**
 * The benchmarks page: which dataset and version are in use, every figure with its source, importing a newer file
 * (hostile ones refused with a translated message, nothing changed), and going back to the shipped dataset.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadBundledBenchmarks } from '../../../src/content/load-benchmarks';
import { ensureBundledDataset } from '../../../src/db/benchmarks-repository';
import { db } from '../../../src/db/database';
import versionOneFile from '../../fixtures/benchmarks/barometres-v1.json';
import { renderApp } from '../../render';

const bundled = await loadBundledBenchmarks();
const fileOf = (data: unknown, name = 'reperes.json') => new File([JSON.stringify(data)], name, { type: 'application/json' });
const withVersion = (version: number) => ({ ...structuredClone(bundled), version });

/** Pages load lazily, files are checked in full and the machine may be busy: room for slow steps (no timing assertion). */
const slow = { timeout: 10_000 };

async function openPage() {
  // What the app start does, done here first so the page has its dataset at once.
  await ensureBundledDataset();
  const view = await renderApp('/benchmarks');
  const active = await screen.findByRole('region', { name: 'Jeu de repères en service' }, slow);
  await within(active).findByText(/Fourni avec l'application/, {}, slow);
  return { ...view, active };
}

/** The value shown next to a label in the "dataset in use" box. */
const valueOf = (box: HTMLElement, label: string) => within(box).getByText(label).nextElementSibling?.textContent;

describe('benchmarks page', { timeout: 30_000 }, () => {
  it('is in the main navigation and shows the dataset in use with its version', async () => {
    const { active } = await openPage();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Repères chiffrés' })).toHaveAttribute('href', '/benchmarks');
    expect(screen.getByRole('heading', { level: 1, name: 'Repères chiffrés' })).toBeInTheDocument();
    expect(valueOf(active, 'Version')).toBe(String(bundled.version));
    expect(valueOf(active, 'Nom')).toBe(bundled.title.fr);
    expect(valueOf(active, 'Nombre de chiffres')).toBe(String(bundled.indicators.length));
  });

  it('lists every figure with its statement, survey wording and source', async () => {
    await openPage();
    const subject = screen.getByRole('heading', { level: 4, name: "Collectivités sans plan de continuité d'activité (PCA)" });
    const card = subject.closest('li');
    if (!card) throw new Error('no card');
    expect(within(card).getByText(/^66\s%\sdes collectivités répondantes déclaraient ne pas avoir de plan de continuité/)).toBeInTheDocument();
    expect(within(card).getByText("Collectivités qui n'ont pas de plan de continuité d'activité (PCA)")).toBeInTheDocument();
    expect(within(card).getByText(/Baromètre Numérique & Collectivités, résultats consolidés, DINUM et réseau Déclic, octobre 2025/)).toBeInTheDocument();
    // The link names the site it leads to, one of the publishers the app knows.
    expect(within(card).getAllByRole('link', { name: /Ouvrir la source sur edoccacem-pom\.c3rb\.org/ })[0]).toHaveAttribute('href', expect.stringMatching(/^https:\/\//));
    expect(screen.getAllByRole('listitem').filter((li) => li.classList.contains('benchmark-indicator'))).toHaveLength(bundled.indicators.length);
  });

  it('installs a newer file and shows its version', async () => {
    const { user, active } = await openPage();
    await user.upload(screen.getByLabelText('Choisir un fichier de repères (.json)'), fileOf(withVersion(bundled.version + 1)));
    expect(await screen.findByRole('status', {}, slow)).toHaveTextContent(`Version ${bundled.version + 1} de « ${bundled.title.fr} » installée`);
    await waitFor(() => expect(valueOf(active, 'Version')).toBe(String(bundled.version + 1)), slow);
    expect(within(active).getByText(/Importé depuis un fichier/)).toBeInTheDocument();
    expect((await db.benchmarkDatasets.toArray()).map((r) => [r.version, r.source])).toEqual([[bundled.version + 1, 'imported']]);
  });

  it.each([
    ['the version already in use', () => fileOf(withVersion(bundled.version)), /déjà en service/],
    ['a file with an invalid figure', () => fileOf({ ...withVersion(bundled.version + 1), indicators: [{ ...bundled.indicators[0], value: -1 }] }), /Premier problème trouvé à l'endroit : indicators\[0\] \(bnc-2025-v1-responses\)\.value/],
    ['a file that is not JSON', () => new File(['<html>'], 'reperes.json', { type: 'application/json' }), /n'est pas un fichier JSON/],
    ['a file of another kind', () => fileOf({ format: 'cyberdiag-export', version: 1 }), /n'est pas un fichier de repères Cyberdiag/],
    ['a file too big to be ours', () => new File(['x'.repeat(2 * 1024 * 1024 + 1)], 'big.json'), /trop volumineux/],
    ['a file at version 1000000', () => fileOf(withVersion(1_000_000)), new RegExp(`annonce la version 1000000, bien au-delà de la version fournie avec l'application \\(version ${bundled.version}\\) : l'application n'accepte pas plus que la version ${bundled.version + 10}`)],
    ['a file linking to another site', () => fileOf({ ...withVersion(bundled.version + 1), indicators: [{ ...bundled.indicators[0], url: 'https://cybermalveillance.gouv.fr.example/' }] }), /un lien vers un site qui ne fait pas partie des éditeurs connus de l'application, à l'endroit : indicators\[0\] \(bnc-2025-v1-responses\)\.url/],
    ['the version 1 file', () => fileOf(versionOneFile), /écrit pour une version plus ancienne de Cyberdiag/],
  ])('refuses %s, says why, and changes nothing', async (_name, makeFile, message) => {
    const { user, active } = await openPage();
    const before = await db.benchmarkDatasets.toArray();
    await user.upload(screen.getByLabelText('Choisir un fichier de repères (.json)'), makeFile());
    const alert = await screen.findByRole('alert', {}, slow);
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent("Le jeu de repères en service n'a pas été modifié.");
    expect(await db.benchmarkDatasets.toArray()).toEqual(before);
    expect(valueOf(active, 'Version')).toBe(String(bundled.version));
  });

  it('says an older file is older, with both versions', async () => {
    const { user } = await openPage();
    await user.upload(screen.getByLabelText('Choisir un fichier de repères (.json)'), fileOf(withVersion(bundled.version + 2)));
    await screen.findByRole('status', {}, slow);
    await user.upload(screen.getByLabelText('Choisir un fichier de repères (.json)'), fileOf(withVersion(bundled.version + 1)));
    expect(await screen.findByRole('alert', {}, slow)).toHaveTextContent(
      `Ce fichier contient une version plus ancienne (version ${bundled.version + 1}) que celle en service (version ${bundled.version + 2})`,
    );
  });

  it('goes back to the dataset shipped with the app, from an imported one', async () => {
    const { user, active } = await openPage();
    await user.upload(screen.getByLabelText('Choisir un fichier de repères (.json)'), fileOf(withVersion(bundled.version + 3)));
    await waitFor(() => expect(valueOf(active, 'Version')).toBe(String(bundled.version + 3)), slow);
    await user.click(screen.getByRole('button', { name: "Revenir au jeu fourni avec l'application" }));
    expect(await screen.findByText(`Le jeu de repères fourni avec l'application (version ${bundled.version}) est de nouveau en service.`, {}, slow)).toBeInTheDocument();
    await waitFor(() => expect(valueOf(active, 'Version')).toBe(String(bundled.version)), slow);
    expect((await db.benchmarkDatasets.toArray()).map((r) => [r.version, r.source])).toEqual([[bundled.version, 'bundled']]);
  });

  it('offers the way back even when the stored dataset is unreadable', async () => {
    await ensureBundledDataset();
    await db.benchmarkDatasets.clear();
    await db.benchmarkDatasets.put({ id: bundled.id, version: 7, data: { broken: true } as never, source: 'imported', installedAt: '2026-11-20T10:00:00.000Z' });
    const { user } = await renderApp('/benchmarks');
    await user.click(await screen.findByRole('button', { name: "Revenir au jeu fourni avec l'application" }, slow));
    expect(await screen.findByRole('status', {}, slow)).toHaveTextContent(`(version ${bundled.version}) est de nouveau en service`);
    expect((await db.benchmarkDatasets.toArray()).map((r) => [r.version, r.source])).toEqual([[bundled.version, 'bundled']]);
  });

  it('speaks English too', async () => {
    await ensureBundledDataset();
    await renderApp('/benchmarks', { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Benchmarks' }, slow)).toBeInTheDocument();
    const active = screen.getByRole('region', { name: 'Benchmark dataset in use' });
    await within(active).findByText(/Shipped with the app/, {}, slow);
    expect(screen.getByRole('heading', { level: 4, name: 'Local authorities without a business continuity plan (PCA)' })).toBeInTheDocument();
  });
});
