/**
 * Version 2 scoring rules: the level follows the weakest vital control, two critical questions left open give
 * « Exposé », implied gaps count with their points, "sans objet" is out of the points. Expected values worked
 * out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { Answers, CommuneProfile } from '../../../src/domain/audit/types';
import { computeResults } from '../../../src/domain/scoring/compute-results';
import type { Questionnaire } from '../../../src/domain/questionnaire/schema';
import { opt, question, text, yesPartlyNo } from './small-questionnaire';

// v-backup (vital, critical ×3) → v-offline (vital, ×3, implied gap when v-backup is "no");
// c-mail (critical ×3, not vital); m-1..m-6 (major ×2 each, 12 points); n-wifi (minor ×1, "sans objet" option).
const questionnaire: Questionnaire = {
  id: 'test',
  version: 2,
  title: text('test'),
  themes: [
    {
      id: 'v',
      title: text('V'),
      summary: text('V'),
      questions: [
        question('v-backup', 'critical', { vital: true }),
        question('v-offline', 'critical', { vital: true, showIf: { question: 'v-backup', anyOf: ['yes', 'partly'], absentIf: ['no'] } }),
        question('v-mail', 'critical'),
      ],
    },
    {
      id: 'm',
      title: text('M'),
      summary: text('M'),
      questions: [
        ...['m-1', 'm-2', 'm-3', 'm-4', 'm-5', 'm-6'].map((id) => question(id, 'major')),
        question('m-wifi', 'minor', { options: [...yesPartlyNo, { id: 'none', label: text('no Wi-Fi'), notApplicable: true }] }),
      ],
    },
  ],
};
const profile: CommuneProfile = { population: 800, agents: 3, computers: 4, itProvider: false, hasServer: false };
const allYes: Answers = Object.fromEntries(
  ['v-backup', 'v-offline', 'v-mail', 'm-1', 'm-2', 'm-3', 'm-4', 'm-5', 'm-6', 'm-wifi'].map((id) => [id, opt('yes')]),
);

describe('the level follows the weakest vital control', () => {
  it.each<{ name: string; answers: Answers; score: number; maturity: string; rule: string; limiting: string[] }>([
    // 9 + 12 + 1 = 22 of 22.
    { name: 'everything in place', answers: allYes, score: 100, maturity: 'solid', rule: 'score', limiting: [] },
    {
      // v-offline partly: loses 1.5 of 22 → 93.2, « Solide » by score, held at « Fragile ».
      name: 'a vital control only partly in place',
      answers: { ...allYes, 'v-offline': opt('partly') },
      score: (20.5 / 22) * 100, maturity: 'fragile', rule: 'vital-cap', limiting: ['v-offline'],
    },
    {
      name: 'a vital control at "je ne sais pas"',
      answers: { ...allYes, 'v-offline': { kind: 'dontKnow' } },
      score: (19 / 22) * 100, maturity: 'fragile', rule: 'vital-cap', limiting: ['v-offline'],
    },
    {
      // A critical, not vital, question partly in place does not cap (the version 1 rule capped only gaps).
      name: 'a critical question partly in place',
      answers: { ...allYes, 'v-mail': opt('partly') },
      score: (20.5 / 22) * 100, maturity: 'solid', rule: 'score', limiting: [],
    },
    {
      name: 'one critical gap, not vital',
      answers: { ...allYes, 'v-mail': opt('no') },
      score: (19 / 22) * 100, maturity: 'fragile', rule: 'critical-cap', limiting: ['v-mail'],
    },
    {
      // v-backup "no" hides v-offline, which still counts: 0 + 0 of 6; 3 + 12 + 1 = 16 of 22 → 72.7 (« En
      // progrès » by score) but two critical questions are open → « Exposé ».
      name: 'no backup at all: the hidden follow-up is an implied gap, two critical gaps',
      answers: { ...allYes, 'v-backup': opt('no') },
      score: (16 / 22) * 100, maturity: 'exposed', rule: 'critical-gaps', limiting: ['v-backup', 'v-offline'],
    },
    {
      // "je ne sais pas" on two critical questions: open, so « Exposé » too (README, "Scoring").
      name: 'two critical questions at "je ne sais pas"',
      answers: { ...allYes, 'v-mail': { kind: 'dontKnow' }, 'v-offline': { kind: 'dontKnow' } },
      score: (16 / 22) * 100, maturity: 'exposed', rule: 'critical-gaps', limiting: ['v-offline', 'v-mail'],
    },
  ])('$name', ({ answers, score, maturity, rule, limiting }) => {
    const result = computeResults(questionnaire, answers, profile);
    expect(result.overall.score).toBeCloseTo(score, 6);
    expect(result.overall.maturity).toBe(maturity);
    expect(result.overall.rule).toBe(rule);
    expect(result.overall.limiting.map((o) => o.questionId)).toEqual(limiting);
  });

  it('scores a weak manual backup above no backup at all (the follow-ups of "no" are gaps, not nothing)', () => {
    const none = computeResults(questionnaire, { ...allYes, 'v-backup': opt('no') }, profile);
    const weak = computeResults(questionnaire, { ...allYes, 'v-backup': opt('partly'), 'v-offline': opt('partly') }, profile);
    expect(weak.overall.score).toBeGreaterThan(none.overall.score ?? 100);
    const offline = none.themes[0]?.outcomes.find((o) => o.questionId === 'v-offline');
    expect(offline).toMatchObject({ status: 'implied-gap', pointsLost: 3, impliedBy: { parentQuestionId: 'v-backup', parentOptionId: 'no' } });
    expect(none.criticalGaps.map((o) => o.questionId)).toEqual(['v-backup', 'v-offline']);
    // Not asked, so not counted as asked or answered.
    expect(none.asked).toBe(9);
    expect(none.answered).toBe(9);
  });

  it('counts an unanswered vital control as short of "in place" once the audit is completed, not before', () => {
    const { 'v-offline': _left, ...answers } = allYes;
    expect(computeResults(questionnaire, answers, profile).overall.maturity).toBe('solid');
    const completed = computeResults(questionnaire, answers, profile, { completed: true });
    expect(completed.overall.maturity).toBe('fragile');
    expect(completed.overall.limiting.map((o) => o.questionId)).toEqual(['v-offline']);
  });

  it('says what lifts the level to the next one', () => {
    // « Exposé » with two critical gaps: close at least one of them to reach « Fragile » (score already above 35).
    const exposed = computeResults(questionnaire, { ...allYes, 'v-backup': opt('no') }, profile).overall.lift;
    expect(exposed?.target).toBe('fragile');
    expect(exposed?.pointsToGain).toBe(0);
    expect(exposed?.fixAtLeast?.count).toBe(1);
    expect(exposed?.fixAtLeast?.among.map((o) => o.questionId)).toEqual(['v-backup', 'v-offline']);
    // Held at « Fragile » by a vital control: it must be in place to reach « En progrès ».
    const held = computeResults(questionnaire, { ...allYes, 'v-offline': opt('partly') }, profile).overall.lift;
    expect(held).toMatchObject({ target: 'progressing', pointsToGain: 0, fixAtLeast: null });
    expect(held?.mustFix.map((o) => o.questionId)).toEqual(['v-offline']);
    const low = computeResults(questionnaire, { ...allYes, 'm-1': opt('no'), 'm-2': opt('no'), 'm-3': opt('no') }, profile).overall;
    // 22 − 6 = 16 of 22 → 72.73: « En progrès », 80 − 72.73 = 7.27 points to gain for « Solide ».
    expect(low.maturity).toBe('progressing');
    expect(low.lift?.target).toBe('solid');
    expect(low.lift?.pointsToGain).toBeCloseTo(80 - (16 / 22) * 100, 6);
    expect(computeResults(questionnaire, allYes, profile).overall.lift).toBeNull();
  });
});

describe('"sans objet"', () => {
  it('leaves the question out of the points, neither earned nor possible, and lists it apart', () => {
    const result = computeResults(questionnaire, { ...allYes, 'm-wifi': opt('none'), 'm-1': opt('no') }, profile);
    // 22 − 1 (m-wifi out) = 21 possible; m-1 loses 2 → 19 of 21.
    expect(result.overall.score).toBeCloseTo((19 / 21) * 100, 6);
    expect(result.themes[1]?.pointsPossible).toBe(12);
    expect(result.notApplicable.map((o) => o.questionId)).toEqual(['m-wifi']);
    expect(result.notApplicable[0]?.status).toBe('not-applicable');
    expect(result.gaps.map((o) => o.questionId)).toEqual(['m-1']);
    expect(result.answered).toBe(10);
  });

  it('does not raise a small commune to full points', () => {
    const inPlace = computeResults(questionnaire, { ...allYes, 'm-1': opt('no') }, profile).overall.score ?? 0;
    const withNa = computeResults(questionnaire, { ...allYes, 'm-1': opt('no'), 'm-wifi': opt('none') }, profile).overall.score ?? 0;
    // 20/22 = 90.9 with the Wi-Fi secured, 19/21 = 90.5 without Wi-Fi: "sans objet" earns nothing.
    expect(withNa).toBeLessThan(inPlace);
  });
});
