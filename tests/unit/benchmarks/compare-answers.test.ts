/**
 * The commune's answers against the barometers, table-driven: answer → position, share and the sentence said to
 * the user (expected sentences written by hand from the dataset). An answer a figure does not speak about gives
 * no comparison: a figure is never stretched past its question.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeComparison, describeContext, type Translate } from '../../../src/components/describe-comparison';
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
        question('continuity-plans', ['both', 'one-of-two', 'neither'], [
          link('bnc-2025-c-no-pca', ['neither'], ['both']),
          link('bnc-2025-v1-no-pca-nor-pra', ['neither'], ['both', 'one-of-two']),
        ]),
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
        question('governance-rssi', ['internal', 'shared', 'none'], [
          link('bnc-2025-v1-no-rssi', ['none'], ['internal', 'shared']),
          link('bnc-2025-c-no-rssi', ['none'], ['internal', 'shared']),
        ]),
        question('governance-missing', ['yes', 'no'], [link('no-such-indicator', ['no'], ['yes']), link('bnc-2025-v1-attacked-3y', ['no'], ['yes'])]),
      ],
    },
    {
      id: 'backup',
      title: text('Sauvegardes'),
      summary: text('Sauvegardes'),
      questions: [question('backup-how', ['automatic', 'manual'], [link('jvs-2016-manual-backup', ['manual'], ['automatic'])])],
    },
    {
      id: 'incident',
      title: text('Incident'),
      summary: text('Incident'),
      questions: [
        question('incident-prepared', ['yes', 'no'], [link('cmv-2024-prepared', ['yes'], ['no'])]),
        question('incident-servers', ['yes', 'no'], [link('cmv-2023-firewall', ['yes'], ['no'])], {
          notApplicableIf: [{ field: 'hasServer', equals: false }],
        }),
      ],
    },
    {
      id: 'gdpr',
      title: text('RGPD'),
      summary: text('RGPD'),
      questions: [
        question('gdpr-dpo', ['yes', 'no'], [link('cnil-2019-no-dpo', ['no'], ['yes'])]),
        question('gdpr-personal-devices', ['no', 'yes'], [link('cmv-2021-personal-devices', ['yes'], ['no'])]),
      ],
    },
  ],
};

const profile = (population: number): CommuneProfile => ({ population, agents: 3, computers: 4, itProvider: true, hasServer: false });
const option = (optionId: string) => ({ kind: 'option' as const, optionId });
/** Intl puts narrow no-break spaces in French figures ("34 %"); compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

const BNC_C = 'Baromètre Numérique & Collectivités, résultats consolidés, DINUM et réseau Déclic, octobre 2025';
const BNC_V1 = 'Baromètre Numérique & Collectivités, premiers résultats, DINUM et réseau Déclic, mars 2025';
const CMV24 = 'Étude sur la maturité cyber des collectivités de moins de 25 000 habitants, 3e étude, Cybermalveillance.gouv.fr avec OpinionWay, 19 novembre 2024';

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
  expected: { indicatorId: string; position: 'in-group' | 'out-of-group'; share: number; sentence: string }[];
}

const CASES: Case[] = [
  {
    name: 'both plans: outside the 66 % without PCA and the 76 % with neither plan',
    questionId: 'continuity-plans',
    optionId: 'both',
    expected: [
      {
        indicatorId: 'bnc-2025-c-no-pca',
        position: 'out-of-group',
        share: 0.34,
        sentence: `Votre commune fait partie des 34 % de collectivités qui ont un plan de continuité d'activité, ou PCA (${BNC_C}).`,
      },
      {
        indicatorId: 'bnc-2025-v1-no-pca-nor-pra',
        position: 'out-of-group',
        share: 0.24,
        sentence: `Votre commune fait partie des 24 % de collectivités qui ont au moins l'un des deux plans, PCA ou PRA (${BNC_V1}).`,
      },
    ],
  },
  {
    name: 'only one of the two plans: nothing about the 66 % without PCA',
    questionId: 'continuity-plans',
    optionId: 'one-of-two',
    expected: [
      {
        indicatorId: 'bnc-2025-v1-no-pca-nor-pra',
        position: 'out-of-group',
        share: 0.24,
        sentence: `Votre commune fait partie des 24 % de collectivités qui ont au moins l'un des deux plans, PCA ou PRA (${BNC_V1}).`,
      },
    ],
  },
  {
    name: 'neither plan: inside both figures, each wave named',
    questionId: 'continuity-plans',
    optionId: 'neither',
    expected: [
      {
        indicatorId: 'bnc-2025-c-no-pca',
        position: 'in-group',
        share: 0.66,
        sentence: `Votre commune fait partie des 66 % de collectivités qui n'ont pas de plan de continuité d'activité, ou PCA (${BNC_C}).`,
      },
      {
        indicatorId: 'bnc-2025-v1-no-pca-nor-pra',
        position: 'in-group',
        share: 0.76,
        sentence: `Votre commune fait partie des 76 % de collectivités qui n'ont ni PCA ni PRA, c'est-à-dire ni plan de continuité ni plan de reprise d'activité (${BNC_V1}).`,
      },
    ],
  },
  {
    name: 'no RSSI: 64 % in the first results, 73 % in the consolidated ones',
    questionId: 'governance-rssi',
    optionId: 'none',
    expected: [
      {
        indicatorId: 'bnc-2025-v1-no-rssi',
        position: 'in-group',
        share: 0.64,
        sentence: `Votre commune fait partie des 64 % de collectivités qui n'ont pas de responsable de la sécurité des systèmes d'information (RSSI), ni interne ni mutualisé (${BNC_V1}).`,
      },
      {
        indicatorId: 'bnc-2025-c-no-rssi',
        position: 'in-group',
        share: 0.73,
        sentence: `Votre commune fait partie des 73 % de collectivités qui n'ont pas de responsable de la sécurité informatique (${BNC_C}).`,
      },
    ],
  },
  {
    name: 'a shared RSSI counts as having one',
    questionId: 'governance-rssi',
    optionId: 'shared',
    expected: [
      {
        indicatorId: 'bnc-2025-v1-no-rssi',
        position: 'out-of-group',
        share: 0.36,
        sentence: `Votre commune fait partie des 36 % de collectivités qui ont un RSSI, interne ou mutualisé (${BNC_V1}).`,
      },
      {
        indicatorId: 'bnc-2025-c-no-rssi',
        position: 'out-of-group',
        share: 0.27,
        sentence: `Votre commune fait partie des 27 % de collectivités qui ont un responsable de la sécurité informatique (${BNC_C}).`,
      },
    ],
  },
  {
    name: 'manual backups in a commune of 800: the figure for communes under 1,000, stratum named',
    questionId: 'backup-how',
    optionId: 'manual',
    population: 800,
    expected: [
      {
        indicatorId: 'jvs-2016-manual-backup',
        position: 'in-group',
        share: 0.57,
        sentence:
          'Votre mairie sauvegarde à la main, comme 57 % des mairies de moins de 1 000 habitants interrogées en 2016, chiffre pour les communes de moins de 1 000 habitants (Baromètre de la dématérialisation 2016, 3e édition, JVS-Mairistem, 2016).',
      },
    ],
  },
  { name: 'manual backups in a commune of exactly 1,000: the under-1,000 figure does not apply', questionId: 'backup-how', optionId: 'manual', population: 1000, expected: [] },
  {
    name: 'well prepared, 3,000 inhabitants: the national figure',
    questionId: 'incident-prepared',
    optionId: 'yes',
    population: 3000,
    expected: [
      {
        indicatorId: 'cmv-2024-prepared',
        position: 'in-group',
        share: 0.14,
        sentence: `Votre commune fait partie des 14 % de collectivités qui se sentent bien préparées à une cyberattaque (${CMV24}).`,
      },
    ],
  },
  {
    name: 'well prepared, exactly 5,000 inhabitants: still the national figure (the stratum starts above 5,000)',
    questionId: 'incident-prepared',
    optionId: 'yes',
    population: 5000,
    expected: [
      {
        indicatorId: 'cmv-2024-prepared',
        position: 'in-group',
        share: 0.14,
        sentence: `Votre commune fait partie des 14 % de collectivités qui se sentent bien préparées à une cyberattaque (${CMV24}).`,
      },
    ],
  },
  {
    name: 'not prepared, 6,000 inhabitants: the stratum over 5,000 is used and named',
    questionId: 'incident-prepared',
    optionId: 'no',
    population: 6000,
    expected: [
      {
        indicatorId: 'cmv-2024-prepared-over-5000',
        position: 'out-of-group',
        share: 0.76,
        sentence: `Votre commune fait partie des 76 % de collectivités qui ne se sentent pas bien préparées à une cyberattaque, chiffre pour les collectivités de plus de 5 000 habitants (${CMV24}).`,
      },
    ],
  },
  {
    name: 'no DPO: an approximate figure stays approximate',
    questionId: 'gdpr-dpo',
    optionId: 'no',
    expected: [
      {
        indicatorId: 'cnil-2019-no-dpo',
        position: 'in-group',
        share: 0.6,
        sentence:
          "Votre commune n'a pas désigné de délégué à la protection des données (DPO), comme environ 60 % des communes fin 2019 (Bilan des désignations de délégués à la protection des données par les communes, présenté au Congrès des maires 2019, CNIL, 11 février 2020).",
      },
    ],
  },
  {
    name: 'personal devices in a commune of 1,200: the 2021 survey of communes under 3,500, stratum named',
    questionId: 'gdpr-personal-devices',
    optionId: 'yes',
    population: 1200,
    expected: [
      {
        indicatorId: 'cmv-2021-personal-devices',
        position: 'in-group',
        share: 0.5,
        sentence:
          'Des outils personnels servent aux affaires de votre mairie, comme pour environ 50 % des élus ruraux interrogés, chiffre pour les collectivités de moins de 3 500 habitants (La cybersécurité dans les collectivités de moins de 3 500 habitants, 1re étude, Cybermalveillance.gouv.fr, 17 mai 2022).',
      },
    ],
  },
  { name: 'personal devices in a commune of 5,000: a survey of communes under 3,500 says nothing', questionId: 'gdpr-personal-devices', optionId: 'yes', population: 5000, expected: [] },
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
        share: Math.round(c.share * 100) / 100,
        sentence: plain(describeComparison(c, fr, 'fr')),
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

  it('turns an approximate share round for the other side ("nearly 20 %" → "just over 80 %")', () => {
    const base = dataset.indicators.find((i) => i.id === 'bnc-2025-c-no-pca');
    if (!base) throw new Error('bnc-2025-c-no-pca missing');
    const nearly: BenchmarkDataset = { ...dataset, indicators: [{ ...base, value: 0.2, qualifier: 'nearly' }] };
    const [outside] = compareAnswers(questionnaire, { 'continuity-plans': option('both') }, profile(500), nearly);
    expect(outside?.qualifier).toBe('just-over');
    expect(plain(outside ? describeComparison(outside, fr, 'fr') : '')).toContain('des un peu plus de 80 % de collectivités qui ont un plan');
  });

  it('says the same in English, with the English source words', () => {
    const [consolidated] = compareAnswers(questionnaire, { 'continuity-plans': option('both') }, profile(500), dataset);
    expect(consolidated ? plain(describeComparison(consolidated, en, 'en')) : '').toBe(
      'Your commune is among the 34% of local authorities that have a business continuity plan, or PCA (Baromètre Numérique & Collectivités, consolidated results, DINUM and réseau Déclic, October 2025).',
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

  it('gives nothing when the only figure is about communes of another size', () => {
    expect(indicatorForPopulation(dataset, 'jvs-2016-manual-backup', 2000)).toBeUndefined();
    expect(indicatorForPopulation(dataset, 'no-such-indicator', 2000)).toBeUndefined();
  });
});

describe('context figures', () => {
  it('shows the ransomware share of incidents in the backup theme, with its source, as a statement', () => {
    const backup = contextIndicators(dataset, 'backup', 3000);
    expect(backup.map((i) => i.id)).toContain('bnc-2025-v1-incidents-ransomware');
    const ransomware = backup.find((i) => i.id === 'bnc-2025-v1-incidents-ransomware');
    expect(ransomware && plain(describeContext(ransomware, fr, 'fr'))).toBe(
      `Parmi les incidents déclarés par les collectivités victimes, 40 % étaient des rançongiciels (logiciels qui chiffrent les données pour exiger une rançon). Source : ${BNC_V1}.`,
    );
  });

  it('follows the commune’s stratum and leaves out figures about other sizes', () => {
    expect(contextIndicators(dataset, 'awareness', 600).map((i) => i.id)).toContain('cmv-2023-feel-exposed-under-1000');
    expect(contextIndicators(dataset, 'awareness', 600).map((i) => i.id)).not.toContain('cmv-2023-feel-exposed');
    expect(contextIndicators(dataset, 'backup', 600).map((i) => i.id)).toContain('jvs-2016-manual-backup');
    expect(contextIndicators(dataset, 'backup', 4000).map((i) => i.id)).not.toContain('jvs-2016-manual-backup');
  });
});
