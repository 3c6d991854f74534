/**
 * Turns checked export files into the exact records to write, given what the device already holds and the
 * user's decision for each audit already present. Pure: the repository runs it inside its write transaction.
 */
import type { ExportedAudit, ExportedCommune, ExportedPlanItem, ExportPayload } from './schema-v1';

/** What to do with an imported audit whose id is already on the device (or earlier in the same batch). */
export type ConflictDecision = 'keep-existing' | 'replace' | 'keep-both';
export const CONFLICT_DECISIONS: readonly ConflictDecision[] = ['keep-existing', 'replace', 'keep-both'];

export interface ExistingAuditSummary {
  status: ExportedAudit['status'];
  startedAt: string;
  updatedAt: string;
  answered: number;
}

/** An audit of the device whose id is in the batch; its summary is read only for the conflicts shown to the user. */
export interface ExistingAudit {
  id: string;
  summary?: ExistingAuditSummary | undefined;
}

export interface ImportContext {
  existingAudits: ReadonlyMap<string, ExistingAudit>;
  /** Communes on the device whose id or INSEE code appears in the batch. */
  existingCommunes: ReadonlyArray<{ id: string; insee: string; name: string }>;
}

export interface AuditConflict {
  auditId: string;
  /** The name of the commune in the file. */
  communeName: string;
  imported: { status: ExportedAudit['status']; startedAt: string; updatedAt: string; answered: number };
  /** What the import would overwrite: the device's copy, or an earlier file of the same batch. */
  existing: { source: 'device'; summary?: ExistingAuditSummary | undefined } | { source: 'batch' };
}

export interface ImportSummary {
  auditsAdded: number;
  auditsReplaced: number;
  auditsKeptBoth: number;
  auditsSkipped: number;
  communesAdded: number;
  communesReused: number;
  planItems: number;
}

export interface ImportPlan {
  communes: ExportedCommune[];
  audits: ExportedAudit[];
  planItems: ExportedPlanItem[];
  /** Audits of the device being replaced: their plan items are deleted before the imported ones are written. */
  replacedAuditIds: string[];
  summary: ImportSummary;
  /** One summary per file, in the order given. */
  perFile: ImportSummary[];
}

export interface PlanOptions {
  decide: (conflict: AuditConflict) => ConflictDecision;
  newId: () => string;
}

const answeredCount = (audit: ExportedAudit) => Object.keys(audit.answers).length;

/**
 * The audits of the batch that collide with the device or with an earlier file, once per audit id, in file
 * order. A decision is taken per audit id and applies to every copy of it in the batch.
 */
export function findConflicts(files: readonly ExportPayload[], context: ImportContext): AuditConflict[] {
  const seen = new Set<string>();
  const reported = new Set<string>();
  const conflicts: AuditConflict[] = [];
  for (const payload of files) {
    const communeNames = new Map(payload.communes.map((c) => [c.id, c.name]));
    for (const audit of payload.audits) {
      const conflict = reported.has(audit.id) ? null : conflictOf(audit, communeNames.get(audit.communeId) ?? '', context, seen);
      if (conflict) {
        conflicts.push(conflict);
        reported.add(audit.id);
      }
      seen.add(audit.id);
    }
  }
  return conflicts;
}

function conflictOf(
  audit: ExportedAudit,
  communeName: string,
  context: ImportContext,
  inBatch: { has(id: string): boolean },
): AuditConflict | null {
  const onDevice = context.existingAudits.get(audit.id);
  const imported = { status: audit.status, startedAt: audit.startedAt, updatedAt: audit.updatedAt, answered: answeredCount(audit) };
  if (onDevice) return { auditId: audit.id, communeName, imported, existing: { source: 'device', summary: onDevice.summary } };
  return inBatch.has(audit.id) ? { auditId: audit.id, communeName, imported, existing: { source: 'batch' } } : null;
}

const emptySummary = (): ImportSummary => ({
  auditsAdded: 0,
  auditsReplaced: 0,
  auditsKeptBoth: 0,
  auditsSkipped: 0,
  communesAdded: 0,
  communesReused: 0,
  planItems: 0,
});

