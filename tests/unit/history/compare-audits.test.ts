import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/domain/audit/types';
import { compareAudits, doneActionOutcomes } from '../../../src/domain/history/compare-audits';
import type { Answers } from '../../../src/domain/audit/types';
import type { Questionnaire } from '../../../src/domain/questionnaire/schema';
import { profile, questionnaire } from './questionnaire-fixture';

const option = (optionId: string): Answer => ({ kind: 'option', optionId });
const dontKnow: Answer = { kind: 'dontKnow' };
/** An audit answered with the fixture questionnaire (or the given version). */
const audit = (answers: Answers, version: Questionnaire = questionnaire) => ({ questionnaire: version, answers, profile });

/** Scores are compared unrounded, to 10 decimals; null stays null. */
function expectScore(actual: number | null, expected: number | null | undefined) {
  if (expected === null || expected === undefined) expect(actual).toBe(expected ?? null);
  else expect(actual).toBeCloseTo(expected, 10);
}

// Weights: b1 3, b2 1 (theme backup, 4 points); a1 2 (theme accounts, 2 points).
describe('compareAudits: score changes worked out by hand', () => {
  it.each([
    {
      name: 'a critical gap closed, a minor answer turned to "je ne sais pas"',
      older: { b1: option('no'), b2: option('yes'), a1: option('partly') },
      newer: { b1: option('yes'), b2: dontKnow, a1: option('partly') },
      // backup 0·3 + 1·1 = 1/4 → 25, then 1·3 + 0·1 = 3/4 → 75; accounts 1/2 → 50 both times.
      // overall 2/6 → 33.33, then 4/6 → 66.67.
      themes: { backup: [25, 75, 50], accounts: [50, 50, 0] },
      overall: [100 / 3, 200 / 3, 100 / 3],
      improved: ['b1'],
      worsened: ['b2'],
      gapsClosed: ['b1'],
      maturity: ['exposed', 'progressing'],
    },
    {
      name: 'a gap made partial is an improvement, not a closed gap',
      older: { b1: option('no'), b2: option('no'), a1: option('no') },
      newer: { b1: option('partly'), b2: option('no'), a1: option('yes') },
      // backup 0/4 → 0, then 1.5/4 → 37.5; accounts 0/2 → 0, then 2/2 → 100; overall 0/6 → 0, then 3.5/6 → 58.33.
      themes: { backup: [0, 37.5, 37.5], accounts: [0, 100, 100] },
      overall: [0, 350 / 6, 350 / 6],
      // a1 won 2 points, b1 won 1.5: the bigger change comes first.
      improved: ['a1', 'b1'],
      worsened: [],
      gapsClosed: ['a1'],
      maturity: ['exposed', 'fragile'],
    },
    {
      name: 'a theme left unanswered has no change to tell',
      older: { b1: option('yes'), b2: option('yes'), a1: option('yes') },
      newer: { b1: option('yes'), b2: option('no') },
      // backup 4/4 → 100, then 3/4 → 75; accounts 100, then nothing; overall 6/6 → 100, then 3/4 → 75.
      themes: { backup: [100, 75, -25], accounts: [100, null, null] },
      overall: [100, 75, -25],
      improved: [],
      worsened: ['b2'],
      gapsClosed: [],
      maturity: ['solid', 'progressing'],
    },
  ])('$name', ({ older, newer, themes, overall, improved, worsened, gapsClosed, maturity }) => {
    const comparison = compareAudits(audit(older), audit(newer));
    for (const theme of comparison.themes) {
      const [from, to, delta] = themes[theme.themeId as keyof typeof themes];
      expectScore(theme.from, from);
      expectScore(theme.to, to);
      expectScore(theme.delta, delta);
    }
    expectScore(comparison.overall.from, overall[0]);
    expectScore(comparison.overall.to, overall[1]);
    expectScore(comparison.overall.delta, overall[2]);
    expect([comparison.overall.fromMaturity, comparison.overall.toMaturity]).toEqual(maturity);
    expect(comparison.improved.map((c) => c.questionId)).toEqual(improved);
    expect(comparison.worsened.map((c) => c.questionId)).toEqual(worsened);
    expect(comparison.gapsClosed.map((c) => c.questionId)).toEqual(gapsClosed);
  });

  it('marks an answer that now loses points as a new gap', () => {
    const comparison = compareAudits(audit({ b2: option('yes') }), audit({ b2: dontKnow }));
    expect(comparison.worsened).toEqual([
      expect.objectContaining({ questionId: 'b2', newGap: true, gapClosed: false, from: expect.objectContaining({ status: 'in-place' }), to: expect.objectContaining({ status: 'dont-know' }) }),
    ]);
  });

  it('compares nothing when neither audit has answers', () => {
    const comparison = compareAudits(audit({}), audit({}));
    expect(comparison.overall).toEqual({ from: null, to: null, delta: null, fromMaturity: null, toMaturity: null });
    expect(comparison.improved).toEqual([]);
  });
});

