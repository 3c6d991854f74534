import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../src/domain/audit/types';
import { createAuditSummarizer } from '../../../src/domain/epci/create-audit-summarizer';
import { summaryDerivationKey } from '../../../src/domain/epci/summary-derivation-key';
import { catalogue, profile, questionnaire } from './epci-fixtures';

const option = (optionId: string) => ({ kind: 'option' as const, optionId });

describe('createAuditSummarizer', () => {
  const summarize = createAuditSummarizer(questionnaire, catalogue);

  it.each([
    {
      name: 'mixed answers',
      answers: {
        'backup-a': option('yes'),
        'backup-b': option('partly'),
        'backup-c': option('no'),
        'accounts-a': option('no'),
        'accounts-b': option('yes'),
        'accounts-c': { kind: 'dontKnow' as const },
      },
      // backup: (3 + 1 + 0) / 6; accounts: (0 + 2 + 0) / 6; overall (4 + 2) / 12
      backup: 200 / 3,
      accounts: 100 / 3,
      overall: 50,
      answered: 6,
      dontKnow: 1,
      // backup-b partly → offsite and automate; backup-c → test; accounts-a → mfa; accounts-c "je ne sais pas" → only a check
      actions: ['accounts-mfa', 'backup-automate', 'backup-offsite', 'backup-test'],
      indicators: { 'ind-x': 'in-group', 'ind-y': 'out-of-group' },
    },
    {
      name: 'only the backup theme answered',
      answers: { 'backup-a': option('partly'), 'backup-b': option('yes') },
      // (1.5 + 2) / 5
      backup: 70,
      accounts: null,
      overall: 70,
      answered: 2,
      dontKnow: 0,
      actions: ['backup-automate'],
      // "partly" is in neither list of ind-x: it says nothing about the figure.
      indicators: {},
    },
  ])('$name', ({ answers, backup, accounts, overall, answered, dontKnow, actions, indicators }) => {
    const summary = summarize(answers as Answers, profile);
    expect(summary.themeScores.backup).toBeCloseTo(backup, 10);
    if (accounts === null) expect(summary.themeScores.accounts).toBeNull();
    else expect(summary.themeScores.accounts).toBeCloseTo(accounts, 10);
    expect(summary.overall).toBeCloseTo(overall, 10);
    expect(summary.answered).toBe(answered);
    expect(summary.dontKnow).toBe(dontKnow);
    expect([...summary.actionIds].sort()).toEqual(actions);
    expect(summary.indicators).toEqual(indicators);
  });
});

describe('summaryDerivationKey', () => {
  it('changes when the questionnaire or the catalogue changes, not otherwise', () => {
    const key = summaryDerivationKey(questionnaire, catalogue);
    expect(summaryDerivationKey(structuredClone(questionnaire), new Map(catalogue))).toBe(key);
    const reweighted = structuredClone(questionnaire);
    const first = reweighted.themes[0]?.questions[0];
    if (first) first.criticality = 'minor';
    expect(summaryDerivationKey(reweighted, catalogue)).not.toBe(key);
    const fewer = new Map([...catalogue].slice(1));
    expect(summaryDerivationKey(questionnaire, fewer)).not.toBe(key);
  });
});
