/**
 * Zod schema of a benchmark dataset file (questionnaires/benchmarks/*.json, or a newer file imported by a user or
 * an OPSN): the one description of its shape. Strict at every level: a key this app does not know is refused
 * rather than half read.
 */
import { z } from 'zod';
import { idSchema } from '../questionnaire/schema';
import { isYear, numbersInText } from './numbers-in-text';
import { publisherDomainOf } from './publisher-domains';

/** The marker every benchmark file carries; anything else is "not ours". */
export const BENCHMARK_FORMAT = 'cyberdiag-benchmarks';
/**
 * The version of the file layout this app reads. A file with a higher formatVersion was written for a newer app
 * and is refused ("newer-format"). Version 1 files are refused too ("older-format"): their comparison sentences
 * said computed complements ("{{share}}" of the other side), which version 2 no longer allows, and no step can
 * turn them into what the survey published. Devices holding a version 1 dataset get the shipped one at start.
 */
export const BENCHMARK_FORMAT_VERSION = 2;

/**
 * A figure is set against the commune's answer only when it is recent and checked: its data from this year on,
 * and found in the study's own publication or in the specialised press (P or S). Anything else is context, its
 * age said.
 */
export const MIN_COMPARISON_YEAR = 2023;

const MAX_TEXT = 2000;
const text = z.string().trim().min(1).max(MAX_TEXT);

export const benchmarkLocalizedSchema = z.strictObject({ fr: text, en: text });

/** The commune's own answer in words: no figure (a share of the other side is never computed), no placeholder. */
const answerText = text.refine((s) => !/\d/.test(s) && !s.includes('{{'), 'must say the answer only, without figure or placeholder');
const answerSchema = z.strictObject({ fr: answerText, en: answerText });

/** YYYY, YYYY-MM or YYYY-MM-DD: a publication is often only known to the month. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/**
 * Only https addresses on the publishers' allow-list (publisher-domains.ts): an imported file must not be able to
 * put a javascript: link, or any other site, behind « Ouvrir la source ».
 */
const urlSchema = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain })
  .max(MAX_TEXT)
  .refine((url) => {
    try {
      const parsed = new URL(url);
      return parsed.username === '' && parsed.password === '' && parsed.port === '' && publisherDomainOf(parsed.hostname) !== undefined;
    } catch {
      return false;
    }
  }, 'must be an https address of a publisher the app knows (see publisher-domains.ts)');

const populationBound = z.number().int().nonnegative().max(100_000_000);

/** The size stratum a figure is about (bounds are inclusive numbers of inhabitants). */
export const stratumSchema = z
  .strictObject({
    minPopulation: populationBound.optional(),
    maxPopulation: populationBound.optional(),
    /** Plural noun phrase without article, e.g. "communes de moins de 1 000 habitants". */
    label: benchmarkLocalizedSchema,
  })
  .refine((s) => s.minPopulation !== undefined || s.maxPopulation !== undefined, 'a stratum needs a bound')
  .refine(
    (s) => s.minPopulation === undefined || s.maxPopulation === undefined || s.minPopulation <= s.maxPopulation,
    'minPopulation must not exceed maxPopulation',
  );

/** One side of a comparison: a short label for the chart and the commune's own answer as a sentence. */
const comparisonSideSchema = z.strictObject({
  label: answerSchema,
  sentence: answerSchema,
});

/** Counts of the official directory the app can set beside a quoted count that is wrong or dated. */
export const directoryCountSchema = z.enum(['communes', 'communes-under-10000']);

/** How a published figure was worded: "nearly 2 in 10" is not "20 %". */
export const qualifierSchema = z.enum(['about', 'nearly', 'just-over', 'more-than', 'less-than']);

export const publicationSchema = z.strictObject({
  publisher: benchmarkLocalizedSchema,
  title: benchmarkLocalizedSchema,
  url: urlSchema.nullable(),
  publishedAt: partialDateSchema,
});