export function planImport(files: readonly ExportPayload[], context: ImportContext, { decide, newId }: PlanOptions): ImportPlan {
  const communeById = new Map<string, string>();
  const communeByInsee = new Map<string, string>();
  for (const commune of context.existingCommunes) {
    communeById.set(commune.id, commune.id);
    if (commune.insee && !communeByInsee.has(commune.insee)) communeByInsee.set(commune.insee, commune.id);
  }
  const communes: ExportedCommune[] = [];
  const audits = new Map<string, ExportedAudit>();
  const planItems = new Map<string, ExportedPlanItem[]>();
  const replaced = new Set<string>();
  const perFile: ImportSummary[] = [];

  for (const payload of files) {
    const summary = emptySummary();
    perFile.push(summary);
    const communeNames = new Map(payload.communes.map((c) => [c.id, c.name]));

    // 1. Which audits are written, and under which id.
    const finalIds = new Map<string, string>();
    for (const audit of payload.audits) {
      const conflict = conflictOf(audit, communeNames.get(audit.communeId) ?? '', context, audits);
      const decision = conflict ? decide(conflict) : null;
      if (decision === null) {
        finalIds.set(audit.id, audit.id);
        summary.auditsAdded++;
      } else if (decision === 'keep-existing') {
        summary.auditsSkipped++;
      } else if (decision === 'keep-both') {
        finalIds.set(audit.id, newId());
        summary.auditsKeptBoth++;
      } else {
        finalIds.set(audit.id, audit.id);
        if (context.existingAudits.has(audit.id)) replaced.add(audit.id);
        // A later file of the batch wins over an earlier one, plan included.
        audits.delete(audit.id);
        planItems.delete(audit.id);
        summary.auditsReplaced++;
      }
    }

    // 2. Communes: reused when the device (or an earlier file) has the same id or INSEE code; otherwise added,
    // unless every audit that needed it was skipped.
    const needed = new Set<string>();
    const referenced = new Set<string>();
    for (const audit of payload.audits) {
      referenced.add(audit.communeId);
      if (finalIds.has(audit.id)) needed.add(audit.communeId);
    }
    const resolved = new Map<string, string>();
    for (const commune of payload.communes) {
      if (referenced.has(commune.id) && !needed.has(commune.id)) continue;
      const match = communeById.get(commune.id) ?? (commune.insee ? communeByInsee.get(commune.insee) : undefined);
      if (match !== undefined) {
        resolved.set(commune.id, match);
        summary.communesReused++;
        continue;
      }
      communes.push(commune);
      resolved.set(commune.id, commune.id);
      communeById.set(commune.id, commune.id);
      if (commune.insee && !communeByInsee.has(commune.insee)) communeByInsee.set(commune.insee, commune.id);
      summary.communesAdded++;
    }

    // 3. Audits and plan items, with ids remapped (a re-audit's link follows its predecessor's new id).
    for (const audit of payload.audits) {
      const id = finalIds.get(audit.id);
      const communeId = resolved.get(audit.communeId);
      if (id === undefined || communeId === undefined) continue;
      const previous = audit.previousAuditId;
      // Spreading is safe here: these objects were built by the strict schema, not taken from the file.
      audits.set(id, {
        ...audit,
        id,
        communeId,
        previousAuditId: previous === null ? null : (finalIds.get(previous) ?? previous),
        origin: 'imported',
      });
    }
    for (const item of payload.planItems) {
      const auditId = finalIds.get(item.auditId);
      const communeId = resolved.get(item.communeId);
      if (auditId === undefined || communeId === undefined) continue;
      const list = planItems.get(auditId) ?? [];
      list.push({ ...item, auditId, communeId });
      planItems.set(auditId, list);
      summary.planItems++;
    }
  }

  const total = emptySummary();
  for (const summary of perFile) {
    for (const key of Object.keys(total) as (keyof ImportSummary)[]) total[key] += summary[key];
  }
  return {
    communes,
    audits: [...audits.values()],
    planItems: [...planItems.values()].flat(),
    replacedAuditIds: [...replaced],
    summary: total,
    perFile,
  };
}
