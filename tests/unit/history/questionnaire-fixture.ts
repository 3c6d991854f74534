/** A small questionnaire written for the history tests, so that every score can be worked out by hand. */
import type { Question, Questionnaire } from '../../../src/domain/questionnaire/schema';

const text = (fr: string) => ({ fr, en: fr });

function question(id: string, criticality: Question['criticality'], options: Array<[string, number]>, actions: string[]): Question {
  return {
    id,
    text: text(id),
    help: text(`help ${id}`),
    criticality,
    options: options.map(([optionId, score]) => ({ id: optionId, label: text(optionId), score })),
    knower: 'secretary',
    indicators: [],
    actions,
  };
}

/**
 * backup:   b1 critical (weight 3): yes 1, partly 0.5, no 0 — action backup-offline
 *           b2 minor (weight 1):    yes 1, no 0             — action backup-test
 * accounts: a1 major (weight 2):    yes 1, partly 0.5, no 0 — action accounts-mfa
 */
export const questionnaire: Questionnaire = {
  id: 'test',
  version: 2,
  title: text('Test'),
  themes: [
    {
      id: 'backup',
      title: text('Sauvegardes'),
      summary: text('…'),
      questions: [
        question('b1', 'critical', [['yes', 1], ['partly', 0.5], ['no', 0]], ['backup-offline']),
        question('b2', 'minor', [['yes', 1], ['no', 0]], ['backup-test']),
      ],
    },
    {
      id: 'accounts',
      title: text('Comptes'),
      summary: text('…'),
      questions: [question('a1', 'major', [['yes', 1], ['partly', 0.5], ['no', 0]], ['accounts-mfa'])],
    },
  ],
};

export const profile = { population: 800, agents: 3, computers: 4, itProvider: true, hasServer: false };
