import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadQuestionnaire } from '../../../src/content/load-questionnaire';
import { saveAnswer, startAudit } from '../../../src/db/audits-repository';
import { createCommune } from '../../../src/db/communes-repository';
import { db } from '../../../src/db/database';
import type { Knower, Question } from '../../../src/domain/questionnaire/schema';
import { renderApp } from '../../render';

/** Questions asked of every commune of this profile (no condition), whom to ask being `knower`. */
async function unconditional(knower: Knower, count: number): Promise<Question[]> {
  const questionnaire = await loadQuestionnaire();
  const found = questionnaire.themes
    .flatMap((theme) => theme.questions)
    .filter((question) => question.knower === knower && !question.showIf && !question.notApplicableIf)
    .slice(0, count);
  expect(found).toHaveLength(count);
  return found;
}

/** An audit of Saint-Test with two "je ne sais pas" for the prestataire and one for the élu. */
async function seed(auditor = 'Élodie Marçais') {
  const commune = await createCommune({
    name: 'Saint-Test',
    insee: '',
    postcode: '',
    epciSiren: '',
    epciName: '',
    profile: { population: 780, agents: 3, computers: 4, itProvider: true, hasServer: true },
  });
  const questionnaire = await loadQuestionnaire();
  const audit = await startAudit(commune, questionnaire, auditor, new Date('2026-11-20T09:00:00Z'));
  const provider = await unconditional('provider', 2);
  const [elected] = await unconditional('elected', 1);
  if (!elected) throw new Error('no question for the élu');
  for (const question of [...provider, elected]) await saveAnswer(audit.id, question.id, { kind: 'dontKnow' });
  return { audit, provider, elected, questionnaire };
}

const group = (name: RegExp, options?: { timeout: number }) => screen.findByRole('region', { name }, options);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('questions to ask', { timeout: 20_000 }, () => {
  it('gathers the "je ne sais pas" answers by whom to ask, each as one message for the mail program', async () => {
    const { audit, provider, elected } = await seed();
    await renderApp(`/audits/${audit.id}/questions`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Questions à poser pour Saint-Test' }),
    ).toBeInTheDocument();
    const providerGroup = within(await group(/^Votre prestataire informatique \(2 questions à poser\)/));
    const electedGroup = within(await group(/^Le maire ou l’élu référent \(1 question à poser\)/));
    expect(screen.queryByRole('region', { name: /éditeur/ })).not.toBeInTheDocument();

    const href = providerGroup.getByRole('link', { name: 'Ouvrir dans ma messagerie' }).getAttribute('href') ?? '';
    expect(href).toMatch(/^mailto:\?subject=/);
    const url = new URL(href);
    const subject = url.searchParams.get('subject');
    const body = url.searchParams.get('body') ?? '';
    expect(subject).toBe('Cybersécurité de la mairie de Saint-Test : 2 questions');
    expect(body).toContain('\r\n');
    const [first, second] = provider;
    expect(body).toContain(`1. ${first?.text.fr ?? ''}`);
    expect(body).toContain(`2. ${second?.text.fr ?? ''}`);
    // The possible answers go with each question, so that the reply fits the audit.
    expect(body).toContain(`Réponses possibles : ${first?.options.map((o) => o.label.fr).join(' / ') ?? ''}`);
    expect(body).toContain('Élodie Marçais');
    expect(body).not.toContain(elected.text.fr);
    expect(electedGroup.getByRole('link', { name: 'Ouvrir dans ma messagerie' }).getAttribute('href')).toContain(
      encodeURIComponent(elected.text.fr.replace(/\n/g, '\r\n')),
    );
  });

  it('copies a group\'s message to the clipboard, and prints that message alone', async () => {
    const { audit, provider } = await seed();
    const { user } = await renderApp(`/audits/${audit.id}/questions`);
    const providerGroup = within(await group(/^Votre prestataire informatique/));
    await user.click(providerGroup.getByRole('button', { name: 'Copier le message' }));
    expect(await providerGroup.findByText('Message copié : collez-le dans un courriel ou un document.')).toBeInTheDocument();
    const copied = await navigator.clipboard.readText();
    expect(copied).toMatch(/^Cybersécurité de la mairie de Saint-Test : 2 questions\n\nBonjour,/);
    expect(copied).toContain(provider[0]?.text.fr ?? '-');

    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await user.click(providerGroup.getByRole('button', { name: 'Imprimer le message' }));
    expect(print).toHaveBeenCalledTimes(1);
    const region = screen.getByRole('region', { name: /^Votre prestataire informatique/ });
    // The print styles keep this group's message only, until the browser says printing is over.
    expect(region).toHaveClass('questions-group--printing');
    expect(screen.getByRole('region', { name: /^Le maire/ })).not.toHaveClass('questions-group--printing');
    window.dispatchEvent(new Event('afterprint'));
    await waitFor(() => expect(region).not.toHaveClass('questions-group--printing'));
  });

  it('records an answer that came back: stored at once, out of the message, and the plan no longer asks for it', async () => {
    const { audit, provider } = await seed();
    const [first] = provider;
    if (!first) throw new Error('no question');
    const option = first.options[0];
    if (!option) throw new Error('no option');
    const { user, unmount } = await renderApp(`/audits/${audit.id}/questions`);
    const providerGroup = within(await group(/^Votre prestataire informatique/));
    const field = within(providerGroup.getByRole('group', { name: first.text.fr }));
    expect(field.getByRole('radio', { name: 'Toujours pas de réponse (je ne sais pas)' })).toBeChecked();
    await user.click(field.getByRole('radio', { name: option.label.fr }));

    await waitFor(async () => expect((await db.audits.get(audit.id))?.answers[first.id]).toMatchObject({ kind: 'option', optionId: option.id }));
    expect(await field.findByText('Réponse enregistrée : l’audit et le plan sont à jour.')).toBeInTheDocument();
    // The group now asks one question; the answered one stays on screen with its answer.
    expect(await group(/^Votre prestataire informatique \(1 question à poser\)/)).toBeInTheDocument();
    expect(field.getByRole('radio', { name: option.label.fr })).toBeChecked();
    const href = providerGroup.getByRole('link', { name: 'Ouvrir dans ma messagerie' }).getAttribute('href') ?? '';
    expect(new URL(href).searchParams.get('body')).not.toContain(first.text.fr);
    unmount();

    await renderApp(`/audits/${audit.id}/plan`);
    await screen.findByRole('heading', { level: 1, name: 'Plan d’action de Saint-Test' });
    expect(screen.queryByRole('listitem', { name: new RegExp(first.text.fr.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).not.toBeInTheDocument();
    expect(screen.getByText('2 réponses « je ne sais pas » restent à vérifier.')).toBeInTheDocument();
  });

  it('says when there is nothing to ask, and speaks English', async () => {
    const commune = await createCommune({
      name: 'Saint-Sûr',
      insee: '',
      postcode: '',
      epciSiren: '',
      epciName: '',
      profile: { population: 300, agents: 1, computers: 2, itProvider: false, hasServer: false },
    });
    const audit = await startAudit(commune, await loadQuestionnaire(), '', new Date('2026-11-20T09:00:00Z'));
    await renderApp(`/audits/${audit.id}/questions`, { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Questions to ask for Saint-Sûr' })).toBeInTheDocument();
    expect(screen.getByText('No question pending: you did not answer “I don’t know” to any question.')).toBeInTheDocument();
  });
});
