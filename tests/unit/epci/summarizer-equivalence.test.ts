import { describe, expect, it } from 'vitest';
import { loadActionCatalogue } from '../../../src/content/load-actions';
import { loadQuestionnaire } from '../../../src/content/load-questionnaire';
import type { Answer, CommuneProfile } from '../../../src/domain/audit/types';
import { createAuditSummarizer, summarizeWithEngine } from '../../../src/domain/epci/create-audit-summarizer';

/** Mulberry32: the same audits on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('createAuditSummarizer (one pass) against the scoring engine and the plan derivation', () => {
  it('gives the same figures, to the last bit, on 500 audits of the real questionnaire answered at random', async () => {
    const [questionnaire, catalogue] = await Promise.all([loadQuestionnaire(), loadActionCatalogue()]);
    const summarize = createAuditSummarizer(questionnaire, catalogue);
    const random = prng(7);
    for (let n = 0; n < 500; n += 1) {
      const profile: CommuneProfile = {
        population: Math.floor(random() * 12_000),
        agents: Math.floor(random() * 40),
        computers: Math.floor(random() * 60),
        itProvider: random() < 0.6,
        hasServer: random() < 0.5,
      };
      const answers: Record<string, Answer> = {};
      for (const theme of questionnaire.themes) {
        for (const question of theme.questions) {
          const roll = random();
          // Unanswered, "je ne sais pas", an option this version does not know, or one of the options.
          if (roll < 0.1) continue;
          if (roll < 0.2) answers[question.id] = { kind: 'dontKnow' };
          else if (roll < 0.23) answers[question.id] = { kind: 'option', optionId: 'removed-option' };
          else {
            const option = question.options[Math.floor(random() * question.options.length)];
            if (option) answers[question.id] = { kind: 'option', optionId: option.id };
          }
        }
      }
      const fast = summarize(answers, profile);
      const reference = summarizeWithEngine(questionnaire, catalogue, answers, profile);
      expect({ ...fast, actionIds: [...fast.actionIds].sort() }).toEqual({ ...reference, actionIds: [...reference.actionIds].sort() });
    }
  });
});
