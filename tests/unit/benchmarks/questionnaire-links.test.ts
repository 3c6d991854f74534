/**
 * Coherence between the questionnaire and the benchmark dataset: every indicator a question links to exists in
 * the shipped dataset and can be compared. The theme files are read raw, so the test holds for whatever themes
 * exist at the time (they are written separately) and names the question at fault.
 */
import { describe, expect, it } from 'vitest';
import { loadBundledBenchmarks } from '../../../src/content/load-benchmarks';

const themeFiles = import.meta.glob<unknown>('../../../questionnaires/themes/*.json', { eager: true, import: 'default' });

interface Link {
  file: string;
  question: string;
  indicator: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function linksOf(file: string, theme: unknown): Link[] {
  if (!isRecord(theme) || !Array.isArray(theme.questions)) return [];
  return theme.questions.flatMap((question: unknown) => {
    if (!isRecord(question) || !Array.isArray(question.indicators)) return [];
    return question.indicators.flatMap((link: unknown) =>
      isRecord(link) && typeof link.indicator === 'string'
        ? [{ file, question: String(question.id), indicator: link.indicator }]
        : [],
    );
  });
}

describe('questionnaire links to benchmark indicators', async () => {
  const dataset = await loadBundledBenchmarks();
  const byId = new Map(dataset.indicators.map((i) => [i.id, i]));
  const links = Object.entries(themeFiles).flatMap(([file, theme]) => linksOf(file, theme));

  it('points only at indicators of the dataset that can be set beside an answer', () => {
    const broken = links
      .filter((link) => {
        const indicator = byId.get(link.indicator);
        return !indicator || indicator.kind !== 'share' || !indicator.comparison;
      })
      .map((link) => `${link.file} [${link.question}] → ${link.indicator}`);
    expect(broken).toEqual([]);
  });

  it('gives a question at most one figure to set beside its answer (one reference per topic)', () => {
    const comparable = new Map<string, string[]>();
    for (const link of links) {
      if (!byId.get(link.indicator)?.comparison) continue;
      const key = `${link.file} [${link.question}]`;
      comparable.set(key, [...(comparable.get(key) ?? []), link.indicator]);
    }
    expect([...comparable].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });
});
