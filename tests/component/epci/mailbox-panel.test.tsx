// The EPCI mailbox panel: its account fields stop at the limits an encrypted backup's key is read back with
// (src/domain/limits.ts); once signed in, it lists the communes' devices and revokes one after a confirmation;
// "Recevoir" shows its progress bar, then each refused envelope with its message. The server is stubbed here
// (the services are tested against a real one in server/test/sync.test.ts).
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/database';
import type { CommuneDevice } from '../../../src/services/sync/epci-devices';
import type * as ReceiveModule from '../../../src/services/sync/receive';
import type { ReceiveProgress, ReceiveResult } from '../../../src/services/sync/receive';
import { renderApp } from '../../render';

const server = vi.hoisted(() => ({
  devices: [] as CommuneDevice[],
  revoked: [] as string[],
  offline: false,
  /** Resolves the pending "Recevoir". */
  release: null as (() => void) | null,
}));

vi.mock('../../../src/services/sync/epci-devices', () => ({
  listDevices: () => (server.offline ? Promise.reject(Object.assign(new Error('offline'), { code: 'offline' })) : Promise.resolve(server.devices.map((device) => ({ ...device })))),
  revokeDevice: (id: string) => {
    server.revoked.push(id);
    server.devices = server.devices.map((device) => (device.id === id ? { ...device, revokedAt: '2026-12-04T15:00:00.000Z' } : device));
    return Promise.resolve();
  },
}));

vi.mock('../../../src/services/sync/receive', async (importOriginal) => ({
  ...(await importOriginal<typeof ReceiveModule>()),
  receive: async (_context: unknown, onProgress: (progress: ReceiveProgress) => void): Promise<ReceiveResult> => {
    onProgress({ stage: 'receiving', done: 3 });
    await new Promise<void>((resolve) => (server.release = resolve));
    return {
      import: { files: [], written: { communes: [], entries: [] }, envelopes: [] },
      audits: { imported: 2, duplicate: 0, failed: 0 },
      refused: [{ name: '16020-audit-x.cyberdiag.json', problem: 'foreign-envelope' }],
      withdrawn: 0,
    };
  },
}));

/** This device signed in, with the EPCI's key (never opened here: the server and the pull are stubbed). */
const signIn = () =>
  db.settings.put({
    key: 'mailbox-epci',
    value: { serverUrl: 'https://boite.example.fr', session: 'cds_x', email: 'cm@cc.fr', key: { keyId: 'k' }, sealedKey: null, cursor: 0, lastPullAt: null },
  });

beforeEach(() => {
  server.devices = [
    { id: '1', insee: '16020', label: 'Tablette de la mairie', createdAt: '2026-11-02T09:00:00.000Z', revokedAt: null },
    { id: '2', insee: '16020', label: 'Ancien portable', createdAt: '2026-09-01T09:00:00.000Z', revokedAt: '2026-10-01T09:00:00.000Z' },
  ];
  server.revoked = [];
  server.offline = false;
  server.release = null;
});

describe('the EPCI mailbox panel', { timeout: 30_000 }, () => {
  it('stops the server address at 2,048 characters and the e-mail at 254', async () => {
    await renderApp('/epci/toutes');
    expect(await screen.findByRole('heading', { name: 'Boîte aux lettres des communes' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(await screen.findByLabelText('Adresse de la boîte aux lettres')).toHaveAttribute('maxlength', '2048');
    expect(screen.getByLabelText('Adresse électronique')).toHaveAttribute('maxlength', '254');
  });

  it("lists the communes' devices and revokes one after saying it will no longer be able to send", async () => {
    await signIn();
    const { user } = await renderApp('/epci/toutes');
    const table = await screen.findByRole('table', { name: 'Appareils des communes' }, { timeout: 15_000 });
    const tablet = within(table).getByRole('row', { name: /Tablette de la mairie/ });
    expect(tablet).toHaveTextContent('Actif');
    expect(within(table).getByRole('row', { name: /Ancien portable/ })).toHaveTextContent('Révoqué le');
    // The commune's name, from the directory, once it is loaded.
    expect(await within(table).findAllByText('Aubeterre-sur-Dronne (16020)', {}, { timeout: 15_000 })).toHaveLength(2);
    // A device already revoked has nothing more to revoke.
    expect(within(table).getAllByRole('button', { name: /^Révoquer/ })).toHaveLength(1);

    await user.click(within(tablet).getByRole('button', { name: /^Révoquer/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Révoquer cet appareil de la commune Aubeterre-sur-Dronne (16020) ?' });
    expect(dialog).toHaveTextContent("L'appareil « Tablette de la mairie » ne pourra plus envoyer d'audit à votre intercommunalité");
    // Cancelling changes nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(server.revoked).toEqual([]);

    await user.click(within(tablet).getByRole('button', { name: /^Révoquer/ }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: "Révoquer l'appareil" }));
    expect(await within(table).findByRole('row', { name: /Tablette de la mairie/ })).toHaveTextContent('Révoqué le');
    expect(within(table).queryByRole('button', { name: /^Révoquer/ })).not.toBeInTheDocument();
    expect(server.revoked).toEqual(['1']);
  });

  it('says why the list of devices is missing when the mailbox cannot be reached, and lists them once it can', async () => {
    server.offline = true;
    await signIn();
    const { user } = await renderApp('/epci/toutes');
    expect(await screen.findByText("La liste des appareils n'a pas pu être chargée : le serveur ne répond pas (pas de réseau ?).", {}, { timeout: 15_000 })).toBeInTheDocument();
    server.offline = false;
    await user.click(screen.getByRole('button', { name: 'Actualiser la liste des appareils' }));
    expect(await screen.findByRole('row', { name: /Tablette de la mairie/ })).toBeInTheDocument();
    expect(screen.queryByText(/n'a pas pu être chargée/)).not.toBeInTheDocument();
  });

  it('shows a progress bar while receiving, then each refused envelope with its message', async () => {
    await signIn();
    const { user } = await renderApp('/epci/toutes');
    await user.click(await screen.findByRole('button', { name: 'Recevoir' }, { timeout: 15_000 }));
    expect(await screen.findByRole('progressbar', { name: '3 audits reçus et ouverts…' })).toBeInTheDocument();

    server.release?.();
    expect(await screen.findByText("16020-audit-x.cyberdiag.json — refusé : cet envoi est chiffré pour une autre intercommunalité. Rien n'a été enregistré.")).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText(/^Réception terminée : 2 importé\(s\), 0 déjà présent\(s\), 1 refusé\(s\)/)).toBeInTheDocument();
  });
});
