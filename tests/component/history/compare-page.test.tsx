import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaireVersion } from '../../../src/content/load-questionnaire';
import { renderApp } from '../../render';
import { seedAudit, seedCommune } from './seed';

/** A busy machine (two cores shared by everyone) can take more than the default second to render. */
const slow = { timeout: 15_000 };

/**
 * Worked out by hand on questionnaire version 2 (weights: critical 3, major 2; 800 inhabitants, 4 PCs):
 *   older  backup-automatic none (0/3) and its follow-ups, implied gaps: frequency (0/2), copies, off-site copy,
 *          offline copy, restore test (0/3 each); backup-saas not-covered (0/2)  → Sauvegardes 0/19 = 0
 *          governance-rssi nobody (0/2)                             → Qui s'occupe de la sécurité 0
 *          awareness-agents all (2/2)                               → Former les agents et les élus 100
 *          overall 2/23 = 8.7, exposed
 *   newer  backup-automatic automatic-all (3/3), backup-saas assumed (1/2) → 4/5 = 80 (follow-ups not answered yet)
 *          governance-rssi nobody (0/2)                             → 0
 *          awareness-agents none (0/2)                              → 0
 *          overall 4/9 = 44.4, fragile
 */
async function seedTwoAudits() {
  const commune = await seedCommune();
  const older = await seedAudit(
    commune,
    '2025-03-10T09:00:00Z',
    { 'backup-automatic': 'none', 'backup-saas': 'not-covered', 'governance-rssi': 'nobody', 'awareness-agents': 'all' },
    { plan: { 'backup-automate': 'done', 'governance-appoint-rssi': 'done', 'backup-restore-test': 'todo' } },
  );
  const newer = await seedAudit(commune, '2026-03-12T09:00:00Z', {
    'backup-automatic': 'automatic-all',
    'backup-saas': 'assumed',
    'governance-rssi': 'nobody',
    'awareness-agents': 'none',
  });
  return { commune, older, newer };
}

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);