/**
 * An older version of the fixture: b1 was then "old-b1" (a renamed question), b2 was the same, and a theme
 * "network" (n1, major, weight 2) existed that the newer version dropped; "accounts" did not exist yet.
 */
const olderVersion: Questionnaire = {
  ...questionnaire,
  version: 1,
  themes: [
    {
      ...questionnaire.themes[0],
      id: 'backup',
      title: questionnaire.themes[0]?.title ?? { fr: 'Sauvegardes', en: 'Backups' },
      summary: questionnaire.themes[0]?.summary ?? { fr: '…', en: '…' },
      questions: (questionnaire.themes[0]?.questions ?? []).map((q) => (q.id === 'b1' ? { ...q, id: 'old-b1' } : q)),
    },
    {
      id: 'network',
      title: { fr: 'Réseau', en: 'Network' },
      summary: { fr: '…', en: '…' },
      questions: (questionnaire.themes[1]?.questions ?? []).map((q) => ({ ...q, id: 'n1' })),
    },
  ],
};

describe('compareAudits across questionnaire versions', () => {
  it("scores each audit with its own version, matches themes by id, and marks a theme only one version has", () => {
    const comparison = compareAudits(
      audit({ 'old-b1': option('no'), b2: option('yes'), n1: option('yes') }, olderVersion),
      audit({ b1: option('yes'), b2: option('yes'), a1: option('partly') }),
    );
    // Older, version 1: backup old-b1 0·3 + b2 1·1 = 1/4 → 25 (old-b1 counts, though the newer version renamed it);
    // network 2/2 → 100; overall 3/6 → 50. Newer: backup 4/4 → 100; accounts 1/2 → 50; overall 5/6 → 83.33.
    expect(comparison.themes.map(({ themeId, presence }) => [themeId, presence])).toEqual([
      ['backup', 'both'],
      ['accounts', 'to-only'],
      ['network', 'from-only'],
    ]);
    const [backup, accounts, network] = comparison.themes;
    expectScore(backup?.from ?? null, 25);
    expectScore(backup?.to ?? null, 100);
    expect(accounts?.from).toBeNull();
    expectScore(accounts?.to ?? null, 50);
    expectScore(network?.from ?? null, 100);
    expect(network?.to).toBeNull();
    expectScore(comparison.overall.from, 50);
    expectScore(comparison.overall.to, 500 / 6);
    // Answers are compared where the question id is in both versions: b2 did not change; old-b1 and b1 are not
    // the same question.
    expect([...comparison.improved, ...comparison.worsened]).toEqual([]);
  });
});

describe('doneActionOutcomes', () => {
  it('tells, for each action marked done in the older plan, whether the newer audit shows the gap closed', () => {
    const comparison = compareAudits(
      audit({ b1: option('no'), b2: option('no'), a1: option('no') }),
      audit({ b1: option('yes'), a1: option('partly') }),
    );
    expect(doneActionOutcomes(questionnaire, comparison, ['backup-offline', 'accounts-mfa', 'backup-test', 'retired-action'])).toEqual([
      { actionId: 'backup-offline', questionIds: ['b1'], effect: 'closed' },
      { actionId: 'accounts-mfa', questionIds: ['a1'], effect: 'still-open' },
      { actionId: 'backup-test', questionIds: ['b2'], effect: 'not-assessed' },
      { actionId: 'retired-action', questionIds: [], effect: 'not-assessed' },
    ]);
  });
});
