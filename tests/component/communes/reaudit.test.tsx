import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database';
import { importFiles } from '../../../src/services/exchange/import-files';
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

describe('re-audit: the base is the audit truly started last', { timeout: 20_000 }, () => {
  it('is not an imported audit whose start, written with a +14:00 offset, only sorts later as text', async () => {
    const commune = await seedCommune();
    // Started on 1 June 2026 at 20:00 UTC, on this device.
    const real = await seedAudit(commune, '2026-06-01T20:00:00Z', { 'backup-automatic': 'none' });
    // Started at 18:00 UTC the same day, written "2026-06-02T08:00:00+14:00": after the real one as text.
    const stamp = '2026-06-02T08:00:00+14:00';
    const profile = { population: 800, agents: 3, computers: 4, itProvider: true, hasServer: false };
    const file = {
      format: 'cyberdiag-export',
      version: 1,
      exportedAt: '2026-06-02T09:00:00+14:00',
      app: { version: '0.1.0' },
      kind: 'audits',
      payload: {
        communes: [{ id: 'forged-commune', name: 'Saint-Test', insee: '01001', postcode: '01400', epciSiren: '', epciName: '', profile, createdAt: stamp, updatedAt: stamp }],
        audits: [
          {
            id: 'forged-audit',
            communeId: 'forged-commune',
            questionnaireId: real.questionnaireId,
            questionnaireVersion: real.questionnaireVersion,
            auditor: 'Quelqu’un',
            status: 'completed',
            profile,
            answers: { 'backup-automatic': { kind: 'option', optionId: 'manual', answeredAt: stamp } },
            previousAuditId: null,
            unconfirmed: [],
            lastThemeId: null,
            origin: 'local',
            startedAt: stamp,
            updatedAt: stamp,
            completedAt: stamp,
          },
        ],
        planItems: [],
      },
    };
    const imported = await importFiles([new File([JSON.stringify(file)], 'forged.cyberdiag.json')], { onConflict: async () => new Map() });
    expect(imported.files).toMatchObject([{ ok: true, summary: { auditsAdded: 1, communesAdded: 0 } }]);
    // Stored as the instant it names, the way the app writes its own stamps.
    expect(await db.audits.get('forged-audit')).toMatchObject({ communeId: commune.id, startedAt: '2026-06-01T18:00:00.000Z' });

    const { user, router } = await renderApp(`/communes/${commune.id}`);
    await user.click(await screen.findByRole('button', { name: 'Nouvel audit à partir du précédent' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/\/themes\/backup$/));
    const reaudit = (await db.audits.where('communeId').equals(commune.id).toArray()).find((a) => a.id !== real.id && a.id !== 'forged-audit');
    expect(reaudit?.previousAuditId).toBe(real.id);
    // The answer carried over is the real audit's.
    expect(reaudit?.answers['backup-automatic']).toMatchObject({ kind: 'option', optionId: 'none' });
  });
});
