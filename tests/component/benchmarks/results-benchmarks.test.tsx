/**
 * The results page set against the barometers: per theme, the figure as published with its source then the
 * commune's own answer, the survey's wording, a chart of the published figure (nothing computed for the other
 * side), earlier waves under « À savoir », shares of people said beside the answer, context figures labelled as
 * context with their age, and the topics no national survey measured. The questionnaire is a small one written for the test
 * (the real one is content, written apart), so that each expected sentence can be worked out by hand.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { saveAnswer, startAudit } from '../../../src/db/audits-repository';
import { ensureBundledDataset } from '../../../src/db/benchmarks-repository';
import { createCommune } from '../../../src/db/communes-repository';
import { renderApp } from '../../render';

const { questionnaire } = vi.hoisted(() => {
  const text = (fr: string, en = fr) => ({ fr, en });
  const q = (id: string, label: string, options: string[], indicators: { indicator: string; inGroup: string[]; outOfGroup: string[] }[]) => ({
    id,
    text: text(label),
    help: text('Aide'),
    criticality: 'critical' as const,
    knower: 'provider' as const,
    options: options.map((o, index) => ({ id: o, label: text(`Réponse ${o}`), score: index === 0 ? 1 : 0 })),
    indicators,
    actions: ['backup-automate'],
  });
  return {
    questionnaire: {
      id: 'test',
      version: 1,
      title: text('Test'),
      themes: [
        {
          id: 'continuity',
          title: text('Continuité'),
          summary: text('PCA'),
          questions: [
            q('continuity-plans', 'Avez-vous un PCA et un PRA écrits ?', ['both', 'one-of-two', 'neither'], [
              { indicator: 'bnc-2025-c-no-pca', inGroup: ['neither'], outOfGroup: ['both'] },
              { indicator: 'bnc-2025-v1-no-pca-nor-pra', inGroup: ['neither'], outOfGroup: ['both', 'one-of-two'] },
            ]),
          ],
        },
        {
          id: 'awareness',
          title: text('Sensibilisation'),
          summary: text('Sensibilisation'),
          questions: [
            q('awareness-agents', 'Les agents ont-ils été formés ?', ['all', 'some', 'none'], [
              { indicator: 'bnc-2025-c-trained-agents', inGroup: ['all', 'some'], outOfGroup: ['none'] },
            ]),
          ],
        },
        {
          id: 'backup',
          title: text('Sauvegardes'),
          summary: text('Sauvegardes'),
          questions: [
            q('backup-how', 'Comment les sauvegardes sont-elles faites ?', ['automatic', 'manual'], [
              { indicator: 'jvs-2016-manual-backup', inGroup: ['manual'], outOfGroup: ['automatic'] },
            ]),
          ],
        },
      ],
    },
  };
});

vi.mock('../../../src/content/load-questionnaire', () => {
  const loaded = Promise.resolve(questionnaire);
  return { loadQuestionnaire: () => loaded, loadQuestionnaireVersionShared: () => loaded };
});

/** Pages load lazily and the machine may be busy: give slow steps room (this is no timing assertion). */
const slow = { timeout: 10_000 };

async function seed(population: number, answers: Record<string, string>) {
  // What the app start does, done here first so the page has its dataset at once.
  await ensureBundledDataset();
  const commune = await createCommune({
    name: 'Saint-Test',
    insee: '',
    postcode: '',
    epciSiren: '',
    epciName: '',
    profile: { population, agents: 2, computers: 3, itProvider: true, hasServer: false },
  });
  const audit = await startAudit(commune, questionnaire, 'Secrétaire');
  for (const [questionId, optionId] of Object.entries(answers)) await saveAnswer(audit.id, questionId, { kind: 'option', optionId });
  return audit;
}

const themeSection = (title: RegExp) => {
  const heading = screen.getByRole('heading', { level: 3, name: title });
  const section = heading.closest('section');
  if (!section) throw new Error('no theme section');
  return section;
};

const BNC_C = 'Baromètre Numérique & Collectivités, résultats consolidés, DINUM et réseau Déclic, octobre 2025';
const NO_PCA = `66 % des collectivités répondantes déclaraient ne pas avoir de plan de continuité d'activité, ou PCA (${BNC_C}).`;

