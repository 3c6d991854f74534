/**
 * What the EPCI view's figures are made of once an import's records are added: the communes it wrote, and the
 * summaries of the audits it wrote, an updated audit's replacing the one read before. Adding the same records
 * twice changes nothing, so records the first read already saw are no trouble.
 */
import type { CommuneInfo, SummaryEntry } from './epci-row';

export interface ImportedRecords {
  communes: readonly CommuneInfo[];
  entries: readonly SummaryEntry[];
}

export function withImported(
  current: { communes: readonly CommuneInfo[]; entries: readonly SummaryEntry[] },
  imported: ImportedRecords,
): { communes: CommuneInfo[]; entries: SummaryEntry[] } {
  const communes = [...current.communes];
  const known = new Set(communes.map((c) => c.id));
  for (const commune of imported.communes) {
    if (known.has(commune.id)) continue;
    known.add(commune.id);
    communes.push(commune);
  }
  const byAudit = new Map(current.entries.map((e) => [e.auditId, e]));
  for (const entry of imported.entries) byAudit.set(entry.auditId, entry);
  return { communes, entries: [...byAudit.values()] };
}
