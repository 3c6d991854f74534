/**
 * Every sentence the app can say about a barometer figure, in French and English, held to the published numbers.
 * It renders, for every indicator of the shipped dataset, its statement, its context sentence (age, checking,
 * directory correction), its earlier-wave « À savoir », its chart label, and both sides of its comparison; then,
 * for every question of the questionnaire linked to a figure, every option group (inside, outside, neither) for
 * communes of every size stratum; then the "no national survey" sentences. A number in any of them must be the
 * figure's published value, a published sample size or other number the publication states
 * (`publishedNumbers`: thresholds, periods), a stratum bound, a year, or a count from the official directory.
 * A computed share (the "34 %" of a "66 % without") fails it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  describeComparison,
  describeContext,
  describeEarlierWave,
  describeFigure,
  describeStatement,
  describeUnsurveyed,
  positionLabel,
  type Translate,
} from '../../../src/components/describe-comparison';
import { loadBundledBenchmarks } from '../../../src/content/load-benchmarks';
import { loadQuestionnaire } from '../../../src/content/load-questionnaire';
import { compareAnswers, earlierWavesOf, type Comparison, type ComparisonPosition } from '../../../src/domain/benchmarks/compare-answers';
import { DIRECTORY_COUNTS } from '../../../src/domain/benchmarks/directory-counts';
import { isYear, numbersInText } from '../../../src/domain/benchmarks/numbers-in-text';
import type { BenchmarkDataset, BenchmarkIndicator } from '../../../src/domain/benchmarks/schema';
import type { Questionnaire } from '../../../src/domain/questionnaire/schema';
import { createI18n } from '../../../src/i18n/i18n';

type Language = 'fr' | 'en';
const LANGUAGES: Language[] = ['fr', 'en'];

interface Said {
  where: string;
  language: Language;
  text: string;
  /** The figures the sentence speaks about (their published numbers are allowed). */
  indicators: BenchmarkIndicator[];
}

/** The numbers a sentence about these figures may say. */
function allowedNumbers(indicators: BenchmarkIndicator[]): Set<number> {
  const allowed = new Set<number>(Object.values(DIRECTORY_COUNTS));
  for (const i of indicators) {
    (i.publishedNumbers ?? []).forEach((n) => allowed.add(n));
    allowed.add(i.value);
    if (i.kind === 'share') allowed.add(Math.round(i.value * 100));
    if (i.sampleSize !== null) allowed.add(i.sampleSize);
    if (i.fraction) [i.fraction.numerator, i.fraction.denominator].forEach((n) => allowed.add(n));
    for (const bound of [i.stratum?.minPopulation, i.stratum?.maxPopulation]) if (bound !== undefined) allowed.add(bound);
  }
  return allowed;
}

/** "where: the number said, and the sentence" for every number that is not allowed. */
function strayNumbers(said: Said[]): string[] {
  return said.flatMap(({ where, language, text, indicators }) => {
    const allowed = allowedNumbers(indicators);
    return numbersInText(text, language)
      .filter((n) => !isYear(n) && !allowed.has(n))
      .map((n) => `${where} [${language}] says ${n}: ${text}`);
  });
}

/** Every option group a link makes: inside, outside, and the options in neither list. */
function optionGroups(question: Questionnaire['themes'][number]['questions'][number]): { label: string; options: string[] }[] {
  return question.indicators.flatMap((link) => {
    const listed = new Set([...link.inGroup, ...link.outOfGroup]);
    return [
      { label: `${link.indicator} in-group`, options: link.inGroup },
      { label: `${link.indicator} out-of-group`, options: link.outOfGroup },
      { label: `${link.indicator} neither`, options: question.options.map((o) => o.id).filter((o) => !listed.has(o)) },
    ];
  });
}

/** Populations at every stratum bound of the dataset, and either side of it. */
function populations(dataset: BenchmarkDataset): number[] {
  const bounds = dataset.indicators.flatMap((i) => [i.stratum?.minPopulation, i.stratum?.maxPopulation]).filter((b): b is number => b !== undefined);
  return [...new Set([150, 500, 2_000, 6_000, 20_000, ...bounds.flatMap((b) => [b - 1, b, b + 1])])].filter((p) => p > 0).sort((a, b) => a - b);
}

let dataset: BenchmarkDataset;
let questionnaire: Questionnaire;
const t: Partial<Record<Language, Translate>> = {};

beforeAll(async () => {
  [dataset, questionnaire] = await Promise.all([loadBundledBenchmarks(), loadQuestionnaire()]);
  // One instance per language, each with its own words loaded (a missing key would otherwise come back as itself).
  for (const language of LANGUAGES) {
    const i18n = await createI18n(language);
    t[language] = (key, options) => i18n.getFixedT(language)(key, options);
  }
});

function translate(language: Language): Translate {
  const fn = t[language];
  if (!fn) throw new Error('i18n not ready');
  return fn;
}

