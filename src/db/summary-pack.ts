/** Building the EPCI view's summary packs (table summaryPacks): one record, in columns, for many audits' summaries. */
import { selectSummaryRows, type SummaryColumns } from '../domain/epci/summary-codec';
import type { AuditStatus, SummaryPackRecord } from './records';

/** Entries per pack when summaries are packed in bulk (upgrade, compaction): a few hundred kilobytes a record. */
export const SUMMARY_PACK_SIZE = 5_000;

/** What a pack keeps of each audit besides its summary. */
export interface PackRow {
  auditId: string;
  communeId: string;
  auditUpdatedAt: string;
  /** The digest of what the summary was made of (summaryDigest); '' marks it stale. */
  digest: string;
  status: AuditStatus;
  completedAt: string | null;
  population: number;
}

/** The pack of these rows, whose summaries are `summaries`, row for row. */
export function packRecord(id: string, derivationKey: string, rows: readonly PackRow[], summaries: SummaryColumns): SummaryPackRecord {
  return {
    id,
    derivationKey,
    auditIds: rows.map((r) => r.auditId),
    communeIds: rows.map((r) => r.communeId),
    auditUpdatedAt: rows.map((r) => r.auditUpdatedAt),
    digests: rows.map((r) => r.digest),
    statuses: rows.map((r) => r.status),
    completedAt: rows.map((r) => r.completedAt),
    populations: rows.map((r) => r.population),
    summaries,
  };
}

/** The pack without the rows of these audits; null when none is left. */
export function packWithout(pack: SummaryPackRecord, auditIds: ReadonlySet<string>): SummaryPackRecord | null {
  const keep = pack.auditIds.map((id) => !auditIds.has(id));
  const pick = <T>(column: readonly T[]) => column.filter((_, row) => keep[row]);
  const rows = keep.flatMap((kept, row) => (kept ? [row] : []));
  if (rows.length === 0) return null;
  return {
    ...pack,
    auditIds: pick(pack.auditIds),
    communeIds: pick(pack.communeIds),
    auditUpdatedAt: pick(pack.auditUpdatedAt),
    digests: pick(pack.digests),
    statuses: pick(pack.statuses),
    completedAt: pick(pack.completedAt),
    populations: pick(pack.populations),
    summaries: selectSummaryRows(pack.summaries, rows),
  };
}
