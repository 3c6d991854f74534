/** Pure record upgrades run by Dexie's .upgrade() hooks; each is tested on fixtures of the older version. */
import { columnsOfPacked } from '../domain/epci/summary-codec';
import type { AuditRecord, AuditSummaryRecord, SummaryPackRecord } from './records';
import { withSummaryDigest } from './summary-digest-middleware';
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
      // A version 4 summary has no digest: stale since version 7 (markPackStale), made again when next needed.
      packs.push(packRecord(newId(), derivationKey, chunk.map((r) => ({ ...r, digest: '' })), summaries));
    }
  }
  return packs;
}

/** v6 → v7: every audit gains the digest of what its EPCI summary is made of (summaryDigest). */
export const upgradeAuditToV7 = (audit: AuditRecord): AuditRecord => withSummaryDigest(audit);

/**
 * v6 → v7: the summaries made before version 7 were kept while their audit's updatedAt matched, and a copy with
 * the same updatedAt may have brought other answers: none of them is trusted to match its audit. Each is marked
 * stale (an empty digest, no audit's) rather than deleted, and the EPCI view makes it again when it is next needed.
 */
export const markPackStale = (pack: Omit<SummaryPackRecord, 'digests'> & { digests?: string[] }): SummaryPackRecord => ({
  ...pack,
  digests: pack.auditIds.map(() => ''),
});
