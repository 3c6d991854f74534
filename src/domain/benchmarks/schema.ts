/**
 * Zod schema of a benchmark dataset file (questionnaires/benchmarks/*.json, or a newer file imported by a user or
 * an OPSN): the one description of its shape. Strict at every level: a key this app does not know is refused
 * rather than half read.
 */
import { z } from 'zod';
import { idSchema } from '../questionnaire/schema';

/** The marker every benchmark file carries; anything else is "not ours". */
export const BENCHMARK_FORMAT = 'cyberdiag-benchmarks';
/**
 * The version of the file layout this app reads. A file with a higher formatVersion was written for a newer app
 * and is refused ("newer-format"); an older one would go through an upgrader (none exist yet: this is version 1).
 */
export const BENCHMARK_FORMAT_VERSION = 1;

const MAX_TEXT = 2000;
const text = z.string().trim().min(1).max(MAX_TEXT);

export const benchmarkLocalizedSchema = z.strictObject({ fr: text, en: text });

const SHARE_PLACEHOLDER = '{{share}}';
/** A sentence template: must say the figure, so it must hold {{share}} in both languages. */
const templateSchema = z.strictObject({
  fr: text.refine((s) => s.includes(SHARE_PLACEHOLDER), `must contain ${SHARE_PLACEHOLDER}`),
  en: text.refine((s) => s.includes(SHARE_PLACEHOLDER), `must contain ${SHARE_PLACEHOLDER}`),
});

/** YYYY, YYYY-MM or YYYY-MM-DD: a publication is often only known to the month. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/** Only web addresses: an imported file must not be able to put a javascript: link on screen. */
const urlSchema = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(MAX_TEXT);

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

/** One side of a comparison: a short label for the chart and the clause said to the commune. */
const comparisonSideSchema = z.strictObject({
  label: benchmarkLocalizedSchema,
  sentence: templateSchema,
});

/** How a published figure was worded: "nearly 2 in 10" is not "20 %". */
export const qualifierSchema = z.enum(['about', 'nearly', 'just-over', 'more-than', 'less-than']);

export const publicationSchema = z.strictObject({
  publisher: benchmarkLocalizedSchema,
  title: benchmarkLocalizedSchema,
  url: urlSchema.nullable(),
  publishedAt: partialDateSchema,
});

export const indicatorSchema = z
  .strictObject({
    id: idSchema,
    /** share: a proportion from 0 to 1; ratio: a multiplier (×4); count: a number of things. */
    kind: z.enum(['share', 'ratio', 'count']),
    value: z.number().finite().nonnegative().max(1e9),
    qualifier: qualifierSchema.optional(),
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
    /** Present when a commune's answer can be placed inside or outside the group the figure counts. */
    comparison: z.strictObject({ inGroup: comparisonSideSchema, outOfGroup: comparisonSideSchema }).optional(),
    /** Themes where the figure is shown as context (never as a comparison). */
    contextThemes: z.array(idSchema).max(50).optional(),
    /** A caution about the figure (truncated quote, disagreement with official counts…). */
    note: benchmarkLocalizedSchema.optional(),
  })
  .superRefine((indicator, ctx) => {
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
  });

export const MAX_INDICATORS = 2000;

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
