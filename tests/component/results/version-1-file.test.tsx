/**
 * A file exported by the version 1 app (tests/fixtures/exchange/questionnaire-v1-audit.cyberdiag.json: Mondragon,
 * every question of questionnaire version 1 answered, two plan items) goes through the import door and the import
 * services like any other: the audit keeps version 1, opens with its results marked « version 1 » and the
 * invitation to re-audit, and an EPCI importing it beside a version 2 file sees both, each with its version.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database';
import { loadDirectory } from '../../../src/content/load-directory';
import { resetEpciView } from '../../../src/features/epci/epci-store';
import { renderApp } from '../../render';
import { readFixture } from '../../unit/exchange/fixtures';
import { auditRecords, exportFile } from '../epci/seed-audits';

const slow = { timeout: 15_000 };
const V1_FILE = 'questionnaire-v1-audit.cyberdiag.json';
const v1File = () => new File([readFixture(V1_FILE)], 'mondragon-2025-05-02.cyberdiag.json', { type: 'application/json' });
const v1Document = JSON.parse(readFixture(V1_FILE)) as { payload: { audits: Array<{ id: string; answers: Record<string, unknown> }> } };
const v1Audit = v1Document.payload.audits[0];

afterEach(() => {
  resetEpciView();
});

describe('a file of the version 1 app', { timeout: 60_000 }, () => {
  it('imports on the import page, keeps version 1, and opens its results marked « version 1 » with the invitation to re-audit', async () => {
    if (!v1Audit) throw new Error('the fixture holds an audit');
    const { user, router } = await renderApp('/donnees/importer');
    await user.upload(await screen.findByLabelText('Fichiers à importer', {}, slow), v1File());
    expect(await screen.findByText('Prêt à importer : 1 audit et 1 commune.', {}, slow)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Importer' }));
    expect(await screen.findByText('Import terminé : 1 audit ajouté, 1 commune ajoutée.', {}, slow)).toBeInTheDocument();

    const stored = await db.audits.get(v1Audit.id);
    expect(stored?.questionnaireVersion).toBe(1);
    expect(stored?.answers).toEqual(v1Audit.answers);
    expect(Object.keys(stored?.answers ?? {})).toHaveLength(78);
    expect(await db.planItems.where('auditId').equals(v1Audit.id).count()).toBe(2);

    await router.navigate(`/audits/${v1Audit.id}/results`);
    expect(await screen.findByText(/Cet audit a été répondu avec la version 1 du questionnaire/, {}, slow)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: "Refaire l'audit avec la version 2" })).toHaveAttribute('href', `/communes/${stored?.communeId ?? ''}`);
    // Scored with version 1: a question that exists only in version 1 is in the details, with its answer.
    expect(screen.getAllByText(/Avez-vous listé les services et les données dont la mairie ne peut pas se passer/).length).toBeGreaterThan(0);
  });

  it('is refused, naming the field, when one of its answers is to a question version 1 does not have', async () => {
    const { user } = await renderApp('/donnees/importer');
    await user.upload(
      await screen.findByLabelText('Fichiers à importer', {}, slow),
      new File([readFixture('hostile/unknown-question.cyberdiag.json')], 'inconnue.cyberdiag.json', { type: 'application/json' }),
    );
    expect(await screen.findByText(/Ce fichier contient des données incorrectes ou incohérentes/, {}, slow)).toBeInTheDocument();
    expect(screen.getByText('payload.audits.0.answers.backup-cloud-magic: unknown-question')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Importer' })).not.toBeInTheDocument();
    expect(await db.audits.count()).toBe(0);
  });

  it('imports in the EPCI view beside a version 2 file, each audit shown with its version', async () => {
    await loadDirectory();
    const lamotte = await auditRecords({ insee: '84063', name: 'Lamotte-du-Rhône', population: 450, pick: 'best', epciSiren: '200000628' });
    const { user } = await renderApp('/epci/200000628');
    expect(await screen.findByRole('heading', { level: 1, name: 'CC Rhône Lez Provence' }, slow)).toBeInTheDocument();

    await user.upload(screen.getByLabelText('Choisir des fichiers'), [v1File(), exportFile('lamotte-du-rhone.cyberdiag.json', lamotte)]);
    expect(await screen.findByText('Import terminé : 2 fichiers traités.', {}, slow)).toBeInTheDocument();
    expect(screen.getByText(/mondragon-2025-05-02\.cyberdiag\.json/).closest('li')).toHaveTextContent('importé (1 audit).');
    expect(screen.getByText(/lamotte-du-rhone\.cyberdiag\.json/).closest('li')).toHaveTextContent('importé (1 audit).');
    await waitFor(() => expect(screen.getByText('2 communes membres sur 5 ont un audit sur cet appareil.')).toBeInTheDocument(), slow);

    const table = screen.getByRole('table', { name: 'Score de chaque commune par thème, sur 100' });
    // Population, date, questionnaire version, then the overall score (each audit scored with its own version).
    const cells = (name: RegExp) => within(within(table).getByRole('row', { name })).getAllByRole('cell');
    await waitFor(() => expect(cells(/Mondragon/)[2]).toHaveTextContent('v1'), slow);
    expect(cells(/Mondragon/)[3]?.textContent).toMatch(/^\d+$/);
    expect(cells(/Lamotte-du-Rhône/)[2]).toHaveTextContent('v2');
    expect(cells(/Lamotte-du-Rhône/)[3]).toHaveTextContent('100');
  });
});
