/**
 * The results page set against the barometers: per theme, a sentence per comparison with its source, the survey's
 * wording, a chart, and context figures labelled as context. The questionnaire is a small one written for the test
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

describe('results compared with the barometers', { timeout: 30_000 }, () => {
  it('says where the commune stands, with the source, the survey wording and a chart', async () => {
    const audit = await seed(800, { 'continuity-plans': 'one-of-two', 'backup-how': 'manual' });
    const { user } = await renderApp(`/audits/${audit.id}/results`);
    await screen.findAllByRole('region', { name: 'Votre commune et les baromètres' }, slow);

    const continuity = within(themeSection(/^Continuité/)).getByRole('region', { name: 'Votre commune et les baromètres' });
    expect(
      within(continuity).getByText(
        "Votre commune fait partie des 24 % de collectivités qui ont au moins l'un des deux plans, PCA ou PRA (Baromètre Numérique & Collectivités, premiers résultats, DINUM et réseau Déclic, mars 2025).",
      ),
    ).toBeInTheDocument();
    // "one of the two plans" does not say whether there is a PCA: nothing about the 66 % without PCA.
    expect(within(continuity).queryByText(/66\s%/)).not.toBeInTheDocument();
    expect(within(continuity).getByText(/Votre réponse à « Avez-vous un PCA et un PRA écrits \? » : Réponse one-of-two/)).toBeInTheDocument();

    const summary = within(continuity).getByText("Question posée dans l'enquête", { selector: 'summary' });
    await user.click(summary);
    expect(summary.closest('details')).toHaveAttribute('open');
    expect(
      within(continuity).getByText("Collectivités qui ne disposent ni d'un plan de continuité d'activité (PCA) ni d'un plan de reprise d'activité (PRA)"),
    ).toBeVisible();

    const chart = within(continuity).getByRole('table', { name: /Où se situe votre commune parmi les collectivités interrogées — Continuité/ });
    const row = within(chart).getByRole('row', { name: /Collectivités sans PCA ni PRA/ });
    expect(within(row).getByText("Au moins l'un des deux, comme 24 %")).toBeInTheDocument();
    expect(within(row).getByText('Ni PCA ni PRA : 76 %')).toBeInTheDocument();
  });

  it('uses and names the stratum of the commune, and labels context figures as context', async () => {
    const audit = await seed(800, { 'backup-how': 'manual' });
    await renderApp(`/audits/${audit.id}/results`);
    await screen.findAllByRole('region', { name: 'Votre commune et les baromètres' }, slow);
    const backup = within(themeSection(/^Sauvegardes/)).getByRole('region', { name: 'Votre commune et les baromètres' });
    expect(
      within(backup).getByText(
        'Votre mairie sauvegarde à la main, comme 57 % des mairies de moins de 1 000 habitants interrogées en 2016, chiffre pour les communes de moins de 1 000 habitants (Baromètre de la dématérialisation 2016, 3e édition, JVS-Mairistem, 2016).',
      ),
    ).toBeInTheDocument();
    const context = within(backup).getByRole('heading', { name: 'Pour situer (contexte, pas une comparaison)' }).parentElement;
    if (!context) throw new Error('no context block');
    expect(within(context).getByText(/^Parmi les incidents déclarés par les collectivités victimes, 40 % étaient des rançongiciels .* Source : Baromètre Numérique & Collectivités, premiers résultats/)).toBeInTheDocument();
    // The 57 % is already said as a comparison: it is not repeated as context.
    expect(within(context).queryByText(/57\s%/)).not.toBeInTheDocument();
  });

  it('makes no comparison with a figure about communes of another size', async () => {
    const audit = await seed(4200, { 'backup-how': 'manual' });
    await renderApp(`/audits/${audit.id}/results`);
    await screen.findByText(/Les comparaisons avec les baromètres utilisent/, {}, slow);
    expect(screen.queryByText(/57\s%/)).not.toBeInTheDocument();
  });

  it('names the dataset and version in use, with a link to every source', async () => {
    const audit = await seed(800, { 'continuity-plans': 'both' });
    await renderApp(`/audits/${audit.id}/results`);
    const line = await screen.findByText(/Les comparaisons avec les baromètres utilisent « Repères chiffrés sur le numérique et la cybersécurité des collectivités », version \d+\./, {}, slow);
    expect(within(line).getByRole('link', { name: 'Voir tous les chiffres et leurs sources' })).toHaveAttribute('href', '/benchmarks');
    expect(
      screen.getByText(
        "Votre commune fait partie des 34 % de collectivités qui ont un plan de continuité d'activité, ou PCA (Baromètre Numérique & Collectivités, résultats consolidés, DINUM et réseau Déclic, octobre 2025).",
      ),
    ).toBeInTheDocument();
  });

  it('says it in English', async () => {
    const audit = await seed(800, { 'continuity-plans': 'both' });
    await renderApp(`/audits/${audit.id}/results`, { language: 'en' });
    expect(
      await screen.findByText(
        'Your commune is among the 34% of local authorities that have a business continuity plan, or PCA (Baromètre Numérique & Collectivités, consolidated results, DINUM and réseau Déclic, October 2025).',
        {},
        slow,
      ),
    ).toBeInTheDocument();
  });
});
