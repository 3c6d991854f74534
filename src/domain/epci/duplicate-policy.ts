/**
 * What the EPCI's bulk import does with an audit already on the device, without asking 35,000 times: a copy
 * updated since (the commune sent its audit again after changing it) replaces the device's; an identical or
 * older copy is skipped as a duplicate. Within one batch, the first copy of an audit is kept.
 */
import type { AuditConflict, ConflictDecision } from '../exchange/plan-import';

/** `deviceUpdatedAt`: when the device's copy was last changed (undefined if unknown: then it is kept). */
export function decideDuplicate(conflict: AuditConflict, deviceUpdatedAt: string | undefined): ConflictDecision {
  if (conflict.existing.source === 'batch' || deviceUpdatedAt === undefined) return 'keep-existing';
  return conflict.imported.updatedAt > deviceUpdatedAt ? 'replace' : 'keep-existing';
}
