/**
 * Format version 0: the prototype's export (never written by a released app), kept with its upgrader so the
 * upgrade path is real and tested before the first real change of format. Flat commune profiles, answers as
 * bare option ids ("dont-know" for "je ne sais pas"), no plan items, no encryption.
 */
import { z } from 'zod';
import { PROFILE_LIMITS } from '../audit/types';
import { EXPORT_FORMAT_ID } from './export-format';
import { isoDateTimeSchema, recordIdSchema, stableIdSchema } from './schema-v1';

const count = (limits: { min: number; max: number }) => z.number().int().min(limits.min).max(limits.max);

export const V0_DONT_KNOW = 'dont-know';

export const exportDocumentV0Schema = z.strictObject({
  format: z.literal(EXPORT_FORMAT_ID),
  version: z.literal(0),
  exportedAt: isoDateTimeSchema,
  communes: z
    .array(
      z.strictObject({
        id: recordIdSchema,
        name: z.string().max(120),
        insee: z.string().max(5),
        population: count(PROFILE_LIMITS.population),
        agents: count(PROFILE_LIMITS.agents),
        computers: count(PROFILE_LIMITS.computers),
        itProvider: z.boolean(),
        hasServer: z.boolean(),
        createdAt: isoDateTimeSchema,
      }),
    )
    .max(100_000),
  audits: z
    .array(
      z.strictObject({
        id: recordIdSchema,
        communeId: recordIdSchema,
        questionnaireId: stableIdSchema,
        questionnaireVersion: z.number().int().min(1).max(1_000_000),
        auditor: z.string().max(120),
        completed: z.boolean(),
        answers: z.record(stableIdSchema, stableIdSchema),
        startedAt: isoDateTimeSchema,
        updatedAt: isoDateTimeSchema,
      }),
    )
    .max(500_000),
});

export type ExportDocumentV0 = z.output<typeof exportDocumentV0Schema>;
