/** Zod schema of the action catalogue (questionnaires/actions/<theme>.json): what a commune can do about a gap. */
import { z } from 'zod';
import { idSchema, localizedSchema } from '../questionnaire/schema';

/** Who carries the action out (guidance.md §0 "Qui agit"). */
export const actorSchema = z.enum(['elected', 'secretary', 'provider', 'epci-opsn-cdg', 'conseiller-numerique']);

/** 0 €, € (< 500 €/yr), €€ (500–3,000 €/yr), €€€ (> 3,000 €/yr or a one-off > 3,000 €). */
export const costBandSchema = z.enum(['free', 'low', 'medium', 'high']);

/** immédiat (< 1 month), within 3 months, within 12 months. */
export const timeframeSchema = z.enum(['immediate', 'within-3-months', 'within-12-months']);

/** A pooled answer an EPCI, an OPSN or a centre de gestion can offer its members (used by the EPCI view). */
export const pooledOfferSchema = z.enum([
  'shared-backup',
  'shared-rssi',
  'group-edr',
  'joint-awareness',
  'shared-dpo',
  'group-purchase',
  'shared-crisis-plan',
  'shared-it-support',
]);

export const resourceSchema = z.strictObject({
  title: localizedSchema,
  publisher: z.enum(['anssi', 'cybermalveillance', 'cnil', '17cyber', 'cnfpt', 'dinum', 'other']),
  url: z.url({ protocol: /^https$/ }),
});

export const fundingSchema = z.strictObject({
  title: localizedSchema,
  description: localizedSchema,
  url: z.url({ protocol: /^https$/ }).optional(),
});

export const actionSchema = z.strictObject({
  id: idSchema,
  title: localizedSchema,
  why: localizedSchema,
  steps: z.array(localizedSchema).min(1),
  who: z.array(actorSchema).min(1),
  cost: costBandSchema,
  timeframe: timeframeSchema,
  /** Work it takes, 1 (an hour or two) to 3 (a project): divides the risk removed when ranking the plan. */
  effort: z.number().int().min(1).max(3),
  resources: z.array(resourceSchema).default([]),
  funding: z.array(fundingSchema).default([]),
  pooledOffer: pooledOfferSchema.optional(),
});

export const actionFileSchema = z.strictObject({
  themeId: idSchema,
  actions: z.array(actionSchema).min(1),
});

export type Actor = z.infer<typeof actorSchema>;
export type CostBand = z.infer<typeof costBandSchema>;
export type Timeframe = z.infer<typeof timeframeSchema>;
export type PooledOffer = z.infer<typeof pooledOfferSchema>;
export type Action = z.infer<typeof actionSchema>;
export type ActionFile = z.infer<typeof actionFileSchema>;
