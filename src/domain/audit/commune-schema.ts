/** Validation of a commune's identity and profile, shared by the form and the import pipeline. */
import { z } from 'zod';
import { cleanText } from '../exchange/clean-text';
import { TEXT_LIMITS } from '../limits';
import { PROFILE_LIMITS } from './types';

/** INSEE commune code: 5 digits, or 2A/2B + 3 digits for Corsica. */
export const INSEE_PATTERN = /^(\d{5}|2[AB]\d{3})$/;
export const POSTCODE_PATTERN = /^\d{5}$/;
export const SIREN_PATTERN = /^\d{9}$/;

const count = (limits: { min: number; max: number }) =>
  z.number({ error: 'number' }).int('integer').min(limits.min, 'too-small').max(limits.max, 'too-large');

export const communeProfileSchema = z.strictObject({
  population: count(PROFILE_LIMITS.population),
  agents: count(PROFILE_LIMITS.agents),
  computers: count(PROFILE_LIMITS.computers),
  itProvider: z.boolean(),
  hasServer: z.boolean(),
});

/** Cleaned as the import door cleans it: a name of invisible characters only is no name, here as in a file. */
export const communeIdentitySchema = z.strictObject({
  name: z.string().max(TEXT_LIMITS.communeName, 'too-long').transform(cleanText).pipe(z.string().trim().min(1, 'required')),
  insee: z.union([z.literal(''), z.string().regex(INSEE_PATTERN, 'insee')]),
  postcode: z.union([z.literal(''), z.string().regex(POSTCODE_PATTERN, 'postcode')]),
  epciSiren: z.union([z.literal(''), z.string().regex(SIREN_PATTERN, 'siren')]),
  epciName: z.string().max(TEXT_LIMITS.epciName, 'too-long').transform(cleanText).pipe(z.string().trim()),
});

export const communeInputSchema = communeIdentitySchema.extend({ profile: communeProfileSchema });
export type CommuneInputData = z.infer<typeof communeInputSchema>;
