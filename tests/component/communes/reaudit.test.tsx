import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database';
import { renderApp } from '../../render';
import { seedAudit, seedCommune } from '../history/seed';

describe('re-audit: a new audit from the previous one', { timeout: 20_000 }, () => {
  it('carries the answers over, shows each one to confirm, and counts down as they are confirmed', async () => {
    const commune = await seedCommune();
    const previous = await seedAudit(commune, '2025-03-10T09:00:00Z', {
      'backup-automatic': 'manual',
      'backup-frequency': 'weekly',
      'governance-rssi': 'nobody',
    });
    const { user, router } = await renderApp(`/communes/${commune.id}`);
    expect(await screen.findByText(/Les réponses de l'audit du 10 mars 2025 sont reprises/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nouvel audit à partir du précédent' }));

    await waitFor(() => expect(router.state.location.pathname).toMatch(/\/themes\/backup$/));
    const audits = await db.audits.where('communeId').equals(commune.id).sortBy('startedAt');
    const reaudit = audits[1];
    expect(reaudit).toMatchObject({ previousAuditId: previous.id, unconfirmed: ['backup-automatic', 'backup-frequency', 'governance-rssi'] });

    expect(
      await screen.findByText("Réponses reprises de l'audit précédent à confirmer : 2 dans ce thème, 3 dans tout l'audit."),
    ).toBeInTheDocument();
    const question = screen.getByRole('group', { name: /sont-elles sauvegardées/ });
    expect(within(question).getByText("Réponse reprise de l'audit précédent : à confirmer")).toBeInTheDocument();
    expect(within(question).getByRole('radio', { name: /Seulement à la main/ })).toBeChecked();

    await user.click(within(question).getByRole('button', { name: 'Confirmer cette réponse' }));
    expect(
      await screen.findByText("Réponses reprises de l'audit précédent à confirmer : 1 dans ce thème, 2 dans tout l'audit."),
    ).toBeInTheDocument();
    expect(within(question).queryByText("Réponse reprise de l'audit précédent : à confirmer")).not.toBeInTheDocument();

    // Changing a carried-over answer confirms it too.
    const frequency = screen.getByRole('group', { name: /fréquence/ });
    await user.click(within(frequency).getAllByRole('radio')[0] as HTMLElement);
    expect(
      await screen.findByText("Réponses reprises de l'audit précédent à confirmer : 0 dans ce thème, 1 dans tout l'audit."),
    ).toBeInTheDocument();
  });

  it('offers a blank audit as well, and lists the re-audit with what it carries over', async () => {
    const commune = await seedCommune();
    await seedAudit(commune, '2025-03-10T09:00:00Z', { 'backup-automatic': 'none' });
    const { user, router } = await renderApp(`/communes/${commune.id}`);
    await user.click(await screen.findByRole('button', { name: 'Commencer un audit vierge' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/audits\//));
    const blank = (await db.audits.where('communeId').equals(commune.id).sortBy('startedAt'))[1];
    expect(blank).toMatchObject({ previousAuditId: null, unconfirmed: [], answers: {} });
  });

  it('shows on the commune page where a re-audit comes from and how many answers wait, with a link to compare', async () => {
    const commune = await seedCommune();
    const previous = await seedAudit(commune, '2025-03-10T09:00:00Z', { 'backup-automatic': 'none', 'governance-rssi': 'nobody' });
    const { startReaudit } = await import('../../../src/db/audits-repository');
    const { loadQuestionnaire } = await import('../../../src/content/load-questionnaire');
    await startReaudit(previous, await loadQuestionnaire(), '', new Date('2026-03-12T09:00:00Z'));
    await renderApp(`/communes/${commune.id}`);
    expect(await screen.findByText(/reprend l'audit du 10 mars 2025 · 2 réponses reprises à confirmer/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Comparer deux audits' })).toHaveAttribute('href', `/communes/${commune.id}/compare`);
  });
});
