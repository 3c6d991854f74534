/**
 * Format version 0: the prototype's export (never written by a released app), kept with its upgrader so the
 * upgrade path is real and tested before the first real change of format. Flat commune profiles, answers as
 * bare option ids ("dont-know" for "je ne sais pas"), no plan items, no encryption.
 */
import { z } from 'zod';
import { PROFILE_LIMITS } from '../audit/types';
import { EXPORT_FORMAT_ID } from './export-format';
import { INSEE_LENGTH, PAYLOAD_LIMITS, QUESTIONNAIRE_VERSIONS, TEXT_LIMITS } from '../limits';
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
        name: z.string().max(TEXT_LIMITS.communeName),
        insee: z.string().max(INSEE_LENGTH),
        population: count(PROFILE_LIMITS.population),
        agents: count(PROFILE_LIMITS.agents),
        computers: count(PROFILE_LIMITS.computers),
        itProvider: z.boolean(),
        hasServer: z.boolean(),
        createdAt: isoDateTimeSchema,
      }),
    )
    .max(PAYLOAD_LIMITS.communes),
  audits: z
    .array(
      z.strictObject({
        id: recordIdSchema,
        communeId: recordIdSchema,
        questionnaireId: stableIdSchema,
        questionnaireVersion: z.number().int().min(QUESTIONNAIRE_VERSIONS.min).max(QUESTIONNAIRE_VERSIONS.max),
        auditor: z.string().max(TEXT_LIMITS.auditor),
        completed: z.boolean(),
        answers: z.record(stableIdSchema, stableIdSchema),
        startedAt: isoDateTimeSchema,
        updatedAt: isoDateTimeSchema,
      }),
    )
    .max(PAYLOAD_LIMITS.audits),
});

export type ExportDocumentV0 = z.output<typeof exportDocumentV0Schema>;
