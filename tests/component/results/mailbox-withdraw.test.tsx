// A commune withdraws an audit it sent, or disconnects its device: each after a confirmation that says what stays
// (the EPCI keeps what it already received; what was sent stays in the mailbox). The server is a stub of fetch that
// records the requests; the real server's side is in server/test/sync.test.ts.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadQuestionnaire } from '../../../src/content/load-questionnaire';
import { startAudit } from '../../../src/db/audits-repository';
import { createCommune } from '../../../src/db/communes-repository';
import { db } from '../../../src/db/database';
import { renderApp } from '../../render';

const SERVER = 'https://boite.cc-test.fr';

async function seedSent(): Promise<string> {
  const commune = await createCommune({
    name: 'Aubeterre',
    insee: '16020',
    postcode: '',
    epciSiren: '',
    epciName: '',
    profile: { population: 800, agents: 3, computers: 4, itProvider: true, hasServer: false },
  });
  const audit = await startAudit(commune, await loadQuestionnaire(), 'Secrétaire', new Date('2026-11-20T09:00:00Z'));
  await db.settings.put({
    key: 'mailbox-device',
    value: { serverUrl: SERVER, token: 'cdd_x', insee: '16020', epci: { siren: '200000001', name: 'CC du Test', publicKey: null, keyId: null } },
  });
  await db.outbox.put({
    auditId: audit.id,
    communeId: commune.id,
    versionDate: audit.updatedAt,
    state: 'sent',
    queuedAt: '2026-11-20T10:00:00.000Z',
    sentAt: '2026-11-20T10:00:00.000Z',
    attempts: 0,
    retryAt: null,
    lastError: null,
  });
  return audit.id;
}

/** A mailbox server that accepts every DELETE, and what it was asked. */
function stubServer() {
  const calls: Array<{ method: string; url: string; authorization: string | null }> = [];
  vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) => {
    calls.push({ method: init.method ?? 'GET', url: input, authorization: new Headers(init.headers).get('authorization') });
    return Promise.resolve(new Response(null, { status: 204 }));
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const section = () => screen.getByRole('region', { name: 'Envoyer à mon intercommunalité' });

// The results page takes a few seconds to load under jsdom on a busy machine.
describe('withdrawing from the mailbox and disconnecting', { timeout: 60_000 }, () => {
  it('withdraws a sent audit after a confirmation saying the EPCI keeps what it already received', async () => {
    const auditId = await seedSent();
    const calls = stubServer();
    const { user } = await renderApp(`/audits/${auditId}/results`);
    expect(await screen.findByText(/Envoyé le 20 novembre 2026/, {}, { timeout: 30_000 })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Retirer de la boîte aux lettres…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retirer cet audit de la boîte aux lettres de CC du Test ?' });
    expect(within(dialog).getByText(/Ce que l'intercommunalité a déjà reçu reste sur son appareil/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toHaveFocus();
    // Cancelling withdraws nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Retirer de la boîte aux lettres…' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Retirer' }));
    expect(await within(section()).findByText(/Retiré de la boîte aux lettres\. L'intercommunalité garde ce qu'elle avait déjà reçu\./)).toBeInTheDocument();
    expect(calls).toEqual([{ method: 'DELETE', url: `${SERVER}/v1/device/envelopes/${auditId}`, authorization: 'Bearer cdd_x' }]);
    expect(screen.queryByText(/Envoyé le/)).not.toBeInTheDocument();
    // No longer in the mailbox: it can be sent again.
    expect(within(section()).getByRole('button', { name: 'Envoyer à mon intercommunalité' })).toBeInTheDocument();
    expect(within(section()).queryByRole('button', { name: 'Retirer de la boîte aux lettres…' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Envoyer à mon intercommunalité' })).toHaveFocus();
    expect(await db.outbox.get(auditId)).toBeUndefined();
  });

  it('says so in the dialog when the server cannot be reached, and keeps the audit as sent', async () => {
    const auditId = await seedSent();
    // No network: fetch fails as the browser's does.
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const { user } = await renderApp(`/audits/${auditId}/results`);
    await user.click(await screen.findByRole('button', { name: 'Retirer de la boîte aux lettres…' }, { timeout: 30_000 }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Retirer' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent("Le retrait n'a pas abouti : le serveur ne répond pas (pas de réseau ?). Rien n'a changé");
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(within(section()).getByText(/Envoyé le 20 novembre 2026/)).toBeInTheDocument();
    expect(await db.outbox.get(auditId)).toMatchObject({ state: 'sent' });
  });

  it('disconnects the device after a confirmation: its token is revoked and it asks for a code again', async () => {
    const auditId = await seedSent();
    const calls = stubServer();
    const { user } = await renderApp(`/audits/${auditId}/results`);
    await user.click(await screen.findByRole('button', { name: 'Déconnecter cet appareil…' }, { timeout: 30_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Déconnecter cet appareil de la boîte aux lettres de CC du Test ?' });
    expect(within(dialog).getByText(/Les audits déjà envoyés restent dans la boîte aux lettres/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Déconnecter' }));
    expect(await within(section()).findByText(/Cet appareil n'est plus relié à la boîte aux lettres\./)).toBeInTheDocument();
    expect(calls).toEqual([{ method: 'DELETE', url: `${SERVER}/v1/device`, authorization: 'Bearer cdd_x' }]);
    expect(screen.getByLabelText("Code d'invitation")).toBeInTheDocument();
    expect(await db.settings.get('mailbox-device')).toMatchObject({ value: null });
  });
});
