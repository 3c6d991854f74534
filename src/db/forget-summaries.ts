/**
 * Deleting audits deletes what the EPCI view keeps of them: the summary packs holding them are rewritten without
 * their rows (a summary is scores and gaps of a commune: an erased audit leaves nothing behind).
 */
import { db } from './database';
import { packWithout } from './summary-pack';

/** To be called inside a read-write transaction over summaryPacks, with the deletion of the audits. */
export async function forgetSummaries(auditIds: readonly string[]): Promise<void> {
  if (auditIds.length === 0) return;
  const gone = new Set(auditIds);
  for (const pack of await db.summaryPacks.toArray()) {
    if (!pack.auditIds.some((id) => gone.has(id))) continue;
    const kept = packWithout(pack, gone);
    if (kept) await db.summaryPacks.put(kept);
    else await db.summaryPacks.delete(pack.id);
  }
}