const indicatorShape = z
  .strictObject({
    id: idSchema,
    /** share: a proportion from 0 to 1; ratio: a multiplier (×4); count: a number of things; amount: euros. */
    kind: z.enum(['share', 'ratio', 'count', 'amount']),
    value: z.number().finite().nonnegative().max(1e9),
    qualifier: qualifierSchema.optional(),
    /** A share published as "1 sur 10", "2/3": said that way rather than as a percentage. */
    fraction: z.strictObject({ numerator: z.number().int().min(1).max(100), denominator: z.number().int().min(2).max(100) }).optional(),
    /**
     * What the figure counts: collectivités (or their mairies), people (agents, élus: never set against a
     * commune as if it were a share of communes), incidents, or something else.
     */
    counts: z.enum(['collectivites', 'people', 'incidents', 'other']),
    /** What the figure counts, in plain words (a title, e.g. "Collectivités sans PCA"). */
    subject: benchmarkLocalizedSchema,
    /** The figure as a sentence with {{value}}, exactly as far as the source goes and no further. */
    statement: benchmarkLocalizedSchema,
    /** The wording of the survey question, or of the indicator as published when the question is not public. */
    surveyQuestion: benchmarkLocalizedSchema,
    surveyQuestionKind: z.enum(['question', 'published-indicator']),
    /** Who was asked, in plain words (survey scope, respondents). */
    population: benchmarkLocalizedSchema,
    sampleSize: z.number().int().positive().max(1e9).nullable(),
    stratum: stratumSchema.optional(),
    /** This figure is the size-stratum breakdown of that indicator (used instead of it for communes of that size). */
    stratumOf: idSchema.optional(),
    /** The year the data describes. */
    year: z.number().int().min(1990).max(2100),
    publishedAt: partialDateSchema,
    publisher: benchmarkLocalizedSchema,
    documentTitle: benchmarkLocalizedSchema,
    url: urlSchema.nullable(),
    /** Articles through which the figure is known (press relays), when they are not the document itself. */
    reportedIn: z.array(publicationSchema).max(20).optional(),
    /** Which publication of a survey in several waves (first results, consolidated…); null for a one-off. */
    wave: z.strictObject({ id: idSchema, label: benchmarkLocalizedSchema }).nullable(),
    /** P primary source checked, S secondary source, ~ partly, NV only in the press articles (see benchmarks.md). */
    verification: z.enum(['P', 'S', '~', 'NV']),
    /**
     * Present when a question may set the commune's answer beside this figure: the figure is quoted as published,
     * then the commune's own answer is said (inGroup: it is in the situation the figure counts). A share of
     * collectivités is a comparison; a share of people is context beside the answer.
     */
    comparison: z.strictObject({ inGroup: comparisonSideSchema, outOfGroup: comparisonSideSchema }).optional(),
    /** This figure is an earlier wave of that one: shown under « À savoir », never as a second comparison. */
    earlierWaveOf: idSchema.optional(),
    /** The count is wrong or dated: the app sets the official directory's count beside it. */
    correction: directoryCountSchema.optional(),
    /**
     * Other numbers the publication states and the texts repeat (population thresholds, periods, edition
     * numbers). Any other number in a text of the figure is refused.
     */
    publishedNumbers: z.array(z.number().finite().nonnegative().max(1e9)).max(20).optional(),
    /** Themes where the figure is shown as context (never as a comparison). */
    contextThemes: z.array(idSchema).max(50).optional(),
    /** A caution about the figure (truncated quote, disagreement with official counts…). */
    note: benchmarkLocalizedSchema.optional(),
  });

export const indicatorSchema = indicatorShape.superRefine((indicator, ctx) => {
  if (indicator.kind === 'share' && indicator.value > 1) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'a share must be between 0 and 1' });
  }
  if (indicator.comparison && indicator.kind !== 'share') {
    ctx.addIssue({ code: 'custom', path: ['comparison'], message: 'only a share can be compared' });
  }
  if (!indicator.statement.fr.includes('{{value}}') || !indicator.statement.en.includes('{{value}}')) {
    ctx.addIssue({ code: 'custom', path: ['statement'], message: 'must contain {{value}}' });
  }
  if (indicator.stratumOf !== undefined && indicator.stratum === undefined) {
    ctx.addIssue({ code: 'custom', path: ['stratum'], message: 'a stratum breakdown needs its stratum' });
  }
  if (indicator.comparison) {
    if (indicator.counts !== 'collectivites' && indicator.counts !== 'people') {
      ctx.addIssue({ code: 'custom', path: ['comparison'], message: 'only a share of collectivités or of people is set beside an answer' });
    }
    if (indicator.year < MIN_COMPARISON_YEAR || (indicator.verification !== 'P' && indicator.verification !== 'S')) {
      ctx.addIssue({ code: 'custom', path: ['comparison'], message: `an old (before ${MIN_COMPARISON_YEAR}) or unverified figure is context, never a comparison` });
    }
    if (indicator.earlierWaveOf !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['comparison'], message: 'an earlier wave is shown under « À savoir », never as a comparison' });
    }
  }
  if (indicator.fraction) {
    const { numerator, denominator } = indicator.fraction;
    if (indicator.kind !== 'share' || numerator >= denominator || Math.abs(numerator / denominator - indicator.value) > 0.01) {
      ctx.addIssue({ code: 'custom', path: ['fraction'], message: 'must be the share, as a fraction' });
    }
  }
  if (indicator.correction && indicator.kind !== 'count') {
    ctx.addIssue({ code: 'custom', path: ['correction'], message: 'only a count can be corrected' });
  }
  checkNumbers(indicator, ctx);
});

type IndicatorShape = z.infer<typeof indicatorShape>;

