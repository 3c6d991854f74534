import { describe, expect, it } from 'vitest';
import type { CommuneProfile } from '../../../src/domain/audit/types';
import { ANSWER_SECONDS, estimateTime, READING_WORDS_PER_MINUTE } from '../../../src/domain/questionnaire/estimate-time';
import type { Question, Questionnaire } from '../../../src/domain/questionnaire/schema';

const words = (n: number) => Array.from({ length: n }, () => 'mot').join(' ');
const text = (fr: string) => ({ fr, en: fr });
// Each question reads 180 words (text 30 + help 120 + 3 options of 10): one minute, plus 15 s to answer.
const question = (id: string, extra: Partial<Question> = {}): Question => ({
  id,
  text: text(words(30)),
  help: text(words(120)),
  criticality: 'major',
  options: ['a', 'b', 'c'].map((o, i) => ({ id: o, label: text(words(10)), score: i / 2 })),
  knower: 'secretary',
  indicators: [],
  actions: ['x'],
  ...extra,
});
const questionnaire: Questionnaire = {
  id: 'q',
  version: 2,
  title: text('q'),
  themes: [
    {
      id: 't',
      title: text('T'),
      summary: text('T'),
      questions: [
        question('t-1'),
        question('t-2', { showIf: { question: 't-1', anyOf: ['a'] }, knower: 'provider' }),
        question('t-3', { notApplicableIf: [{ field: 'computers', below: 3 }], knower: 'software-vendor' }),
      ],
    },
    { id: 'u', title: text('U'), summary: text('U'), questions: [question('u-1'), question('u-2', { knower: 'provider' })] },
  ],
};
const small: CommuneProfile = { population: 300, agents: 1, computers: 1, itProvider: false, hasServer: false };

describe('estimateTime', () => {
  it('uses the agreed reading speed and answering time', () => {
    expect(READING_WORDS_PER_MINUTE).toBe(180);
    expect(ANSWER_SECONDS).toBe(15);
  });

  it('gives a range from the questions always asked to every question that applies, and counts the calls', () => {
    // Small mairie: t-3 does not apply. Always asked: t-1, u-1, u-2 (3 × 75 s = 3.75 min → 4); all: + t-2 → 5 min.
    expect(estimateTime(questionnaire, small, 'fr')).toEqual({ minMinutes: 4, maxMinutes: 5, minQuestions: 3, maxQuestions: 4, askProvider: 2 });
    // 5 PCs: t-3 applies too: 4 always asked (5 min), 5 in all (6.25 → 7).
    expect(estimateTime(questionnaire, { ...small, computers: 5 }, 'fr')).toEqual({ minMinutes: 5, maxMinutes: 7, minQuestions: 4, maxQuestions: 5, askProvider: 3 });
  });

  it('estimates one theme on its own', () => {
    expect(estimateTime(questionnaire, small, 'fr', 'u')).toEqual({ minMinutes: 3, maxMinutes: 3, minQuestions: 2, maxQuestions: 2, askProvider: 1 });
  });
});
