/** Deleting an audit or a commune from the commune's page: a dialog says what goes, and nothing goes before "delete". */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database';
import { renderApp } from '../../render';
import { seedDevice } from '../../unit/exchange/seed';

describe('deleting from the commune page', { timeout: 20_000 }, () => {
  it('deletes one audit after a confirmation that names it and says what goes with it; cancelling keeps it', async () => {
    await seedDevice();
    const { user } = await renderApp('/communes/commune-a');
    await screen.findByRole('heading', { level: 1, name: 'Aubeterre' });
    const audits = () => screen.getAllByRole('heading', { level: 3, name: /^Audit commencé le/ });
    expect(audits()).toHaveLength(2);

    // The older audit (5 janvier) is listed last; its plan has two actions followed.
    await user.click(screen.getByRole('button', { name: 'Supprimer Audit commencé le 5 janvier 2026' }));
    const dialog = await screen.findByRole('dialog', { name: "Supprimer l'audit commencé le 5 janvier 2026 ?" });
    expect(within(dialog).getByText(/l'audit et ses réponses \(2 réponses\), son plan d'action \(2 actions suivies\)/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await db.audits.get('audit-a1')).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Supprimer Audit commencé le 5 janvier 2026' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: "Supprimer l'audit" }));
    expect(await screen.findByRole('status')).toHaveTextContent("L'audit commencé le 5 janvier 2026 a été supprimé de cet appareil.");
    expect(screen.getByRole('heading', { level: 2, name: 'Audits' })).toHaveFocus();
    expect(audits()).toHaveLength(1);
    expect(await db.audits.get('audit-a1')).toBeUndefined();
    expect(await db.planItems.where('auditId').equals('audit-a1').count()).toBe(0);
    expect(await db.audits.get('audit-a2')).toBeDefined();
  });

  it('deletes a commune with its audits and plans, then says so on the home page', async () => {
    await seedDevice();
    const { user, router } = await renderApp('/communes/commune-a');
    await user.click(await screen.findByRole('button', { name: 'Supprimer Aubeterre…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer Aubeterre et tous ses audits ?' });
    expect(
      await within(dialog).findByText(/la commune et son profil, ses 2 audits avec leurs réponses, leurs plans d'action \(2 actions suivies\)/),
    ).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Supprimer la commune et ses audits' }));
    expect(await screen.findByText("Aubeterre a été supprimée de cet appareil, avec ses audits et leurs plans d'action.")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.queryByRole('link', { name: /Aubeterre/ })).not.toBeInTheDocument();
    expect(await db.communes.toCollection().primaryKeys()).toEqual(['commune-b']);
    expect(await db.audits.toCollection().primaryKeys()).toEqual(['audit-b1']);
    expect(await db.planItems.count()).toBe(0);
  });

  it('asks in English too', async () => {
    await seedDevice();
    const { user } = await renderApp('/communes/commune-b', { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Delete Bellecombe…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Bellecombe and all its audits?' });
    expect(await within(dialog).findByText(/the commune and its profile, its audit with its answers, its action plan \(no action followed\)/)).toBeInTheDocument();
    expect(within(dialog).getByText(/This cannot be undone/)).toBeInTheDocument();
  });
});
