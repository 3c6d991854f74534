/** A small questionnaire, catalogue and set of audit summaries whose EPCI figures are worked out by hand in the tests. */
import type { ActionCatalogue, CatalogueAction } from '../../../src/domain/actions/parse-catalogue';
import type { Action } from '../../../src/domain/actions/schema';
import type { CommuneProfile } from '../../../src/domain/audit/types';
import type { AuditSummary } from '../../../src/domain/epci/create-audit-summarizer';
import type { CommuneInfo, SummaryEntry } from '../../../src/domain/epci/epci-row';
import type { Criticality, IndicatorLink, Question, Questionnaire } from '../../../src/domain/questionnaire/schema';

const text = (fr: string) => ({ fr, en: `${fr} (en)` });

function question(id: string, criticality: Criticality, actions: string[], indicators: IndicatorLink[] = []): Question {
  return {
    id,
    text: text(`Question ${id} ?`),
    help: text('Aide.'),
    criticality,
    knower: 'provider',
    options: [
      { id: 'yes', label: text('Oui'), score: 1 },
      { id: 'partly', label: text('En partie'), score: 0.5 },
      { id: 'no', label: text('Non'), score: 0 },
    ],
    indicators,
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
        question('backup-a', 'critical', ['backup-automate'], [{ indicator: 'ind-x', inGroup: ['yes'], outOfGroup: ['no'] }]),
        question('backup-b', 'major', ['backup-offsite', 'backup-automate']),
        question('backup-c', 'minor', ['backup-test']),
      ],
    },
    {
      id: 'accounts',
      title: text('Comptes'),
      summary: text('Résumé'),
      questions: [
        question('accounts-a', 'critical', ['accounts-mfa'], [{ indicator: 'ind-y', inGroup: ['yes'], outOfGroup: ['no'] }]),
        question('accounts-b', 'major', ['accounts-mfa', 'accounts-policy']),
        question('accounts-c', 'minor', ['accounts-policy']),
      ],
    },
  ],
};

function action(id: string, themeId: string, pooledOffer?: Action['pooledOffer']): CatalogueAction {
  return {
    id,
    themeId,
    title: text(`Action ${id}`),
    why: text('Pourquoi.'),
    steps: [text('Étape.')],
    who: ['secretary'],
    cost: 'free',
    timeframe: 'immediate',
    effort: 1,
    resources: [],
    funding: [],
    ...(pooledOffer ? { pooledOffer } : {}),
  };
}

export const catalogue: ActionCatalogue = new Map(
  [
    action('backup-automate', 'backup', 'shared-backup'),
    action('backup-offsite', 'backup', 'shared-backup'),
    action('backup-test', 'backup', 'shared-backup'),
    action('accounts-mfa', 'accounts'),
    action('accounts-policy', 'accounts', 'shared-rssi'),
  ].map((a) => [a.id, a] as const),
);

export const profile: CommuneProfile = { population: 800, agents: 3, computers: 4, itProvider: true, hasServer: true };

export function summary(themeScores: Record<string, number | null>, overall: number | null, actionIds: string[], indicators: AuditSummary['indicators'] = {}): AuditSummary {
  return { themeScores, overall, asked: 6, answered: 6, dontKnow: 0, actionIds, indicators };
}

export function commune(id: string, name: string, insee: string, epciSiren = '200000001'): CommuneInfo {
  return { id, name, insee, epciSiren };
}

export function entry(
  auditId: string,
  communeId: string,
  status: SummaryEntry['status'],
  date: string,
  value: AuditSummary,
  population = 800,
  questionnaireVersion = 2,
): SummaryEntry {
  return {
    auditId,
    communeId,
    status,
    updatedAt: date,
    completedAt: status === 'completed' ? date : null,
    population,
    summary: value,
    questionnaireVersion,
  };
}
