/**
 * The questionnaire is sized to the commune (issue 13, item 4): for representative profiles, the number of
 * questions a person may be asked in the worst case of showIf answers (every gate answered so that its follow-ups
 * show) stays within the limit written here; vital controls are asked of every commune.
 */
import { describe, expect, it } from 'vitest';
import type { CommuneProfile } from '../../../src/domain/audit/types';
import { isApplicable } from '../../../src/domain/questionnaire/conditions';
import type { Questionnaire } from '../../../src/domain/questionnaire/schema';
import { questionnaireV2 } from './load-v2';

/** Questions asked when every gate is answered so that its follow-ups show (conditions only point backwards). */
function askedInWorstCase(questionnaire: Questionnaire, profile: CommuneProfile): string[] {
  const asked = new Set<string>();
  for (const question of questionnaire.themes.flatMap((theme) => theme.questions)) {
    if (!isApplicable(question, profile)) continue;
    if (question.showIf && !asked.has(question.showIf.question)) continue;
    asked.add(question.id);
  }
  return [...asked];
}

const all = questionnaireV2.themes.flatMap((theme) => theme.questions);
const vitalIds = all.filter((question) => question.vital === true).map((question) => question.id);

const cases: { name: string; profile: CommuneProfile; atMost: number }[] = [
  { name: '300 inhabitants, 1 agent, 1 PC, a provider', profile: { population: 300, agents: 1, computers: 1, itProvider: true, hasServer: false }, atMost: 35 },
  { name: '300 inhabitants, 1 agent, 2 PCs, no provider', profile: { population: 300, agents: 1, computers: 2, itProvider: false, hasServer: false }, atMost: 35 },
  { name: '150 inhabitants, 1 agent, 1 PC, a provider and a NAS counted as a server', profile: { population: 150, agents: 1, computers: 1, itProvider: true, hasServer: true }, atMost: 35 },
  { name: '3,000 inhabitants, 8 agents, 10 PCs, a server, a provider', profile: { population: 3000, agents: 8, computers: 10, itProvider: true, hasServer: true }, atMost: 60 },
  { name: '3,400 inhabitants, 15 agents, 25 PCs, a server, a provider', profile: { population: 3400, agents: 15, computers: 25, itProvider: true, hasServer: true }, atMost: 60 },
];

describe('questions asked, by size of commune (worst case of showIf answers)', () => {
  it.each(cases)('$name: at most $atMost questions, every vital control among them', ({ profile, atMost }) => {
    const asked = askedInWorstCase(questionnaireV2, profile);
    expect(asked.length).toBeLessThanOrEqual(atMost);
    expect(asked).toEqual(expect.arrayContaining(vitalIds));
  });

  it.each([
    { population: 3500, agents: 20, computers: 30, itProvider: true, hasServer: true },
    { population: 9000, agents: 60, computers: 80, itProvider: true, hasServer: true },
  ])('$population inhabitants with a server and a provider: the whole questionnaire', (profile) => {
    expect(askedInWorstCase(questionnaireV2, profile)).toHaveLength(all.length);
  });

  it('asks a 300-inhabitant mairie a real core, not a token one', () => {
    const asked = askedInWorstCase(questionnaireV2, { population: 300, agents: 1, computers: 1, itProvider: true, hasServer: false });
    expect(asked.length).toBeGreaterThanOrEqual(25);
    const themes = new Set(questionnaireV2.themes.filter((theme) => theme.questions.some((q) => asked.includes(q.id))).map((t) => t.id));
    expect(themes.size).toBe(12);
  });
});
