/** Pure record upgrades run by Dexie's .upgrade() hooks; each is tested on fixtures of the older version. */
import { columnsOfPacked } from '../domain/epci/summary-codec';
import { withStorableAnswerStamps } from '../domain/exchange/check-answers';
import { storableInstant } from '../domain/instant';
import type { AuditRecord, AuditSummaryRecord, CommuneRecord, OutboxRecord, PlanItemRecord, SummaryPackRecord } from './records';
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

/*
 * v7 → v8: every stamp written as the app writes its own (storableInstant: UTC, 24 characters). Until version 8 the
 * import door stored a file's stamps as written, offsets included, and text order (sortBy, the updatedAt indexes)
 * was then not instant order. Each upgrade returns the record itself when nothing changes, so that the upgrade
 * writes back only the records a file brought with offsets.
 */

/** The stamp in UTC; one the app could not write (the door never stored one) is left as it is. */
const utc = (iso: string): string => storableInstant(iso) ?? iso;
const utcOrNull = (iso: string | null): string | null => (iso === null ? null : utc(iso));

export function upgradeCommuneToV8(commune: CommuneRecord): CommuneRecord {
  const createdAt = utc(commune.createdAt);
  const updatedAt = utc(commune.updatedAt);
  return createdAt === commune.createdAt && updatedAt === commune.updatedAt ? commune : { ...commune, createdAt, updatedAt };
}

/** The digest is made again for an audit whose dates change: they are part of what its EPCI summary shows. */
export function upgradeAuditToV8(audit: AuditRecord): AuditRecord {
  const answers = withStorableAnswerStamps(audit.answers);
  const startedAt = utc(audit.startedAt);
  const updatedAt = utc(audit.updatedAt);
  const completedAt = utcOrNull(audit.completedAt);
  const unchanged = answers === audit.answers && startedAt === audit.startedAt && updatedAt === audit.updatedAt && completedAt === audit.completedAt;
  return unchanged ? audit : withSummaryDigest({ ...audit, answers, startedAt, updatedAt, completedAt });
}

export function upgradePlanItemToV8(item: PlanItemRecord): PlanItemRecord {
  const updatedAt = utc(item.updatedAt);
  return updatedAt === item.updatedAt ? item : { ...item, updatedAt };
}

/** The version sent is its audit's updatedAt, compared as it is stored: both change together. */
export function upgradeOutboxToV8(record: OutboxRecord): OutboxRecord {
  const versionDate = utc(record.versionDate);
  return versionDate === record.versionDate ? record : { ...record, versionDate };
}
