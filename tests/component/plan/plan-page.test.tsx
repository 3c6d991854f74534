import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../../src/content/load-questionnaire';
import { saveAnswer, startAudit } from '../../../src/db/audits-repository';
import { createCommune } from '../../../src/db/communes-repository';
import { db } from '../../../src/db/database';
import { savePlanItem } from '../../../src/db/plan-repository';
import type { CommuneRecord } from '../../../src/db/records';
import { renderApp } from '../../render';

async function seedCommune(): Promise<CommuneRecord> {
  return createCommune({
    name: 'Saint-Test',
    insee: '',
    postcode: '',
    epciSiren: '',
    epciName: '',
    profile: { population: 800, agents: 3, computers: 4, itProvider: true, hasServer: false },
  });
}

/** An audit with no backup (a critical gap) and an antivirus protection nobody knows ("je ne sais pas"). */
async function seedAudit(commune: CommuneRecord, startedAt = new Date('2026-11-20T09:00:00Z')) {
  const questionnaire = await loadQuestionnaire();
  const audit = await startAudit(commune, questionnaire, 'Secrétaire', startedAt);
  await saveAnswer(audit.id, 'backup-automatic', { kind: 'option', optionId: 'none' });
  await saveAnswer(audit.id, 'antivirus-active', { kind: 'dontKnow' });
  return audit;
}

const card = (name: RegExp) => screen.findByRole('listitem', { name });

describe('plan page', () => {
  it('lists the actions from the answers, critical gap first, and a check addressed to whoever knows', async () => {
    const audit = await seedAudit(await seedCommune());
    await renderApp(`/audits/${audit.id}/plan`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Plan d’action de Saint-Test' })).toBeInTheDocument();
    // Both are critical: checking the antivirus (3 points lost ÷ effort 1) comes before setting up backups
    // (3 points ÷ effort 2). No backup also leaves the off-site copy, the offline copy and the restore test missing:
    // implied gaps, each with its action.
    const titles = within(screen.getByRole('list', { name: 'Plan d’action' })).getAllByRole('heading', { level: 3 });
    expect(titles[0]?.textContent).toMatch(/^1\.\s+Vérifier auprès de votre prestataire informatique : .*antivirus/);
    expect(titles.map((h) => h.textContent)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Mettre en place une sauvegarde automatique/),
        expect.stringMatching(/Garder une sauvegarde hors d'atteinte d'un rançongiciel/),
        expect.stringMatching(/Tester une restauration au moins une fois par an/),
      ]),
    );
    const backup = await card(/Mettre en place une sauvegarde automatique/);
    expect(within(backup).getByText('Critique')).toBeInTheDocument();
    const check = await card(/Vérifier auprès de votre prestataire informatique : .*antivirus/i);
    expect(within(check).getByText('À vérifier')).toBeInTheDocument();
  });

  it('stores the owner, due date, status and note as they are typed, and shows them again after a reload', async () => {
    const audit = await seedAudit(await seedCommune());
    const first = await renderApp(`/audits/${audit.id}/plan`);
    const backup = await card(/Mettre en place une sauvegarde automatique/);
    const fields = within(backup).getByRole('group', { name: /Suivi/ });
    await first.user.type(within(fields).getByLabelText('Responsable'), 'Mme Lefèvre');
    await first.user.selectOptions(within(fields).getByLabelText('Statut'), 'En cours');
    await first.user.type(within(fields).getByLabelText('Note'), 'Devis demandé');
    within(fields).getByLabelText('Échéance').focus();
    await first.user.keyboard('{Tab}');
    await waitFor(async () => {
      expect(await db.planItems.get([audit.id, 'backup-automate'])).toMatchObject({
        owner: 'Mme Lefèvre',
        status: 'in-progress',
        note: 'Devis demandé',
        communeId: audit.communeId,
      });
    });
    first.unmount();

    await renderApp(`/audits/${audit.id}/plan`);
    const again = within(await card(/Mettre en place une sauvegarde automatique/));
    expect(again.getByLabelText('Responsable')).toHaveValue('Mme Lefèvre');
    expect(again.getByLabelText('Statut')).toHaveValue('in-progress');
    expect(again.getByLabelText('Note')).toHaveValue('Devis demandé');
    expect(screen.getByText('En cours : 1')).toBeInTheDocument();
  });

  it('refuses a due date typed with a five-digit year, says why, and stores nothing', async () => {
    const audit = await seedAudit(await seedCommune());
    await renderApp(`/audits/${audit.id}/plan`);
    const fields = within(await card(/Mettre en place une sauvegarde automatique/)).getByRole('group', { name: /Suivi/ });
    const due = within(fields).getByLabelText('Échéance');
    expect(due).toHaveAttribute('max', '9999-12-31');
    fireEvent.change(due, { target: { value: '62026-03-31' } });
    expect(await within(fields).findByRole('alert')).toHaveTextContent('Cette échéance n’est pas une date valide');
    expect(await db.planItems.get([audit.id, 'backup-automate'])).toBeUndefined();
    expect(within(fields).getByLabelText('Note')).toHaveAttribute('maxlength', '5000');
  });

  it('carries the follow-up of the previous audit over, and says so', async () => {
    const commune = await seedCommune();
    const previous = await seedAudit(commune, new Date('2025-10-01T09:00:00Z'));
    await savePlanItem(previous, 'backup-automate', { owner: 'M. Martin', dueDate: '2026-12-31', status: 'in-progress', note: 'NAS commandé' });
    await savePlanItem(previous, 'antivirus-install-everywhere', { owner: 'Prestataire' });
    const audit = await seedAudit(commune);

    await renderApp(`/audits/${audit.id}/plan`);
    expect(await screen.findByText(/Ce plan reprend le suivi de l’audit du 1 octobre 2025/)).toBeInTheDocument();
    const backup = within(await card(/Mettre en place une sauvegarde automatique/));
    expect(backup.getByLabelText('Responsable')).toHaveValue('M. Martin');
    expect(backup.getByLabelText('Échéance')).toHaveValue('2026-12-31');
    expect(backup.getByLabelText('Note')).toHaveValue('NAS commandé');
    expect(backup.getByText('Suivi repris de l’audit précédent')).toBeInTheDocument();
    // antivirus-install-everywhere is not in this plan (the coverage is only to be checked): not copied.
    expect(await db.planItems.get([audit.id, 'antivirus-install-everywhere'])).toBeUndefined();
  });

  it('is reached from the results page, which also offers the PDF report', async () => {
    const audit = await seedAudit(await seedCommune());
    const { user } = await renderApp(`/audits/${audit.id}/results`);
    expect(await screen.findByRole('button', { name: 'Télécharger le rapport PDF' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Plan d’action' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Plan d’action de Saint-Test' })).toBeInTheDocument();
  });

  it('speaks English when the app is in English', async () => {
    const audit = await seedAudit(await seedCommune());
    await renderApp(`/audits/${audit.id}/plan`, { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Action plan for Saint-Test' })).toBeInTheDocument();
    const backup = within(await card(/Set up an automatic backup/));
    expect(backup.getByLabelText('Owner')).toBeInTheDocument();
    expect(backup.getByText('Critical')).toBeInTheDocument();
    expect(await card(/Check with your IT provider:/)).toBeInTheDocument();
  });
});
