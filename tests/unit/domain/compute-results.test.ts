import { describe, expect, it } from 'vitest';
import type { Answers, CommuneProfile } from '../../../src/domain/audit/types';
import { computeResults, maturityFor } from '../../../src/domain/scoring/compute-results';
import type { Questionnaire } from '../../../src/domain/questionnaire/schema';
import { opt, question, text } from './small-questionnaire';

// Theme a: a-1 critical (×3); a-2 major (×2), asked only after a-1 yes/partly; a-3 minor (×1), not applicable below 2 computers.
// Theme b: b-1 major (×2); b-2 minor (×1).
const questionnaire: Questionnaire = {
  id: 'test',
  version: 1,
  title: text('test'),
  themes: [
    {
      id: 'a',
      title: text('A'),
      summary: text('A'),
      questions: [
        question('a-1', 'critical'),
        question('a-2', 'major', { showIf: { question: 'a-1', anyOf: ['yes', 'partly'] } }),
        question('a-3', 'minor', { notApplicableIf: [{ field: 'computers', below: 2 }] }),
      ],
    },
    { id: 'b', title: text('B'), summary: text('B'), questions: [question('b-1', 'major'), question('b-2', 'minor')] },
  ],
};

const profile: CommuneProfile = { population: 900, agents: 3, computers: 5, itProvider: true, hasServer: false };
const dontKnow = { kind: 'dontKnow' as const };

