/** Pure record upgrades run by Dexie's .upgrade() hooks; each is tested on fixtures of the older version. */
import type { AuditRecord } from './records';

/** v1 → v2: audits gain `origin`; everything made before version 2 was made on the device. */
export function upgradeAuditToV2(audit: Omit<AuditRecord, 'origin'> & { origin?: AuditRecord['origin'] }): AuditRecord {
  return { ...audit, origin: audit.origin ?? 'local' };
}
