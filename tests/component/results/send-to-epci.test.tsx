// "Envoyer à mon intercommunalité" with no network: the audit is put in the outbox at once and waits, and the
// page says so; the panel asks for an address and a code while the device is not linked.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../../src/content/load-questionnaire';
import { saveAnswer, startAudit } from '../../../src/db/audits-repository';
import { createCommune } from '../../../src/db/communes-repository';
import { db } from '../../../src/db/database';
import { renderApp } from '../../render';

async function seed(): Promise<string> {
  const commune = await createCommune({
    name: 'Aubeterre',
    insee: '16020',
    postcode: '',
    epciSiren: '',
    epciName: '',
    profile: { population: 800, agents: 3, computers: 4, itProvider: true, hasServer: false },
  });
  const audit = await startAudit(commune, await loadQuestionnaire(), 'Secrétaire', new Date('2026-11-20T09:00:00Z'));
  await saveAnswer(audit.id, 'backup-exists', { kind: 'option', optionId: 'none' });
  return audit.id;
}

// The results page takes a few seconds to load under jsdom on a busy machine.
describe('sending an audit to the intercommunality', { timeout: 60_000 }, () => {
  it('asks for the mailbox address and an invitation code on a device not linked yet', async () => {
    const auditId = await seed();
    await renderApp(`/audits/${auditId}/results`);
    expect(await screen.findByRole('heading', { name: 'Envoyer à mon intercommunalité' }, { timeout: 30_000 })).toBeInTheDocument();
    expect(await screen.findByLabelText('Adresse de la boîte aux lettres')).toHaveAttribute('maxlength', '2048');
    expect(screen.getByLabelText("Code d'invitation")).toBeInTheDocument();
  });

  it('puts the audit in the outbox offline and shows it waiting', async () => {
    const auditId = await seed();
    // A linked device whose server cannot be reached (nothing listens on port 9).
    await db.settings.put({
      key: 'mailbox-device',
      value: { serverUrl: 'http://127.0.0.1:9', token: 'cdd_x', insee: '16020', epci: { siren: '200000001', name: 'CC du Test', publicKey: null, keyId: null } },
    });
    const { user } = await renderApp(`/audits/${auditId}/results`);
    await user.click(await screen.findByRole('button', { name: 'Envoyer à mon intercommunalité' }, { timeout: 30_000 }));
    expect(await screen.findByText(/En attente/, {}, { timeout: 30_000 })).toBeInTheDocument();
    const stored = await db.audits.get(auditId);
    expect(await db.outbox.get(auditId)).toMatchObject({ state: 'pending', versionDate: stored?.updatedAt });
    expect(screen.queryByRole('button', { name: 'Envoyer à mon intercommunalité' })).not.toBeInTheDocument();
  });
});
