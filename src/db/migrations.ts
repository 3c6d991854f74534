/** Pure record upgrades run by Dexie's .upgrade() hooks; each is tested on fixtures of the older version. */
import { columnsOfPacked } from '../domain/epci/summary-codec';
import type { AuditRecord, AuditSummaryRecord, SummaryPackRecord } from './records';
import { packRecord, SUMMARY_PACK_SIZE } from './summary-pack';

/** v1 → v2: audits gain `origin`; everything made before version 2 was made on the device. */
export function upgradeAuditToV2(audit: Omit<AuditRecord, 'origin'> & { origin?: AuditRecord['origin'] }): AuditRecord {
  return { ...audit, origin: audit.origin ?? 'local' };
}

/**
 * v4 → v5: the one-record-per-audit summaries become packs, grouped by derivation key, as they were (same
 * figures, same key: nothing is made again). Summaries of mismatched shapes are left out; the EPCI view makes
 * any missing summary again from its audit.
 */
export function packV4Summaries(records: readonly AuditSummaryRecord[], newId: () => string): SummaryPackRecord[] {
  const byKey = new Map<string, AuditSummaryRecord[]>();
  for (const record of records) {
    const group = byKey.get(record.derivationKey);
    if (group) group.push(record);
    else byKey.set(record.derivationKey, [record]);
  }
  const packs: SummaryPackRecord[] = [];
  for (const [derivationKey, group] of byKey) {
    for (let start = 0; start < group.length; start += SUMMARY_PACK_SIZE) {
      const chunk = group.slice(start, start + SUMMARY_PACK_SIZE);
      const summaries = columnsOfPacked(chunk.map((r) => r.summary));
      if (summaries === null) continue;
      packs.push(packRecord(newId(), derivationKey, chunk, summaries));
    }
  }
  return packs;
}
