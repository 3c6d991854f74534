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
});
