/**
 * The commune's answers beside the barometers, table-driven: answer → position and the sentence said to the user
 * (expected sentences written by hand from the dataset): the figure as published, then the commune's own answer,
 * never a share computed for the other side. An answer a figure does not speak about gives nothing; an old or
 * unverified figure is never a comparison.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeComparison, describeContext, describeEarlierWave, type Translate } from '../../../src/components/describe-comparison';
import { loadBundledBenchmarks } from '../../../src/content/load-benchmarks';
import type { Answers, CommuneProfile } from '../../../src/domain/audit/types';
import { compareAnswers } from '../../../src/domain/benchmarks/compare-answers';
import { contextIndicators, indicatorForPopulation } from '../../../src/domain/benchmarks/indicator-for-population';
import type { BenchmarkDataset } from '../../../src/domain/benchmarks/schema';
import type { IndicatorLink, Question, Questionnaire } from '../../../src/domain/questionnaire/schema';
import { createI18n } from '../../../src/i18n/i18n';

const text = (fr: string) => ({ fr, en: fr });

function question(id: string, options: string[], indicators: IndicatorLink[], extra: Partial<Question> = {}): Question {
  return {
    id,
    text: text(`Question ${id}`),
    help: text('Aide'),
    criticality: 'major',
    knower: 'secretary',
    options: options.map((o, index) => ({ id: o, label: text(`Option ${o}`), score: index === 0 ? 1 : 0 })),
    indicators,
    actions: ['some-action'],
    ...extra,
  };
}

const link = (indicator: string, inGroup: string[], outOfGroup: string[]): IndicatorLink => ({ indicator, inGroup, outOfGroup });

/** A small questionnaire written for these tests: the real one is content and changes on its own. */
const questionnaire: Questionnaire = {
  id: 'test',
  version: 1,
  title: text('Test'),
  themes: [
    {
      id: 'continuity',
      title: text('PCA'),
      summary: text('PCA'),
      questions: [
        // "one-of-two" does not say whether the commune has a PCA: it must say nothing about the "no PCA" figure.
        question('continuity-plans', ['both', 'one-of-two', 'neither'], [link('bnc-2025-c-no-pca', ['neither'], ['both'])]),
        question('continuity-hidden', ['yes', 'no'], [link('bnc-2025-c-no-pca', ['no'], ['yes'])], {
          showIf: { question: 'continuity-plans', anyOf: ['both'] },
        }),
      ],
    },
    {
      id: 'governance',
      title: text('RSSI'),
      summary: text('RSSI'),
      questions: [
        question('governance-rssi', ['internal', 'shared', 'none'], [link('bnc-2025-c-no-rssi', ['none'], ['internal', 'shared'])]),
        question('governance-missing', ['yes', 'no'], [link('no-such-indicator', ['no'], ['yes']), link('bnc-2025-v1-attacked-3y', ['no'], ['yes'])]),
      ],
    },
    {
      id: 'awareness',
      title: text('Sensibilisation'),
      summary: text('Sensibilisation'),
      questions: [question('awareness-agents', ['all', 'some', 'none'], [link('bnc-2025-c-trained-agents', ['all', 'some'], ['none'])])],
    },
    {
      id: 'backup',
      title: text('Sauvegardes'),
      summary: text('Sauvegardes'),
      // A 2016 figure: context with its age, never a comparison, even if a question links to it.
      questions: [question('backup-how', ['automatic', 'manual'], [link('jvs-2016-manual-backup', ['manual'], ['automatic'])])],
    },
    {
      id: 'incident',
      title: text('Incident'),
      summary: text('Incident'),
      questions: [
        question('incident-procedure', ['yes', 'no'], [link('cmv-2024-response-procedure', ['yes'], ['no'])]),
        question('incident-servers', ['yes', 'no'], [link('cmv-2023-firewall', ['yes'], ['no'])], {
          notApplicableIf: [{ field: 'hasServer', equals: false }],
        }),
      ],
    },
  ],
};

