/** Reading and writing communes. */
import { communeInputSchema } from '../domain/audit/commune-schema';
import type { CommuneProfile } from '../domain/audit/types';
import { db } from './database';
import { forgetSummaries } from './forget-summaries';
import type { CommuneRecord } from './records';

export type CommuneInput = Pick<CommuneRecord, 'name' | 'insee' | 'postcode' | 'epciSiren' | 'epciName'> & {
  profile: CommuneProfile;
};

/**
 * The commune as the form's schema checks and cleans it (the limits and cleaning of the import door): what is
 * stored here always reads back from a backup. The form has already shown the user any problem.
 */
function checked(input: CommuneInput): CommuneInput {
  const result = communeInputSchema.safeParse(input);
  if (!result.success) throw new Error(`commune refused: ${result.error.issues[0]?.path.join('.') ?? ''} ${result.error.issues[0]?.message ?? ''}`);
  return result.data;
}

export async function createCommune(input: CommuneInput, now = new Date()): Promise<CommuneRecord> {
  const stamp = now.toISOString();
  const record: CommuneRecord = { id: crypto.randomUUID(), ...checked(input), createdAt: stamp, updatedAt: stamp };
  await db.communes.add(record);
  return record;
}

export async function updateCommune(id: string, input: CommuneInput, now = new Date()): Promise<void> {
  await db.communes.update(id, { ...checked(input), updatedAt: now.toISOString() });
}

export function getCommune(id: string): Promise<CommuneRecord | undefined> {
  return db.communes.get(id);
}

/**
 * Deletes a commune with its audits, their plans, their summaries in the EPCI view and their places in the
 * mailbox's outbox, in one transaction.
 */
export async function deleteCommune(id: string): Promise<void> {
  await db.transaction('rw', [db.communes, db.audits, db.planItems, db.summaryPacks, db.outbox], async () => {
    const auditIds = await db.audits.where('communeId').equals(id).primaryKeys();
    await db.planItems.where('auditId').anyOf(auditIds).delete();
    await db.audits.bulkDelete(auditIds);
    await db.outbox.bulkDelete(auditIds);
    await db.communes.delete(id);
    await forgetSummaries(auditIds);
  });
}

/** What deleting a commune takes with it, for the confirmation to say so. */
export async function countCommuneData(id: string): Promise<{ audits: number; planItems: number }> {
  const auditIds = await db.audits.where('communeId').equals(id).primaryKeys();
  const planItems = await db.planItems.where('auditId').anyOf(auditIds).count();
  return { audits: auditIds.length, planItems };
}