describe('computeResults', () => {
  it.each<{ name: string; answers: Answers; profile?: CommuneProfile; a: number | null; b: number | null; overall: number | null; asked: number; answered: number; certainty: number | null; maturity: string | null }>([
    {
      name: 'every best practice in place',
      answers: { 'a-1': opt('yes'), 'a-2': opt('yes'), 'a-3': opt('yes'), 'b-1': opt('yes'), 'b-2': opt('yes') },
      a: 100, b: 100, overall: 100, asked: 5, answered: 5, certainty: 1, maturity: 'solid',
    },
    {
      // a: 3×0.5 + 2×1 + 1×0 = 3.5 of 6 → 58.33; b: 2×0 (je ne sais pas) + 1×1 = 1 of 3 → 33.33; overall 4.5 of 9 → 50.
      name: 'partial answers, a gap and a "je ne sais pas"',
      answers: { 'a-1': opt('partly'), 'a-2': opt('yes'), 'a-3': opt('no'), 'b-1': dontKnow, 'b-2': opt('yes') },
      a: (3.5 / 6) * 100, b: (1 / 3) * 100, overall: 50, asked: 5, answered: 5, certainty: 0.8, maturity: 'fragile',
    },
    {
      // a-1 "no" hides a-2. a: 0 + 1 = 1 of 4 → 25; b: 3 of 3; overall 4 of 7 → 57.14.
      name: 'a critical gap hides its follow-up',
      answers: { 'a-1': opt('no'), 'a-2': opt('yes'), 'a-3': opt('yes'), 'b-1': opt('yes'), 'b-2': opt('yes') },
      a: 25, b: 100, overall: (4 / 7) * 100, asked: 4, answered: 4, certainty: 1, maturity: 'fragile',
    },
    {
      // With 1 computer a-3 is not asked: a = 5 of 5.
      name: 'a question that does not apply to the profile is neither asked nor scored',
      answers: { 'a-1': opt('yes'), 'a-2': opt('yes'), 'a-3': opt('no'), 'b-1': opt('yes'), 'b-2': opt('yes') },
      profile: { ...profile, computers: 1 },
      a: 100, b: 100, overall: 100, asked: 4, answered: 4, certainty: 1, maturity: 'solid',
    },
    {
      // a-1 "yes" brings a-2 in: 5 asked, 1 answered.
      name: 'unanswered questions are left out of the scores',
      answers: { 'a-1': opt('yes') },
      a: 100, b: null, overall: 100, asked: 5, answered: 1, certainty: 1, maturity: 'solid',
    },
    {
      // a-2 waits for a-1's answer, so 4 questions are asked so far.
      name: 'nothing answered yet',
      answers: {},
      a: null, b: null, overall: null, asked: 4, answered: 0, certainty: null, maturity: null,
    },
  ])('$name', ({ answers, profile: p, a, b, overall, asked, answered, certainty, maturity }) => {
    const result = computeResults(questionnaire, answers, p ?? profile);
    if (a === null) expect(result.themes[0]?.score).toBeNull();
    else expect(result.themes[0]?.score).toBeCloseTo(a, 6);
    if (b === null) expect(result.themes[1]?.score).toBeNull();
    else expect(result.themes[1]?.score).toBeCloseTo(b, 6);
    if (overall === null) expect(result.overall.score).toBeNull();
    else expect(result.overall.score).toBeCloseTo(overall, 6);
    expect(result.asked).toBe(asked);
    expect(result.answered).toBe(answered);
    expect(result.certainty).toBe(certainty);
    expect(result.overall.maturity).toBe(maturity);
  });

  it('explains what each answer cost, and lists gaps most costly first', () => {
    const result = computeResults(
      questionnaire,
      { 'a-1': opt('partly'), 'a-2': opt('yes'), 'a-3': opt('no'), 'b-1': dontKnow, 'b-2': opt('yes') },
      profile,
    );
    const costs = Object.fromEntries(result.themes.flatMap((t) => t.outcomes).map((o) => [o.questionId, o.pointsLost]));
    expect(costs).toEqual({ 'a-1': 1.5, 'a-2': 0, 'a-3': 1, 'b-1': 2, 'b-2': 0 });
    expect(result.gaps.map((o) => o.questionId)).toEqual(['b-1', 'a-1', 'a-3']);
    expect(result.toVerify.map((o) => o.questionId)).toEqual(['b-1']);
    expect(result.criticalGaps).toEqual([]);
  });

  it('reports critical gaps apart and caps the maturity while one is open', () => {
    const big: Questionnaire = {
      ...questionnaire,
      themes: [
        ...questionnaire.themes,
        { id: 'c', title: text('C'), summary: text('C'), questions: ['c-1', 'c-2', 'c-3', 'c-4', 'c-5'].map((id) => question(id, 'critical')) },
      ],
    };
    const allYes = { 'a-2': opt('yes'), 'a-3': opt('yes'), 'b-1': opt('yes'), 'b-2': opt('yes'), 'c-1': opt('yes'), 'c-2': opt('yes'), 'c-3': opt('yes'), 'c-4': opt('yes'), 'c-5': opt('yes') };
    // a-1 "no": 0 of 3, a-2 hidden; everything else earns all its points: 1 + 3 + 15 = 19 of 22 → 86.4, "solid" by score.
    const result = computeResults(big, { ...allYes, 'a-1': opt('no') }, profile);
    expect(result.overall.score).toBeCloseTo((19 / 22) * 100, 6);
    expect(result.criticalGaps.map((o) => o.questionId)).toEqual(['a-1']);
    expect(result.overall.maturity).toBe('fragile');
    expect(result.overall.cappedByCriticalGap).toBe(true);
    // "Je ne sais pas" on a critical question is as open as a gap: same cap, reported to verify instead.
    const unsure = computeResults(big, { ...allYes, 'a-1': dontKnow }, profile);
    expect(unsure.criticalGaps).toEqual([]);
    expect(unsure.toVerify.map((o) => o.questionId)).toEqual(['a-1']);
    expect(unsure.overall.maturity).toBe('fragile');
  });

  it('counts an answer naming an option this version does not have as unanswered', () => {
    const result = computeResults(questionnaire, { 'b-2': opt('gone') }, profile);
    expect(result.answered).toBe(0);
  });
});

describe('maturityFor', () => {
  it.each([
    [100, false, 'solid', false],
    [80, false, 'solid', false],
    [79.99, false, 'progressing', false],
    [60, false, 'progressing', false],
    [59.99, false, 'fragile', false],
    [35, false, 'fragile', false],
    [34.99, false, 'exposed', false],
    [0, false, 'exposed', false],
    [95, true, 'fragile', true],
    [60, true, 'fragile', true],
    [40, true, 'fragile', false],
    [20, true, 'exposed', false],
  ])('score %d with critical gap %s → %s (capped %s)', (score, gap, level, capped) => {
    expect(maturityFor(score, gap)).toEqual({ level, capped });
  });
});