const profile = (population: number): CommuneProfile => ({ population, agents: 3, computers: 4, itProvider: true, hasServer: false });
const option = (optionId: string) => ({ kind: 'option' as const, optionId });
/** Intl puts narrow no-break spaces in French figures ("34 %"); compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

const BNC_C = 'Baromètre Numérique & Collectivités, résultats consolidés, DINUM et réseau Déclic, octobre 2025';
const BNC_V1 = 'Baromètre Numérique & Collectivités, premiers résultats, DINUM et réseau Déclic, mars 2025, 2 729 réponses';
const CMV24 = 'Étude sur la maturité cyber des collectivités de moins de 25 000 habitants, 3e étude, Cybermalveillance.gouv.fr avec OpinionWay, 19 novembre 2024, 1 710 réponses';
const CMV23 = 'Étude sur la maturité cyber des collectivités de moins de 25 000 habitants, 2e étude, Cybermalveillance.gouv.fr avec OpinionWay, 20 novembre 2023, 1 178 réponses';

let dataset: BenchmarkDataset;
let fr: Translate;
let en: Translate;

beforeAll(async () => {
  dataset = await loadBundledBenchmarks();
  const i18n = await createI18n('en');
  en = (key, options) => i18n.getFixedT('en')(key, options);
  fr = (key, options) => i18n.getFixedT('fr')(key, options);
});

interface Case {
  name: string;
  questionId: string;
  optionId: string;
  population?: number;
  expected: { indicatorId: string; position: 'in-group' | 'out-of-group'; presentation: 'comparison' | 'beside'; sentence: string; earlier: string[] }[];
}

const NO_PCA = `66 % des collectivités répondantes déclaraient ne pas avoir de plan de continuité d'activité, ou PCA (${BNC_C}).`;
const NO_PCA_V1 = `À savoir : une vague antérieure de la même enquête disait : 76 % des collectivités répondantes ne disposent ni d'un plan de continuité d'activité (PCA) ni d'un plan de reprise d'activité (PRA) (${BNC_V1}). Le chiffre le plus récent la remplace.`;
const NO_RSSI = `73 % des collectivités répondantes déclaraient ne pas avoir de responsable de la sécurité informatique (${BNC_C}).`;

const CASES: Case[] = [
  {
    name: 'both plans: the 66 % without PCA as published, then the answer; no "34 % with one"',
    questionId: 'continuity-plans',
    optionId: 'both',
    expected: [{ indicatorId: 'bnc-2025-c-no-pca', position: 'out-of-group', presentation: 'comparison', sentence: `${NO_PCA} Votre commune en a un.`, earlier: [NO_PCA_V1] }],
  },
  { name: 'only one of the two plans: nothing about the 66 % without PCA', questionId: 'continuity-plans', optionId: 'one-of-two', expected: [] },
  {
    name: 'neither plan: one reference, the consolidated results; the first results under « À savoir »',
    questionId: 'continuity-plans',
    optionId: 'neither',
    expected: [
      {
        indicatorId: 'bnc-2025-c-no-pca',
        position: 'in-group',
        presentation: 'comparison',
        sentence: `${NO_PCA} Votre commune n'a pas de plan de continuité d'activité (PCA).`,
        earlier: [NO_PCA_V1],
      },
    ],
  },
  {
    name: 'no RSSI: 73 % in the consolidated results, the 64 % of the first results only under « À savoir »',
    questionId: 'governance-rssi',
    optionId: 'none',
    expected: [
      {
        indicatorId: 'bnc-2025-c-no-rssi',
        position: 'in-group',
        presentation: 'comparison',
        sentence: `${NO_RSSI} Votre commune n'a pas de responsable de la sécurité informatique.`,
        earlier: [
          `À savoir : une vague antérieure de la même enquête disait : 64 % des collectivités répondantes n'ont pas de responsable de la sécurité des systèmes d'information (RSSI), ni en interne ni mutualisé (${BNC_V1}). Le chiffre le plus récent la remplace.`,
        ],
      },
    ],
  },
  {
    name: 'agents trained: a share of people, said beside the answer, not « comme 50 % »',
    questionId: 'awareness-agents',
    optionId: 'some',
    expected: [
      {
        indicatorId: 'bnc-2025-c-trained-agents',
        position: 'in-group',
        presentation: 'beside',
        sentence: `Pour situer, une part de personnes et non de communes : 50 % des agents ont été formés à la cybersécurité au cours des deux dernières années, selon les collectivités répondantes (${BNC_C}). Dans votre mairie, des agents ont été formés ou sensibilisés ces deux dernières années.`,
        earlier: [
          `À savoir : une vague antérieure de la même enquête disait : 46 % des agents ont reçu une formation ou une sensibilisation à la cybersécurité au cours des deux dernières années, selon les collectivités répondantes (${BNC_V1}). Le chiffre le plus récent la remplace.`,
        ],
      },
    ],
  },
  {
    name: 'a written procedure: the 2024 study, the 2023 one under « À savoir »',
    questionId: 'incident-procedure',
    optionId: 'no',
    expected: [
      {
        indicatorId: 'cmv-2024-response-procedure',
        position: 'out-of-group',
        presentation: 'comparison',
        sentence: `22 % des collectivités interrogées ont une procédure formalisée de réaction en cas de cyberattaque (${CMV24}). Votre commune n'a pas de procédure écrite en cas d'attaque.`,
        earlier: [
          `À savoir : une vague antérieure de la même enquête disait : 19 % des collectivités interrogées ont une procédure de réaction en cas d'attaque (${CMV23}). Le chiffre le plus récent la remplace.`,
        ],
      },
    ],
  },
  { name: 'a 2016 figure is never a comparison, even when linked', questionId: 'backup-how', optionId: 'manual', population: 800, expected: [] },
  { name: 'a missing indicator, or one that is only context, gives nothing', questionId: 'governance-missing', optionId: 'no', expected: [] },
  { name: 'a question not applicable to the profile gives nothing', questionId: 'incident-servers', optionId: 'yes', expected: [] },
];

describe('compareAnswers and describeComparison', () => {
  it.each(CASES)('$name', ({ questionId, optionId, population = 1500, expected }) => {
    const answers: Answers = { [questionId]: option(optionId) };
    const comparisons = compareAnswers(questionnaire, answers, profile(population), dataset);
    expect(
      comparisons.map((c) => ({
        indicatorId: c.indicatorId,
        position: c.position,
        presentation: c.presentation,
        sentence: plain(describeComparison(c, fr, 'fr')),
        earlier: c.earlierWaves.map((e) => plain(describeEarlierWave(e, fr, 'fr'))),
      })),
    ).toEqual(expected);
  });

  it('says nothing for "je ne sais pas"', () => {
    expect(compareAnswers(questionnaire, { 'continuity-plans': { kind: 'dontKnow' } }, profile(500), dataset)).toEqual([]);
  });

  it('says nothing for a question hidden by an earlier answer, even if an answer is stored', () => {
    const answers: Answers = { 'continuity-plans': option('neither'), 'continuity-hidden': option('no') };
    const ids = compareAnswers(questionnaire, answers, profile(500), dataset).map((c) => c.questionId);
    expect(ids).not.toContain('continuity-hidden');
  });

  it('keeps an approximate figure approximate and never turns it round for the other side', () => {
    const base = dataset.indicators.find((i) => i.id === 'bnc-2025-c-no-pca');
    if (!base) throw new Error('bnc-2025-c-no-pca missing');
    const nearly: BenchmarkDataset = { ...dataset, indicators: [{ ...base, value: 0.2, qualifier: 'nearly' }] };
    const [outside] = compareAnswers(questionnaire, { 'continuity-plans': option('both') }, profile(500), nearly);
    const sentence = plain(outside ? describeComparison(outside, fr, 'fr') : '');
    expect(sentence).toContain('Près de 20 % des collectivités répondantes');
    expect(sentence).not.toContain('80');
  });

  it('says the same in English, with the English source words', () => {
    const [consolidated] = compareAnswers(questionnaire, { 'continuity-plans': option('both') }, profile(500), dataset);
    expect(consolidated ? plain(describeComparison(consolidated, en, 'en')) : '').toBe(
      '66% of the responding local authorities said they had no business continuity plan, or PCA (Baromètre Numérique & Collectivités, consolidated results, DINUM and réseau Déclic, October 2025). Your commune has one.',
    );
  });

  it('names the stratum of a breakdown figure', () => {
    const base = dataset.indicators.find((i) => i.id === 'cmv-2024-response-procedure');
    if (!base) throw new Error('cmv-2024-response-procedure missing');
    const stratum = { maxPopulation: 999, label: { fr: 'communes de moins de 1 000 habitants', en: 'communes under 1,000 inhabitants' } };
    const withStratum: BenchmarkDataset = { ...dataset, indicators: [base, { ...base, id: 'breakdown', value: 0.1, stratum, stratumOf: base.id, publishedNumbers: [3, 999, 1000, 25000] }] };
    const [small] = compareAnswers(questionnaire, { 'incident-procedure': option('yes') }, profile(500), withStratum);
    expect(small?.indicatorId).toBe('breakdown');
    expect(plain(small ? describeComparison(small, fr, 'fr') : '')).toBe(
      `10 % des collectivités interrogées ont une procédure formalisée de réaction en cas de cyberattaque, chiffre pour les communes de moins de 1 000 habitants (${CMV24}). Votre commune a une procédure écrite en cas d'attaque.`,
    );
  });
});

describe('stratum choice', () => {
  it.each([
    [500, 'cmv-2023-feel-exposed-under-1000'],
    [999, 'cmv-2023-feel-exposed-under-1000'],
    [1000, 'cmv-2023-feel-exposed'],
    [10000, 'cmv-2023-feel-exposed'],
    [10001, 'cmv-2023-feel-exposed-over-10000'],
  ])('a commune of %d inhabitants gets %s', (population, expected) => {
    expect(indicatorForPopulation(dataset, 'cmv-2023-feel-exposed', population)?.id).toBe(expected);
  });

  it('gives the under-300 stratum of the 2024 study to a commune of 250', () => {
    expect(indicatorForPopulation(dataset, 'cmv-2024-feel-low-exposure', 250)?.id).toBe('cmv-2024-feel-low-exposure-under-300');
    expect(indicatorForPopulation(dataset, 'cmv-2024-feel-low-exposure', 300)?.id).toBe('cmv-2024-feel-low-exposure');
  });

  it('gives nothing when the only figure is about communes of another size', () => {
    expect(indicatorForPopulation(dataset, 'jvs-2016-manual-backup', 2000)).toBeUndefined();
    expect(indicatorForPopulation(dataset, 'no-such-indicator', 2000)).toBeUndefined();
  });
});

describe('context figures', () => {
  it('shows the ransomware share of incidents in the backup theme, with its source and that it was not checked', () => {
    const backup = contextIndicators(dataset, 'backup', 3000);
    const ransomware = backup.find((i) => i.id === 'bnc-2025-v1-incidents-ransomware');
    expect(ransomware && plain(describeContext(ransomware, fr, 'fr'))).toBe(
      `Parmi les incidents déclarés par les collectivités victimes, 40 % étaient des rançongiciels (logiciels qui chiffrent les données pour exiger une rançon). Source : ${BNC_V1.replace(', 2 729 réponses', '')}. Chiffre non vérifié dans sa source d'origine : il donne le contexte, il ne sert pas de comparaison.`,
    );
  });

  it('says the age of a figure older than 2023', () => {
    const [manual] = contextIndicators(dataset, 'backup', 600).filter((i) => i.id === 'jvs-2016-manual-backup');
    expect(manual && plain(describeContext(manual, fr, 'fr'))).toContain('Chiffre ancien (données de 2016) : il donne le contexte, il ne sert pas de comparaison.');
  });

  it('sets the directory count beside the article’s wrong count of communes under 10,000 inhabitants', () => {
    const wrong = dataset.indicators.find((i) => i.id === 'decideur-2021-communes-under-10000');
    const sentence = wrong ? plain(describeContext(wrong, fr, 'fr')) : '';
    expect(sentence).toContain('9 025 communes auraient moins de 10 000 habitants');
    expect(sentence).toContain('33 896 communes ont moins de 10 000 habitants');
  });

  it('follows the commune’s stratum, leaves out figures about other sizes and earlier waves', () => {
    expect(contextIndicators(dataset, 'awareness', 600).map((i) => i.id)).toContain('cmv-2023-feel-exposed-under-1000');
    expect(contextIndicators(dataset, 'awareness', 600).map((i) => i.id)).not.toContain('cmv-2023-feel-exposed');
    expect(contextIndicators(dataset, 'awareness', 250).map((i) => i.id)).toContain('cmv-2024-feel-low-exposure-under-300');
    expect(contextIndicators(dataset, 'backup', 600).map((i) => i.id)).toContain('jvs-2016-manual-backup');
    expect(contextIndicators(dataset, 'backup', 4000).map((i) => i.id)).not.toContain('jvs-2016-manual-backup');
    expect(dataset.indicators.filter((i) => i.earlierWaveOf).every((i) => !contextIndicators(dataset, 'incident', 600).includes(i))).toBe(true);
  });
});