/** The numbers a text of this figure may say: its own published ones and years. */
function allowedNumbers(indicator: IndicatorShape): Set<number> {
  const allowed = new Set<number>(indicator.publishedNumbers ?? []);
  allowed.add(indicator.value);
  if (indicator.kind === 'share') allowed.add(Math.round(indicator.value * 1000) / 10);
  if (indicator.sampleSize !== null) allowed.add(indicator.sampleSize);
  if (indicator.fraction) [indicator.fraction.numerator, indicator.fraction.denominator].forEach((n) => allowed.add(n));
  for (const bound of [indicator.stratum?.minPopulation, indicator.stratum?.maxPopulation]) if (bound !== undefined) allowed.add(bound);
  return allowed;
}

/** Every number in every text of the figure is one that was published (or a year): no computed share slips in. */
function checkNumbers(indicator: IndicatorShape, ctx: z.RefinementCtx): void {
  const allowed = allowedNumbers(indicator);
  const texts: [path: PropertyKey[], text: { fr: string; en: string } | undefined][] = [
    [['subject'], indicator.subject],
    [['statement'], indicator.statement],
    [['surveyQuestion'], indicator.surveyQuestion],
    [['population'], indicator.population],
    [['publisher'], indicator.publisher],
    [['documentTitle'], indicator.documentTitle],
    [['wave', 'label'], indicator.wave?.label],
    [['stratum', 'label'], indicator.stratum?.label],
    [['note'], indicator.note],
  ];
  for (const [path, localized] of texts) {
    if (!localized) continue;
    for (const language of ['fr', 'en'] as const) {
      const stray = numbersInText(localized[language].split('{{value}}').join(' '), language).find((n) => !isYear(n) && !allowed.has(n));
      if (stray !== undefined) {
        ctx.addIssue({ code: 'custom', path: [...path, language], message: `says ${stray}, which is not a published number of this figure` });
      }
    }
  }
}

export const MAX_INDICATORS = 2000;

export const unsurveyedSchema = z.strictObject({
  id: idSchema,
  /** The topic as a noun phrase with its article: "la double authentification". */
  topic: answerSchema,
  themes: z.array(idSchema).min(1).max(50),
});

export const benchmarkDatasetSchema = z
  .strictObject({
    format: z.literal(BENCHMARK_FORMAT),
    formatVersion: z.literal(BENCHMARK_FORMAT_VERSION),
    /** Stable id of the dataset; a newer file of the same dataset keeps it. */
    id: idSchema,
    /** Raised by one at every release of the dataset; a device only ever moves to a higher version. */
    version: z.number().int().positive().max(1e6),
    publishedAt: partialDateSchema,
    title: benchmarkLocalizedSchema,
    indicators: z.array(indicatorSchema).min(1).max(MAX_INDICATORS),
    /** Topics no national survey has a figure on: the results say so plainly rather than staying silent. */
    unsurveyed: z.array(unsurveyedSchema).max(50),
  })
  .superRefine((dataset, ctx) => {
    const byId = new Map<string, z.infer<typeof indicatorSchema>>();
    dataset.indicators.forEach((indicator, index) => {
      if (byId.has(indicator.id)) {
        ctx.addIssue({ code: 'custom', path: ['indicators', index, 'id'], message: `indicator id "${indicator.id}" is used twice` });
      }
      byId.set(indicator.id, indicator);
    });
    dataset.indicators.forEach((indicator, index) => {
      if (indicator.earlierWaveOf === undefined) return;
      const later = byId.get(indicator.earlierWaveOf);
      if (!later || later.earlierWaveOf !== undefined || later.id === indicator.id || later.publishedAt < indicator.publishedAt) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', index, 'earlierWaveOf'],
          message: `"${indicator.earlierWaveOf}" is not a later wave this one can stand under`,
        });
      }
    });
    dataset.indicators.forEach((indicator, index) => {
      if (indicator.stratumOf === undefined) return;
      const parent = byId.get(indicator.stratumOf);
      if (!parent || parent.stratumOf !== undefined || parent.id === indicator.id) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', index, 'stratumOf'],
          message: `"${indicator.stratumOf}" is not an indicator this one can break down`,
        });
      }
    });
  });

export type BenchmarkLocalized = z.infer<typeof benchmarkLocalizedSchema>;
export type Stratum = z.infer<typeof stratumSchema>;
export type Qualifier = z.infer<typeof qualifierSchema>;
export type Publication = z.infer<typeof publicationSchema>;
export type BenchmarkIndicator = z.infer<typeof indicatorSchema>;
export type BenchmarkDataset = z.infer<typeof benchmarkDatasetSchema>;
export type DirectoryCount = z.infer<typeof directoryCountSchema>;
export type Unsurveyed = z.infer<typeof unsurveyedSchema>;