/** What every indicator can say on its own: on the « Repères chiffrés » page, as context, in a chart. */
function indicatorSentences(): Said[] {
  return LANGUAGES.flatMap((language) => {
    const tr = translate(language);
    return dataset.indicators.flatMap((indicator) => {
      const own = (where: string, text: string): Said => ({ where: `${indicator.id} ${where}`, language, text, indicators: [indicator] });
      const said = [
        own('figure', describeFigure(indicator, tr, language)),
        own('statement', describeStatement(indicator, tr, language)),
        own('context', describeContext(indicator, tr, language)),
      ];
      if (indicator.earlierWaveOf) said.push(own('earlier wave', describeEarlierWave(indicator, tr, language)));
      if (indicator.comparison) {
        for (const position of ['in-group', 'out-of-group'] as ComparisonPosition[]) {
          const comparison: Comparison = {
            questionId: 'any',
            themeId: 'any',
            optionId: 'any',
            linkedIndicatorId: indicator.id,
            indicatorId: indicator.id,
            position,
            presentation: indicator.counts === 'people' ? 'beside' : 'comparison',
            indicator,
            earlierWaves: earlierWavesOf(dataset, indicator.id),
          };
          said.push(own(`${position} sentence`, describeComparison(comparison, tr, language)));
          said.push(own(`${position} chart`, `${positionLabel(comparison, language) ?? ''} ${tr('benchmarks:results.chartPublished', { label: indicator.comparison.inGroup.label[language], share: describeFigure(indicator, tr, language) })}`));
        }
      }
      return said;
    });
  });
}

/** What the results page and the PDF say for every linked question, option group and size of commune. */
function answerSentences(): Said[] {
  const said: Said[] = [];
  // A sentence depends on the question, the figure used (the stratum picks it) and the side: said once each.
  const seen = new Set<string>();
  for (const theme of questionnaire.themes) {
    for (const question of theme.questions) {
      // The question alone, asked whatever the profile or earlier answers: every link is exercised.
      const { showIf: _showIf, notApplicableIf: _notApplicableIf, ...bare } = question;
      const alone: Questionnaire = { ...questionnaire, themes: [{ ...theme, questions: [bare] }] };
      for (const group of optionGroups(question)) {
        for (const optionId of group.options) {
          for (const population of populations(dataset)) {
            const profile = { population, agents: 3, computers: 4, itProvider: true, hasServer: true };
            for (const comparison of compareAnswers(alone, { [question.id]: { kind: 'option', optionId } }, profile, dataset)) {
              const key = `${question.id}|${optionId}|${comparison.indicatorId}`;
              if (seen.has(key)) continue;
              seen.add(key);
              for (const language of LANGUAGES) {
                const tr = translate(language);
                const where = `${question.id}=${optionId} (${group.label}, ${population} inhabitants)`;
                said.push({ where, language, text: describeComparison(comparison, tr, language), indicators: [comparison.indicator] });
                for (const earlier of comparison.earlierWaves) {
                  said.push({ where: `${where} « À savoir »`, language, text: describeEarlierWave(earlier, tr, language), indicators: [earlier] });
                }
              }
            }
          }
        }
      }
    }
  }
  return said;
}

describe('every barometer sentence says only published numbers', () => {
  it('for every indicator, in French and English', () => {
    const said = indicatorSentences();
    expect(said.length).toBeGreaterThan(dataset.indicators.length * 2 * 3);
    // Every sentence is words, not a key or a template left unfilled.
    expect(said.filter((s) => s.text.trim() === '' || s.text.includes('{{') || /\b(sentence|source|figure|qualifier)\.[a-z]/.test(s.text)).map((s) => s.where)).toEqual([]);
    expect(said.filter((s) => s.language === 'en' && /\bdes collectivités\b/.test(s.text)).map((s) => s.where)).toEqual([]);
    expect(strayNumbers(said)).toEqual([]);
  });

  it('for every question linked to a figure, every option group and every size of commune', () => {
    const said = answerSentences();
    const comparable = new Set(dataset.indicators.filter((i) => i.comparison).map((i) => i.id));
    const linked = questionnaire.themes.flatMap((th) => th.questions).filter((q) => q.indicators.some((l) => comparable.has(l.indicator)));
    expect(linked.length).toBeGreaterThan(0);
    // Every link to a comparable figure gives its sentences: no such link is left untested.
    const spoken = new Set(said.map((s) => s.where.split('=')[0]));
    expect(linked.map((q) => q.id).filter((id) => !spoken.has(id))).toEqual([]);
    expect(strayNumbers(said)).toEqual([]);
  });

  it('for the topics no national survey measured, with no number at all', () => {
    const said = LANGUAGES.flatMap((language) =>
      dataset.unsurveyed.map((topic) => ({ where: topic.id, language, text: describeUnsurveyed(topic, translate(language), language), indicators: [] })),
    );
    expect(said.length).toBeGreaterThan(0);
    expect(strayNumbers(said)).toEqual([]);
  });

  it('catches a computed complement (the check itself can fail)', () => {
    const noPca = dataset.indicators.find((i) => i.id === 'bnc-2025-c-no-pca');
    if (!noPca) throw new Error('bnc-2025-c-no-pca missing');
    const forged: Said = { where: 'forged', language: 'fr', text: 'Votre commune fait partie des 34 % de collectivités qui ont un PCA.', indicators: [noPca] };
    expect(strayNumbers([forged])).toHaveLength(1);
    const published: Said = { ...forged, text: '66 % des collectivités répondantes déclaraient ne pas avoir de PCA (octobre 2025).' };
    expect(strayNumbers([published])).toEqual([]);
  });
});
