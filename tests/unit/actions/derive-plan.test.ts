import { describe, expect, it } from 'vitest';
import { derivePlan, groupByHorizon, planHorizon } from '../../../src/domain/actions/derive-plan';
import type { ActionCatalogue } from '../../../src/domain/actions/parse-catalogue';
import type { Answer, Answers } from '../../../src/domain/audit/types';
import { computeResults } from '../../../src/domain/scoring/compute-results';
import { catalogue, profile, questionnaire } from './plan-fixtures';

const yes: Answer = { kind: 'option', optionId: 'yes' };
const partly: Answer = { kind: 'option', optionId: 'partly' };
const no: Answer = { kind: 'option', optionId: 'no' };
const dontKnow: Answer = { kind: 'dontKnow' };

const allYes: Answers = {
  'backup-a': yes,
  'backup-b': yes,
  'backup-c': yes,
  'accounts-a': yes,
  'accounts-b': yes,
  'accounts-c': yes,
};

interface Expected {
  id: string;
  questionIds: string[];
  riskRemoved: number;
  priority: number;
  critical: boolean;
}

const planOf = (answers: Answers) => derivePlan(questionnaire, computeResults(questionnaire, answers, profile), catalogue);

describe('derivePlan', () => {
  it.each<{ name: string; answers: Answers; expected: Expected[]; unknown: string[] }>([
    {
      name: 'nothing to do when every practice is in place',
      answers: allYes,
      expected: [],
      unknown: [],
    },
    {
      // backup-a "no" loses 3 (critical gap), backup-b "partly" 1, backup-c "no" 1, accounts-b "no" 2,
      // accounts-c "je ne sais pas" 1.
      // backup-automate answers backup-a + backup-b: (3 + 1) ÷ 2 = 2, critical → first.
      // accounts-policy 2 ÷ 1 = 2; accounts-mfa 2 ÷ 2 = 1 (risk 2 wins the tie); backup-test 1 ÷ 1 = 1 and
      // verify-accounts-c 1 ÷ 1 = 1 tie on risk, cost and time frame: backup-c comes first in the questionnaire;
      // backup-offsite 1 ÷ 3 last.
      name: 'critical gaps first, then risk removed for the effort',
      answers: { ...allYes, 'backup-a': no, 'backup-b': partly, 'backup-c': no, 'accounts-b': no, 'accounts-c': dontKnow },
      expected: [
        { id: 'backup-automate', questionIds: ['backup-a', 'backup-b'], riskRemoved: 4, priority: 2, critical: true },
        { id: 'accounts-policy', questionIds: ['accounts-b'], riskRemoved: 2, priority: 2, critical: false },
        { id: 'accounts-mfa', questionIds: ['accounts-b'], riskRemoved: 2, priority: 1, critical: false },
        { id: 'backup-test', questionIds: ['backup-c'], riskRemoved: 1, priority: 1, critical: false },
        { id: 'verify-accounts-c', questionIds: ['accounts-c'], riskRemoved: 1, priority: 1, critical: false },
        { id: 'backup-offsite', questionIds: ['backup-b'], riskRemoved: 1, priority: 1 / 3, critical: false },
      ],
      unknown: [],
    },
    {
      // verify-backup-a: 3 ÷ 1 = 3, critical; accounts-mfa answers the critical gap accounts-a (3) and
      // accounts-b "partly" (1): 4 ÷ 2 = 2, critical; accounts-policy 1 ÷ 1 = 1.
      name: 'a critical "je ne sais pas" is checked among the critical items',
      answers: { ...allYes, 'backup-a': dontKnow, 'accounts-a': no, 'accounts-b': partly },
      expected: [
        { id: 'verify-backup-a', questionIds: ['backup-a'], riskRemoved: 3, priority: 3, critical: true },
        { id: 'accounts-mfa', questionIds: ['accounts-a', 'accounts-b'], riskRemoved: 4, priority: 2, critical: true },
        { id: 'accounts-policy', questionIds: ['accounts-b'], riskRemoved: 1, priority: 1, critical: false },
      ],
      unknown: [],
    },
    {
      // A partial answer to a critical question is not a critical gap: backup-automate 1.5 ÷ 2 = 0.75 comes
      // after backup-test 1 ÷ 1. accounts-c names an action the catalogue lacks: reported, not invented.
      name: 'a partial answer to a critical question is ranked like any other; unknown actions are reported',
      answers: { ...allYes, 'backup-a': partly, 'backup-c': no, 'accounts-c': no },
      expected: [
        { id: 'backup-test', questionIds: ['backup-c'], riskRemoved: 1, priority: 1, critical: false },
        { id: 'backup-automate', questionIds: ['backup-a'], riskRemoved: 1.5, priority: 0.75, critical: false },
      ],
      unknown: ['accounts-unknown'],
    },
    {
      // Unanswered questions cost nothing yet, so they call for nothing.
      name: 'unanswered questions call for nothing',
      answers: { 'backup-a': no },
      expected: [{ id: 'backup-automate', questionIds: ['backup-a'], riskRemoved: 3, priority: 1.5, critical: true }],
      unknown: [],
    },
  ])('$name', ({ answers, expected, unknown }) => {
    const plan = planOf(answers);
    expect(
      plan.entries.map(({ id, questionIds, riskRemoved, priority, critical }) => ({ id, questionIds, riskRemoved, priority, critical })),
    ).toEqual(expected);
    expect(plan.unknownActionIds).toEqual(unknown);
  });

  it('addresses each verification to whoever knows, with a stable id', () => {
    const plan = planOf({ ...allYes, 'accounts-a': dontKnow, 'accounts-c': dontKnow });
    expect(plan.entries).toEqual([
      expect.objectContaining({ kind: 'verify', id: 'verify-accounts-a', questionId: 'accounts-a', knower: 'secretary', themeId: 'accounts' }),
      expect.objectContaining({
        kind: 'verify',
        id: 'verify-accounts-c',
        questionId: 'accounts-c',
        knower: 'software-vendor',
        themeId: 'accounts',
      }),
    ]);
  });

  it('carries the catalogue action with its theme, cost and time frame', () => {
    const [entry] = planOf({ ...allYes, 'backup-b': no }).entries.filter((e) => e.id === 'backup-offsite');
    expect(entry).toMatchObject({ kind: 'action', themeId: 'backup', cost: 'medium', timeframe: 'within-3-months', effort: 3 });
  });

  it.each([
    { timeframe: 'immediate', critical: false, horizon: 'this-month' },
    { timeframe: 'immediate', critical: true, horizon: 'this-month' },
    { timeframe: 'within-3-months', critical: false, horizon: 'within-3-months' },
    { timeframe: 'within-3-months', critical: true, horizon: 'this-month' },
    { timeframe: 'within-12-months', critical: false, horizon: 'within-year' },
    { timeframe: 'within-12-months', critical: true, horizon: 'within-3-months' },
  ] as const)('acts on a $timeframe action (critical: $critical) $horizon', ({ timeframe, critical, horizon }) => {
    expect(planHorizon(timeframe, critical)).toBe(horizon);
  });

  it('groups the plan by horizon, soonest first, critical first inside each', () => {
    // Same answers as "critical gaps first" above, with two time frames changed: backup-automate (critical) is a
    // project for the year, brought forward to three months; accounts-mfa (not critical here) waits three months.
    const timeframes: Record<string, 'within-3-months' | 'within-12-months'> = {
      'backup-automate': 'within-12-months',
      'accounts-mfa': 'within-3-months',
      'backup-offsite': 'within-12-months',
    };
    const longer: ActionCatalogue = new Map(
      [...catalogue].map(([id, action]) => [id, { ...action, timeframe: timeframes[id] ?? action.timeframe }] as const),
    );
    const answers: Answers = { ...allYes, 'backup-a': no, 'backup-b': partly, 'backup-c': no, 'accounts-b': no, 'accounts-c': dontKnow };
    const plan = derivePlan(questionnaire, computeResults(questionnaire, answers, profile), longer);
    expect(groupByHorizon(plan.entries).map((group) => ({ horizon: group.horizon, ids: group.entries.map((e) => e.id) }))).toEqual([
      { horizon: 'this-month', ids: ['backup-test', 'verify-accounts-c'] },
      { horizon: 'within-3-months', ids: ['backup-automate', 'accounts-policy', 'accounts-mfa'] },
      { horizon: 'within-year', ids: ['backup-offsite'] },
    ]);
  });

  it('leaves out the horizons with nothing to do', () => {
    const plan = planOf({ ...allYes, 'backup-c': no });
    expect(groupByHorizon(plan.entries).map((group) => group.horizon)).toEqual(['this-month']);
  });

  it('puts the actions of implied gaps in the plan: "no backup" also calls for the follow-ups it hides', () => {
    const [backup] = questionnaire.themes;
    if (!backup) throw new Error('fixture');
    const [a, b, c] = backup.questions;
    if (!a || !b || !c) throw new Error('fixture');
    const v2: typeof questionnaire = {
      ...questionnaire,
      themes: [
        {
          ...backup,
          questions: [
            { ...a, vital: true },
            { ...b, showIf: { question: 'backup-a', anyOf: ['yes', 'partly'], absentIf: ['no'] } },
            { ...c, showIf: { question: 'backup-a', anyOf: ['yes', 'partly'] } },
          ],
        },
      ],
    };
    const plan = derivePlan(v2, computeResults(v2, { 'backup-a': no }, profile), catalogue);
    // backup-a (3, answered) + backup-b (2, implied) → backup-automate 5 ÷ 2; backup-offsite 2 ÷ 3 for the implied
    // gap alone. backup-c has no absentIf: hidden, it asks for nothing.
    expect(plan.entries.map(({ id, questionIds, riskRemoved, critical }) => ({ id, questionIds, riskRemoved, critical }))).toEqual([
      { id: 'backup-automate', questionIds: ['backup-a', 'backup-b'], riskRemoved: 5, critical: true },
      { id: 'backup-offsite', questionIds: ['backup-b'], riskRemoved: 2, critical: false },
    ]);
    // Each in its horizon: backup-automate answers a critical gap this month; backup-offsite, for the implied
    // major gap alone, keeps its three months.
    expect(groupByHorizon(plan.entries).map((group) => [group.horizon, group.entries.map((e) => e.id)])).toEqual([
      ['this-month', ['backup-automate']],
      ['within-3-months', ['backup-offsite']],
    ]);
  });

  it('puts first the actions of a vital control only partly in place (it holds the level down)', () => {
    const [backup, accounts] = questionnaire.themes;
    if (!backup || !accounts) throw new Error('fixture');
    const v2: typeof questionnaire = {
      ...questionnaire,
      themes: [backup, { ...accounts, questions: accounts.questions.map((q) => (q.id === 'accounts-a' ? { ...q, vital: true } : q)) }],
    };
    const plan = derivePlan(v2, computeResults(v2, { ...allYes, 'accounts-a': partly, 'backup-b': no }, profile), catalogue);
    expect(plan.entries[0]).toMatchObject({ id: 'accounts-mfa', critical: true });
  });
});
