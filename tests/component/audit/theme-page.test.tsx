import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startAudit } from '../../../src/db/audits-repository';
import { createCommune } from '../../../src/db/communes-repository';
import { db } from '../../../src/db/database';
import { loadQuestionnaire } from '../../../src/content/load-questionnaire';
import { renderApp } from '../../render';

async function seedAudit() {
  const commune = await createCommune({
    name: 'Saint-Test',
    insee: '',
    postcode: '',
    epciSiren: '',
    epciName: '',
    profile: { population: 800, agents: 3, computers: 4, itProvider: true, hasServer: false },
  });
  const questionnaire = await loadQuestionnaire();
  return startAudit(commune, questionnaire, 'Secrétaire');
}

describe('theme page', () => {
  it('stores an answer the moment it is clicked, with no save button', async () => {
    const audit = await seedAudit();
    const { user } = await renderApp(`/audits/${audit.id}/themes/backup`);
    const question = await screen.findByRole('group', { name: /sont-elles sauvegardées/ });
    await user.click(within(question).getByRole('radio', { name: /^Oui, automatiquement/ }));
    await waitFor(async () => {
      const stored = await db.audits.get(audit.id);
      expect(stored?.answers['backup-automatic']).toMatchObject({ kind: 'option', optionId: 'automatic-all' });
    });
    expect(screen.queryByRole('button', { name: /enregistrer/i })).not.toBeInTheDocument();
  });

  it('offers "je ne sais pas" on every question and stores it apart from the options', async () => {
    const audit = await seedAudit();
    const { user } = await renderApp(`/audits/${audit.id}/themes/backup`);
    const question = await screen.findByRole('group', { name: /sont-elles sauvegardées/ });
    await user.click(within(question).getByRole('radio', { name: 'Je ne sais pas' }));
    await waitFor(async () => {
      expect((await db.audits.get(audit.id))?.answers['backup-automatic']).toMatchObject({ kind: 'dontKnow' });
    });
  });

  it('shows a follow-up question only after the answer that calls for it', async () => {
    const audit = await seedAudit();
    const { user } = await renderApp(`/audits/${audit.id}/themes/backup`);
    const question = await screen.findByRole('group', { name: /sont-elles sauvegardées/ });
    await user.click(within(question).getByRole('radio', { name: 'Non, aucune sauvegarde' }));
    expect(screen.queryByRole('group', { name: /fréquence/ })).not.toBeInTheDocument();
    await user.click(within(question).getByRole('radio', { name: /^Oui, automatiquement/ }));
    expect(await screen.findByRole('group', { name: /fréquence/ })).toBeInTheDocument();
  });
});
