/**
 * Judgement table (issue 13, item 8): realistic communes, from 150 inhabitants and one PC to 9,000 with the EPCI's
 * IT service, scored by the pure engine on the shipped version 2 questionnaire. Each row says the level an adviser
 * would give and why (communes.ts); the cases the version 1 scoring flattered are pinned down one by one.
 */
import { describe, expect, it } from 'vitest';
import { computeResults, type AuditResult } from '../../../src/domain/scoring/compute-results';
import { answerAs } from './answer-as';
import { COMMUNES, type CommuneCase } from './communes';
import { questionnaireV2 } from './load-v2';

function resultOf(commune: CommuneCase): AuditResult {
  return computeResults(questionnaireV2, answerAs(questionnaireV2, commune.profile, commune.defaults, commune.answers), commune.profile, { completed: true });
}

const byId = (id: string): CommuneCase => {
  const commune = COMMUNES.find((c) => c.id === id);
  if (!commune) throw new Error(`no commune ${id}`);
  return commune;
};

describe('the judgement table', () => {
  it('covers at least 12 communes, from 150 inhabitants and one PC to 9,000 with the EPCI’s IT service', () => {
    expect(COMMUNES.length).toBeGreaterThanOrEqual(12);
    expect(Math.min(...COMMUNES.map((c) => c.profile.population))).toBe(150);
    expect(Math.max(...COMMUNES.map((c) => c.profile.population))).toBe(9000);
    expect(new Set(COMMUNES.map((c) => c.id)).size).toBe(COMMUNES.length);
  });

  it.each(COMMUNES)('$name → $level', (commune) => {
    const { overall } = resultOf(commune);
    expect(overall.maturity, commune.why).toBe(commune.level);
    expect(overall.rule).toBe(commune.rule);
    expect(overall.limiting.map((o) => o.questionId)).toEqual(expect.arrayContaining(commune.limiting));
    expect(overall.score).toBeGreaterThanOrEqual(commune.score[0]);
    expect(overall.score).toBeLessThanOrEqual(commune.score[1]);
  });
});

describe('the cases version 1 flattered', () => {
  it('a VPN without double authentication and double authentication on some mailboxes keep 9,000 inhabitants at « Fragile », at about 98/100', () => {
    const { overall } = resultOf(byId('epci-vpn-no-mfa'));
    expect(overall.byScore).toBe('solid');
    expect(overall.maturity).toBe('fragile');
    expect(overall.limiting.filter((o) => o.vital).map((o) => o.questionId).sort()).toEqual(['accounts-mfa-email', 'network-remote-access-mfa']);
    expect(overall.lift?.target).toBe('progressing');
  });

  it('an offline copy made "sometimes" has no half answer left: it is a gap on a vital control', () => {
    const offline = questionnaireV2.themes.flatMap((t) => t.questions).find((q) => q.id === 'backup-offline-immutable');
    expect(offline?.options.map((o) => o.id)).toEqual(['out-of-reach', 'offsite-reachable', 'always-reachable']);
    const outcome = resultOf(byId('disk-sometimes-plugged')).gaps.find((o) => o.questionId === 'backup-offline-immutable');
    expect(outcome).toMatchObject({ status: 'gap', vital: true, pointsLost: 3 });
  });

  it('no backup at all scores lower than a weak manual backup, its hidden follow-ups counted as gaps', () => {
    const none = resultOf(byId('no-backup'));
    const manual = resultOf(byId('weak-manual-backup'));
    expect(none.overall.score).toBeLessThan(manual.overall.score ?? 0);
    const backupTheme = (r: AuditResult) => r.themes.find((t) => t.themeId === 'backup');
    // The hidden follow-ups stay in the points possible: the backup theme weighs as much as with a backup.
    expect(backupTheme(none)?.pointsPossible).toBe(backupTheme(manual)?.pointsPossible);
    expect(backupTheme(none)?.score).toBeLessThan(backupTheme(manual)?.score ?? 0);
    const implied = none.criticalGaps.filter((o) => o.status === 'implied-gap');
    expect(implied.map((o) => o.questionId).sort()).toEqual(['backup-copies', 'backup-copy-offsite', 'backup-offline-immutable', 'backup-restore-tested']);
    for (const outcome of implied) expect(outcome.impliedBy).toEqual({ parentQuestionId: 'backup-automatic', parentOptionId: 'none' });
  });

  it('"sans objet" answers are left out of the points of a small commune, never counted as passes', () => {
    const commune = byId('sans-objet-small');
    const result = resultOf(commune);
    expect(result.notApplicable.map((o) => o.questionId).sort()).toEqual([
      'accounts-signature-certificates',
      'backup-saas',
      'email-website',
      'network-guest-wifi',
    ]);
    for (const outcome of result.notApplicable) expect(outcome).toMatchObject({ pointsEarned: 0, pointsLost: 0, score: undefined });
    // Had those four been counted as passes (version 1), the commune would have gained 4 × 2 points on both sides.
    const earned = result.themes.reduce((s, t) => s + t.pointsEarned, 0);
    const possible = result.themes.reduce((s, t) => s + t.pointsPossible, 0);
    expect(result.overall.score).toBeCloseTo((earned / possible) * 100, 10);
    expect(((earned + 8) / (possible + 8)) * 100).toBeGreaterThan(result.overall.score ?? 100);
    // The same commune with a website, online software, a public Wi-Fi and certificates, all half done, scores the same band.
    const withThem = computeResults(
      questionnaireV2,
      answerAs(questionnaireV2, commune.profile, 'partly', { ...commune.answers, 'backup-saas': 'assumed', 'network-guest-wifi': 'guest-unchecked', 'email-website': 'partly', 'accounts-signature-certificates': 'personal-left' }),
      commune.profile,
    );
    expect(withThem.overall.score).toBeLessThan(result.overall.score ?? 0);
    expect(withThem.notApplicable).toEqual([]);
  });
});
