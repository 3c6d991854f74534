/** A small questionnaire and action catalogue whose plans are worked out by hand in the tests. */
import type { Action } from '../../../src/domain/actions/schema';
import type { ActionCatalogue, CatalogueAction } from '../../../src/domain/actions/parse-catalogue';
import type { CommuneProfile } from '../../../src/domain/audit/types';
import type { Criticality, Knower, Question, Questionnaire } from '../../../src/domain/questionnaire/schema';

const text = (fr: string) => ({ fr, en: `${fr} (en)` });

function question(id: string, criticality: Criticality, actions: string[], knower: Knower = 'provider'): Question {
  return {
    id,
    text: text(`Question ${id} ?`),
    help: text('Aide.'),
    criticality,
    knower,
    options: [
      { id: 'yes', label: text('Oui'), score: 1 },
      { id: 'partly', label: text('En partie'), score: 0.5 },
      { id: 'no', label: text('Non'), score: 0 },
    ],
    indicators: [],
    actions,
  };
}

/** backup-a critical (×3), backup-b major (×2), backup-c minor (×1); the same for accounts. */
export const questionnaire: Questionnaire = {
  id: 'test',
  version: 1,
  title: text('Test'),
  themes: [
    {
      id: 'backup',
      title: text('Sauvegardes'),
      summary: text('Résumé'),
      questions: [
        question('backup-a', 'critical', ['backup-automate']),
        question('backup-b', 'major', ['backup-offsite', 'backup-automate']),
        question('backup-c', 'minor', ['backup-test']),
      ],
    },
    {
      id: 'accounts',
      title: text('Comptes'),
      summary: text('Résumé'),
      questions: [
        question('accounts-a', 'critical', ['accounts-mfa'], 'secretary'),
        question('accounts-b', 'major', ['accounts-mfa', 'accounts-policy']),
        question('accounts-c', 'minor', ['accounts-unknown'], 'software-vendor'),
      ],
    },
  ],
};

function action(id: string, themeId: string, effort: number, cost: Action['cost'], timeframe: Action['timeframe']): CatalogueAction {
  return {
    id,
    themeId,
    title: text(`Action ${id}`),
    why: text('Pourquoi.'),
    steps: [text('Étape.')],
    who: ['secretary'],
    cost,
    timeframe,
    effort,
    resources: [],
    funding: [],
  };
}

export const catalogue: ActionCatalogue = new Map(
  [
    action('backup-automate', 'backup', 2, 'low', 'immediate'),
    action('backup-offsite', 'backup', 3, 'medium', 'within-3-months'),
    action('backup-test', 'backup', 1, 'free', 'immediate'),
    action('accounts-mfa', 'accounts', 2, 'free', 'immediate'),
    action('accounts-policy', 'accounts', 1, 'free', 'within-3-months'),
  ].map((a) => [a.id, a] as const),
);

export const profile: CommuneProfile = { population: 800, agents: 3, computers: 4, itProvider: true, hasServer: true };