describe('results compared with the barometers', { timeout: 30_000 }, () => {
  it('quotes the figure as published, then the commune’s answer, with the survey wording, a chart and the earlier wave', async () => {
    const audit = await seed(800, { 'continuity-plans': 'both' });
    const { user } = await renderApp(`/audits/${audit.id}/results`);
    await screen.findAllByRole('region', { name: 'Votre commune et les baromètres' }, slow);

    const continuity = within(themeSection(/^Continuité/)).getByRole('region', { name: 'Votre commune et les baromètres' });
    expect(within(continuity).getByText(`${NO_PCA} Votre commune en a un.`)).toBeInTheDocument();
    // The survey published 66 % without a PCA, not 34 % with one: no computed complement anywhere.
    expect(within(continuity).queryByText(/34\s?%/)).not.toBeInTheDocument();
    expect(within(continuity).queryByText(/comme \d/)).not.toBeInTheDocument();
    // The first results are named under « À savoir », never as a second comparison.
    expect(within(continuity).getByText(/^À savoir : une vague antérieure de la même enquête disait : 76 % .*premiers résultats.*Le chiffre le plus récent la remplace\.$/)).toBeInTheDocument();
    expect(within(continuity).getByText(/Votre réponse à « Avez-vous un PCA et un PRA écrits \? » : Réponse both/)).toBeInTheDocument();

    const summary = within(continuity).getByText("Question posée dans l'enquête", { selector: 'summary' });
    await user.click(summary);
    expect(summary.closest('details')).toHaveAttribute('open');
    expect(within(continuity).getByText("Collectivités qui n'ont pas de plan de continuité d'activité (PCA)")).toBeVisible();
    expect(within(continuity).getAllByRole('link', { name: /Ouvrir la source sur edoccacem-pom\.c3rb\.org/ })[0]).toHaveAttribute('href', expect.stringMatching(/^https:\/\/edoccacem-pom\.c3rb\.org\//));

    const chart = within(continuity).getByRole('table', { name: /Où se situe votre commune parmi les collectivités interrogées — Continuité/ });
    const row = within(chart).getByRole('row', { name: /Collectivités sans plan de continuité/ });
    expect(within(row).getByText('Sans PCA : 66 %')).toBeInTheDocument();
    expect(within(row).getByText('Avec un PCA')).toBeInTheDocument();
  });

  it('sets nothing beside "only one of the two plans": the 66 % without PCA is context only', async () => {
    const audit = await seed(800, { 'continuity-plans': 'one-of-two' });
    await renderApp(`/audits/${audit.id}/results`);
    await screen.findAllByRole('region', { name: 'Votre commune et les baromètres' }, slow);
    const continuity = within(themeSection(/^Continuité/)).getByRole('region', { name: 'Votre commune et les baromètres' });
    expect(within(continuity).queryByRole('table')).not.toBeInTheDocument();
    expect(within(continuity).queryByText(/Votre commune en a un|Votre commune n'a pas de plan/)).not.toBeInTheDocument();
    const context = within(continuity).getByRole('heading', { name: 'Pour situer (contexte, pas une comparaison)' }).parentElement;
    if (!context) throw new Error('no context block');
    expect(within(context).getByText(/^66\s%\sdes collectivités répondantes déclaraient/)).toBeInTheDocument();
  });

  it('says a share of agents beside the answer, not as a share of communes, and keeps it off the chart', async () => {
    const audit = await seed(800, { 'awareness-agents': 'some' });
    await renderApp(`/audits/${audit.id}/results`);
    await screen.findAllByRole('region', { name: 'Votre commune et les baromètres' }, slow);
    const awareness = within(themeSection(/^Sensibilisation/)).getByRole('region', { name: 'Votre commune et les baromètres' });
    expect(
      within(awareness).getByText(
        `Pour situer, une part de personnes et non de communes : 50 % des agents ont été formés à la cybersécurité au cours des deux dernières années, selon les collectivités répondantes (${BNC_C}). Dans votre mairie, des agents ont été formés ou sensibilisés ces deux dernières années.`,
      ),
    ).toBeInTheDocument();
    expect(within(awareness).queryByRole('table')).not.toBeInTheDocument();
  });

  it('makes an old figure context with its age, and says where no national survey exists', async () => {
    const audit = await seed(800, { 'backup-how': 'manual' });
    await renderApp(`/audits/${audit.id}/results`);
    await screen.findAllByRole('region', { name: 'Votre commune et les baromètres' }, slow);
    const backup = within(themeSection(/^Sauvegardes/)).getByRole('region', { name: 'Votre commune et les baromètres' });
    // The 2016 figure is never set against the answer…
    expect(within(backup).queryByRole('table')).not.toBeInTheDocument();
    const context = within(backup).getByRole('heading', { name: 'Pour situer (contexte, pas une comparaison)' }).parentElement;
    if (!context) throw new Error('no context block');
    // …it is context, its age said.
    expect(within(context).getByText(/^57\s%\sdes mairies de moins de 1 000 habitants .*Chiffre ancien \(données de 2016\)/)).toBeInTheDocument();
    const none = within(backup).getByRole('heading', { name: 'Sans chiffre national' }).parentElement;
    if (!none) throw new Error('no unsurveyed block');
    expect(within(none).getByText(/^Aucune enquête nationale publiée ne donne de chiffre sur les copies de sauvegarde hors ligne/)).toBeInTheDocument();
    expect(within(none).getByText(/^Aucune enquête nationale publiée ne donne de chiffre sur les tests de restauration des sauvegardes/)).toBeInTheDocument();
  });

  it('names the dataset and version in use, with a link to every source', async () => {
    const audit = await seed(800, { 'continuity-plans': 'both' });
    await renderApp(`/audits/${audit.id}/results`);
    const line = await screen.findByText(/Les comparaisons avec les baromètres utilisent « Repères chiffrés sur le numérique et la cybersécurité des collectivités », version \d+\./, {}, slow);
    expect(within(line).getByRole('link', { name: 'Voir tous les chiffres et leurs sources' })).toHaveAttribute('href', '/benchmarks');
  });

  it('says it in English', async () => {
    const audit = await seed(800, { 'continuity-plans': 'both' });
    await renderApp(`/audits/${audit.id}/results`, { language: 'en' });
    expect(
      await screen.findByText(
        '66% of the responding local authorities said they had no business continuity plan, or PCA (Baromètre Numérique & Collectivités, consolidated results, DINUM and réseau Déclic, October 2025). Your commune has one.',
        {},
        slow,
      ),
    ).toBeInTheDocument();
  });
});
