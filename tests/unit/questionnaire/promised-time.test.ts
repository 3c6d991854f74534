/**
 * What the first page and the README promise about the time an audit takes must be what the app's own estimate
 * (estimate-time.ts, shown on the commune's page before starting) gives: a fixed "30 to 45 minutes" told a
 * 300-inhabitant mairie the truth and a 3,000-inhabitant one with a server (59 to 67 minutes) a tale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommuneProfile } from '../../../src/domain/audit/types';
import { estimateTime } from '../../../src/domain/questionnaire/estimate-time';
import { questionnaireV2 } from '../judgement/load-v2';

const root = path.resolve(__dirname, '../../..');
const homeTime = (language: string) =>
  (JSON.parse(fs.readFileSync(path.join(root, `src/i18n/locales/${language}/home.json`), 'utf8')) as { facts: { time: string } }).facts.time;
const readmeIntro = fs.readFileSync(path.join(root, 'README.md'), 'utf8').split('\n## ')[0] ?? '';

/** A small mairie: 300 inhabitants, one or two PCs, with or without a provider. */
const SMALL_MAIRIES: CommuneProfile[] = [
  { population: 300, agents: 1, computers: 1, itProvider: true, hasServer: false },
  { population: 300, agents: 1, computers: 2, itProvider: true, hasServer: false },
  { population: 300, agents: 1, computers: 2, itProvider: false, hasServer: false },
];
const A_3000_WITH_SERVER: CommuneProfile = { population: 3000, agents: 8, computers: 10, itProvider: true, hasServer: true };

/** From the shortest to the longest estimate of the small mairies, in that language's words. */
function smallMairieRange(language: string): { min: number; max: number } {
  const estimates = SMALL_MAIRIES.map((profile) => estimateTime(questionnaireV2, profile, language));
  return { min: Math.min(...estimates.map((e) => e.minMinutes)), max: Math.max(...estimates.map((e) => e.maxMinutes)) };
}

const minutesIn = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1]);

describe('the time promised before the audit', () => {
  it.each([
    { language: 'fr', says: /dépend de la commune/, small: /environ (\d+) minutes pour une petite mairie/ },
    { language: 'en', says: /depends on the commune/, small: /about (\d+) minutes for a small mairie/ },
  ])('on the first page ($language): depends on the commune, with a small mairie\'s figure from the estimate', ({ language, says, small }) => {
    const text = homeTime(language);
    expect(text).toMatch(says);
    const { min, max } = smallMairieRange(language);
    const promised = minutesIn(text, small);
    expect(promised).toBeGreaterThanOrEqual(min);
    expect(promised).toBeLessThanOrEqual(max);
    // No fixed range that a larger commune would take as its own.
    expect(text).not.toMatch(/\d+\s*(à|to)\s*\d+\s*minutes/);
  });

  it('in the README: the same small mairie figure, and the larger communes told they take longer', () => {
    const { min, max } = smallMairieRange('fr');
    const promised = minutesIn(readmeIntro.replace(/\s+/g, ' '), /about (\d+) minutes for a 300-inhabitant mairie/);
    expect(promised).toBeGreaterThanOrEqual(min);
    expect(promised).toBeLessThanOrEqual(max);
    expect(readmeIntro).not.toMatch(/30 to 45 minutes/);
    // "About an hour" at 3,000 inhabitants with a server.
    const medium = estimateTime(questionnaireV2, A_3000_WITH_SERVER, 'fr');
    expect(medium.minMinutes).toBeGreaterThanOrEqual(50);
    expect(medium.maxMinutes).toBeLessThanOrEqual(70);
    expect(readmeIntro.replace(/\s+/g, ' ')).toMatch(/about an hour at 3,000 inhabitants with a server/);
  });
});
