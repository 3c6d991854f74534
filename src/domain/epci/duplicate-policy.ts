/**
 * What the EPCI's bulk import does with an audit already on the device, without asking 35,000 times: a copy
 * updated since (the commune sent its audit again after changing it) replaces the device's; an identical or
 * older copy is skipped as a duplicate. An audit met again later in the same batch is judged the same way
 * against the copy already taken.
 */
import type { ConflictDecision } from '../exchange/plan-import';
import { compareInstants } from '../instant';

/** null when the audit is not on the device yet (no conflict: it is added). */
export function decideDuplicate(importedUpdatedAt: string, deviceUpdatedAt: string | undefined): ConflictDecision | null {
  if (deviceUpdatedAt === undefined) return null;
  // As instants: "10:00+02:00" is older than "09:30Z".
  return compareInstants(importedUpdatedAt, deviceUpdatedAt) > 0 ? 'replace' : 'keep-existing';
}
