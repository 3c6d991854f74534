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

export const optionSchema = z.strictObject({
  id: idSchema,
  label: localizedSchema,
  /** 1 = best practice in place, 0.5 = partly, 0 = gap. */
  score: z.number().min(0).max(1),
});

/** Shown only after one of the given answers to an earlier question. */
export const answerConditionSchema = z.strictObject({
  question: idSchema,
  anyOf: z.array(idSchema).min(1),
});

/** Not applicable for a given commune profile (the question is then neither asked nor scored). */
export const profileConditionSchema = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('itProvider'), equals: z.boolean() }),
  z.strictObject({ field: z.literal('hasServer'), equals: z.boolean() }),
  z.strictObject({
    field: z.enum(['population', 'agents', 'computers']),
    below: z.number().int().nonnegative(),
  }),
]);

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
  showIf: answerConditionSchema.optional(),
  notApplicableIf: z.array(profileConditionSchema).optional(),
  indicators: z.array(indicatorLinkSchema).default([]),
  actions: z.array(idSchema).min(1),
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
export type AnswerCondition = z.infer<typeof answerConditionSchema>;
export type ProfileCondition = z.infer<typeof profileConditionSchema>;
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
