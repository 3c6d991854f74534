/** Zod schemas for the questionnaire files in questionnaires/: the one description of their shape. */
import { z } from 'zod';

/** Stable ids: kebab-case, never renamed once shipped (a change of meaning is a new questionnaire version). */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id (a-z, 0-9, hyphens)');

export const localizedSchema = z.strictObject({
  fr: z.string().trim().min(1, 'French text is missing'),
  en: z.string().trim().min(1, 'English text is missing'),
});

export const criticalitySchema = z.enum(['critical', 'major', 'minor']);

/** Who can tell the answer when the user does not know it: the "vérifier" action is addressed to them. */
export const knowerSchema = z.enum(['provider', 'software-vendor', 'secretary', 'elected', 'epci', 'dpo']);

/** An option that scores: 1 = best practice in place, 0.5 = partly, 0 = gap. */
export const scoredOptionSchema = z.strictObject({
  id: idSchema,
  label: localizedSchema,
  score: z.number().min(0).max(1),
});

/**
 * A "sans objet" option (version 2): the question does not concern this commune (no online software, no public
 * Wi-Fi). The question is then left out of the points, neither earned nor possible, and shown as « sans objet ».
 */
export const notApplicableOptionSchema = z.strictObject({
  id: idSchema,
  label: localizedSchema,
  notApplicable: z.literal(true),
});

export const optionSchema = z.union([scoredOptionSchema, notApplicableOptionSchema]);

/**
 * Shown only after one of the given answers to an earlier question. `absentIf` (version 2) lists parent options
 * that mean the thing asked about is missing (no backup, no plan): the question is then hidden but still counts,
 * as an implied gap (score 0, its actions in the plan), instead of counting for nothing.
 */
export const answerConditionSchema = z.strictObject({
  question: idSchema,
  anyOf: z.array(idSchema).min(1),
  absentIf: z.array(idSchema).min(1).optional(),
});

const sizeFieldSchema = z.enum(['population', 'agents', 'computers']);

/** One fact about the commune profile. */
export const singleProfileConditionSchema = z.union([
  z.strictObject({ field: z.literal('itProvider'), equals: z.boolean() }),
  z.strictObject({ field: z.literal('hasServer'), equals: z.boolean() }),
  z.strictObject({ field: sizeFieldSchema, below: z.number().int().nonnegative() }),
  z.strictObject({ field: sizeFieldSchema, atLeast: z.number().int().nonnegative() }),
]);

/**
 * Not applicable for a given commune profile (the question is then neither asked nor scored). A list of these
 * is read as OR; `allOf` (version 2) holds when every one of its conditions does (AND).
 */
export const profileConditionSchema = z.union([
  singleProfileConditionSchema,
  z.strictObject({ allOf: z.array(singleProfileConditionSchema).min(1) }),
]);

/**
 * A version 2 question whose id changed but whose answers can be carried from a version 1 question: v1 option
 * id → v2 option id. Options left out of the map are not carried (their meaning changed).
 */
export const replacesSchema = z.strictObject({
  question: idSchema,
  options: z.record(idSchema, idSchema),
});

/**
 * Link to a barometer indicator. `inGroup` lists the options that put the commune inside the population the
 * figure counts, `outOfGroup` those that put it outside; any other answer says nothing about that figure.
 */
export const indicatorLinkSchema = z.strictObject({
  indicator: idSchema,
  inGroup: z.array(idSchema),
  outOfGroup: z.array(idSchema),
});

export const questionSchema = z.strictObject({
  id: idSchema,
  text: localizedSchema,
  help: localizedSchema,
  criticality: criticalitySchema,
  options: z.array(optionSchema).min(2),
  knower: knowerSchema,
  /** A vital control (version 2): anything short of "in place" keeps the level at « Fragile » at best. */
  vital: z.boolean().optional(),
  showIf: answerConditionSchema.optional(),
  notApplicableIf: z.array(profileConditionSchema).optional(),
  indicators: z.array(indicatorLinkSchema).default([]),
  actions: z.array(idSchema).min(1),
  replaces: replacesSchema.optional(),
});

export const themeSchema = z.strictObject({
  id: idSchema,
  title: localizedSchema,
  summary: localizedSchema,
  questions: z.array(questionSchema).min(1),
});

export const manifestSchema = z.strictObject({
  id: idSchema,
  version: z.number().int().positive(),
  title: localizedSchema,
  /** Theme ids, in the order they are asked; each is the file questionnaires/themes/<id>.json. */
  themes: z.array(idSchema).min(1),
});

export type Localized = z.infer<typeof localizedSchema>;
export type Criticality = z.infer<typeof criticalitySchema>;
export type Knower = z.infer<typeof knowerSchema>;
export type Option = z.infer<typeof optionSchema>;
export type ScoredOption = z.infer<typeof scoredOptionSchema>;
export type AnswerCondition = z.infer<typeof answerConditionSchema>;
export type ProfileCondition = z.infer<typeof profileConditionSchema>;
export type SingleProfileCondition = z.infer<typeof singleProfileConditionSchema>;
export type Replaces = z.infer<typeof replacesSchema>;
export type IndicatorLink = z.infer<typeof indicatorLinkSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Manifest = z.infer<typeof manifestSchema>;

export interface Questionnaire {
  id: string;
  version: number;
  title: Localized;
  themes: Theme[];
}

/** The score of an option, or null for a "sans objet" option (left out of the points). */
export function optionScore(option: Option): number | null {
  return 'score' in option ? option.score : null;
}