describe('comparing two audits of a commune', { timeout: 20_000 }, () => {
  it('shows the score of each theme and overall in both audits, with the change in words', async () => {
    const { commune } = await seedTwoAudits();
    await renderApp(`/communes/${commune.id}/compare`);
    const table = await screen.findByRole('table', { name: /Score de chaque thème/ }, slow);
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Thème',
      'Audit du 10 mars 2025',
      'Audit du 12 mars 2026',
      'Évolution',
    ]);
    expect(cells(within(table).getByRole('row', { name: /^Sauvegardes/ }))).toEqual(['0', '80', '+80 points, en progrès']);
    expect(cells(within(table).getByRole('row', { name: /^Qui s'occupe de la sécurité/ }))).toEqual(['0', '0', 'stable']);
    expect(cells(within(table).getByRole('row', { name: /^Former les agents/ }))).toEqual(['100', '0', '−100 points, en recul']);
    expect(cells(within(table).getByRole('row', { name: /^Antivirus/ }))).toEqual(['pas de réponse', 'pas de réponse', 'non comparable']);
    expect(cells(within(table).getByRole('row', { name: /^Score global/ }))).toEqual(['9', '44', '+35 points, en progrès']);
    expect(
      screen.getByText('Du 10 mars 2025 au 12 mars 2026, le score global passe de 9 à 44 sur 100 : +35 points, en progrès.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Niveau : Exposé, puis Fragile.')).toBeInTheDocument();
  });

  it('lists the gaps closed, the other answers improved and the answers that worsened', async () => {
    const { commune } = await seedTwoAudits();
    await renderApp(`/communes/${commune.id}/compare`);
    expect(await screen.findByRole('heading', { name: 'Écarts comblés (1)' }, slow)).toBeInTheDocument();
    const closed = screen.getByRole('table', { name: /n'en perd plus/ });
    const closedRow = within(closed).getByRole('row', { name: /sont-elles sauvegardées/ });
    expect(cells(closedRow)).toEqual(['Non, aucune sauvegarde', 'Oui, automatiquement, pour toutes les données importantes']);

    expect(screen.getByRole('heading', { name: 'Autres réponses améliorées (1)' })).toBeInTheDocument();
    const improved = screen.getByRole('table', { name: /s'est améliorée/ });
    expect(within(improved).getByRole('row', { name: /logiciels métier/ })).toBeInTheDocument();

    expect(screen.getByRole('heading', { name: 'Réponses en recul (1)' })).toBeInTheDocument();
    const worsened = screen.getByRole('table', { name: /perd plus de points/ });
    expect(cells(within(worsened).getByRole('row', { name: /sensibilisation/ }))).toEqual([
      'Oui, tous les agents',
      'Aucun agent, ou pas depuis plus de 2 ans',
    ]);
  });

  it("lists the actions marked done in the older audit's plan and what the newer audit says of each", async () => {
    const { commune } = await seedTwoAudits();
    await renderApp(`/communes/${commune.id}/compare`);
    expect(await screen.findByRole('heading', { name: "Actions réalisées depuis l'audit du 10 mars 2025" }, slow)).toBeInTheDocument();
    const first = await screen.findByText('Mettre en place une sauvegarde automatique de toutes les données importantes', {}, slow);
    const list = first.closest('ul') as HTMLElement;
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      "Mettre en place une sauvegarde automatique de toutes les données importantesL'audit du 12 mars 2026 confirme : l'écart est comblé.",
      "Désigner un responsable de la sécurité informatique, de préférence mutualiséL'audit du 12 mars 2026 montre un écart encore ouvert sur ce point.",
    ]);
  });

  it('shows the audits oldest first whatever the order chosen, and asks for two different audits', async () => {
    const { commune, older, newer } = await seedTwoAudits();
    const { user } = await renderApp(`/communes/${commune.id}/compare?from=${newer.id}&to=${older.id}`);
    const first = await screen.findByRole('combobox', { name: 'Premier audit' }, slow);
    expect(first).toHaveValue(older.id);
    expect(screen.getByRole('combobox', { name: 'Second audit' })).toHaveValue(newer.id);
    await user.selectOptions(first, newer.id);
    expect(await screen.findByText('Choisissez deux audits différents.', {}, slow)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says that two audits are needed when the commune has only one', async () => {
    const commune = await seedCommune();
    await seedAudit(commune, '2025-03-10T09:00:00Z', { 'backup-automatic': 'none' });
    await renderApp(`/communes/${commune.id}/compare`);
    expect(await screen.findByText(/Il faut au moins deux audits/, {}, slow)).toBeInTheDocument();
  });

  it('compares a version 1 audit with its version 2 re-audit, each scored with its own version', async () => {
    const v1 = await loadQuestionnaireVersion(1);
    if (!v1) throw new Error('version 1 is archived');
    const commune = await seedCommune();
    // Version 1 asked "backup-exists", which version 2 replaced by "backup-automatic": scored with version 2, the
    // version 1 answer would count for nothing and the backups theme would show no score at all.
    await seedAudit(commune, '2025-03-10T09:00:00Z', { 'backup-exists': 'none', 'governance-rssi': 'nobody' }, { questionnaire: v1 });
    await seedAudit(commune, '2026-03-12T09:00:00Z', {
      'backup-automatic': 'automatic-all',
      'backup-saas': 'assumed',
      'governance-rssi': 'shared-rssi',
    });
    await renderApp(`/communes/${commune.id}/compare`);
    const table = await screen.findByRole('table', { name: /Score de chaque thème/ }, slow);
    // Version 1: backup-exists 0/3; governance-rssi (critical then) 0/3; overall 0/6 = 0.
    // Version 2: backup-automatic 3/3 + backup-saas 1/2 = 4/5 = 80; governance-rssi (major now) 2/2 = 100; overall 6/7 = 86.
    expect(cells(within(table).getByRole('row', { name: /^Sauvegardes/ }))).toEqual(['0', '80', '+80 points, en progrès']);
    expect(cells(within(table).getByRole('row', { name: /^Qui s'occupe de la sécurité/ }))).toEqual(['0', '100', '+100 points, en progrès']);
    expect(cells(within(table).getByRole('row', { name: /^Score global/ }))).toEqual(['0', '86', '+86 points, en progrès']);
    expect(
      screen.getByText(/L'audit du 10 mars 2025 a été répondu avec la version 1 du questionnaire, celui du 12 mars 2026 avec la version 2 : chacun est noté avec sa propre version/),
    ).toBeInTheDocument();
    // The same question in both versions is compared, each answer in its own version's words.
    const closed = screen.getByRole('table', { name: /n'en perd plus/ });
    expect(cells(within(closed).getByRole('row', { name: /RSSI|sécurité/ }))).toEqual(['Personne', expect.stringMatching(/^Oui, un RSSI mutualisé/)]);
  });

  it('reads in English too', async () => {
    const { commune } = await seedTwoAudits();
    await renderApp(`/communes/${commune.id}/compare`, { language: 'en' });
    const table = await screen.findByRole('table', { name: /Score of each theme/ }, slow);
    expect(cells(within(table).getByRole('row', { name: /^Overall score/ }))).toEqual(['9', '44', '+35 points, better']);
  });
});
