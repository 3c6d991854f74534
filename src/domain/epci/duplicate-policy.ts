/**
 * What the EPCI's bulk import does with an audit already on the device, without asking 35,000 times: a copy
 * updated since (the commune sent its audit again after changing it) replaces the device's; an identical or
 * older copy is skipped as a duplicate. Within one batch, the first copy of an audit is kept.
 */
import type { AuditConflict, ConflictDecision } from '../exchange/plan-import';

export function decideDuplicate(conflict: AuditConflict): ConflictDecision {
  if (conflict.existing.source === 'batch') return 'keep-existing';
  return conflict.imported.updatedAt > conflict.existing.updatedAt ? 'replace' : 'keep-existing';
}
