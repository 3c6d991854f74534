/**
 * Reading what to export, and writing an import or a restore in ONE transaction: the database is either fully
 * updated or left exactly as it was (a quota error included).
 */
import type { ExchangeErrorCode, Result } from '../domain/exchange/exchange-error';
import { fail, ok } from '../domain/exchange/exchange-error';
import type { ExportContent } from '../domain/exchange/build-export';
import {
  planImport,
  type ConflictDecision,
  type ExistingAudit,
  type ImportContext,
  type ImportPlan,
  type AuditConflict,
} from '../domain/exchange/plan-import';
import type { ExportPayload } from '../domain/exchange/schema-v1';
import { compareInstants } from '../domain/instant';
import { EXCHANGE_SETTING_KEYS } from './backup-settings';
import { db } from './database';
import { SETTING_KEYS } from './settings-repository';
import type { AuditRecord, CommuneRecord, PlanItemRecord, SummaryPackRecord } from './records';

export type ExportSelection = { kind: 'backup' } | { kind: 'audits'; auditIds: readonly string[] };

/** The records to put in a file: the selected audits with their communes and plans, or everything. */
export async function loadExportContent(selection: ExportSelection): Promise<ExportContent> {
  return db.transaction('r', db.communes, db.audits, db.planItems, async () => {
    if (selection.kind === 'backup') {
      const [communes, audits, planItems] = await Promise.all([db.communes.toArray(), db.audits.toArray(), db.planItems.toArray()]);
      return { kind: 'backup', communes, audits, planItems };
    }
    const audits = (await db.audits.bulkGet([...selection.auditIds])).filter((a): a is AuditRecord => a !== undefined);
    const communeIds = [...new Set(audits.map((a) => a.communeId))];
    const communes = (await db.communes.bulkGet(communeIds)).filter((c): c is CommuneRecord => c !== undefined);
    const planItems = await db.planItems.where('auditId').anyOf(audits.map((a) => a.id)).toArray();
    return { kind: 'audits', communes, audits, planItems };
  });
}

/**
 * What in the database the batch can collide with: audits with the same ids, communes with the same id or INSEE.
 * Only keys are read for the audits (re-importing thousands of audits must not load them all); the first
 * `summaries` of them are read in full, to describe the conflicts shown to the user.
 */
export async function loadImportContext(files: readonly ExportPayload[], { summaries = 0 }: { summaries?: number } = {}): Promise<ImportContext> {
  const auditIds = [...new Set(files.flatMap((f) => f.audits.map((a) => a.id)))];
  const communeIds = [...new Set(files.flatMap((f) => f.communes.map((c) => c.id)))];
  const insees = [...new Set(files.flatMap((f) => f.communes.map((c) => c.insee)).filter((insee) => insee !== ''))];
  const [existingIds, byId, byInsee] = await Promise.all([
    db.audits.where(':id').anyOf(auditIds).primaryKeys(),
    db.communes.where(':id').anyOf(communeIds).toArray(),
    insees.length === 0 ? Promise.resolve([]) : db.communes.where('insee').anyOf(insees).toArray(),
  ]);
  const existingAudits = new Map<string, ExistingAudit>(existingIds.map((id) => [id, { id }]));
  if (summaries > 0) {
    for (const a of await db.audits.bulkGet(existingIds.slice(0, summaries))) {
      if (!a) continue;
      existingAudits.set(a.id, {
        id: a.id,
        summary: { status: a.status, startedAt: a.startedAt, updatedAt: a.updatedAt, answered: Object.keys(a.answers).length },
      });
    }
  }
  const existingCommunes = [...byId, ...byInsee].map(({ id, insee, name }) => ({ id, insee, name }));
  return { existingAudits, existingCommunes };
}

export interface AppliedImport {
  summary: ImportPlan['summary'];
  perFile: ImportPlan['perFile'];
}

/**
 * Writes a batch of checked files in one read-write transaction. The context is read again inside it, so the
 * plan is made against exactly what is being written over; `decisions` answers the conflicts shown to the user
 * (an audit id without a decision is kept both ways, which loses nothing).
 */
export async function applyImport(
  files: readonly ExportPayload[],
  decisions: ReadonlyMap<string, ConflictDecision>,
  { now = new Date(), newId = () => crypto.randomUUID() }: { now?: Date; newId?: () => string } = {},
): Promise<Result<AppliedImport>> {
  try {
    const plan = await db.transaction('rw', importTables(), async () => {
      const context = await loadImportContext(files);
      const decide = (conflict: AuditConflict) => decisions.get(conflict.auditId) ?? 'keep-both';
      const planned = planImport(files, context, { decide, newId });
      await writePlannedImport(planned, { now });
      return planned;
    });
    return ok({ summary: plan.summary, perFile: plan.perFile });
  } catch (error) {
    return fail(writeErrorCode(error));
  }
}

/** The tables an import writes: a transaction that calls writePlannedImport spans them all. */
export const importTables = () => [db.communes, db.audits, db.planItems, db.settings, db.summaryPacks];

/**
 * The one write of a planned import, for the backup pages' batch and for each file of an EPCI's import alike; it
 * runs inside the caller's read-write transaction over importTables(), so that the import is all or nothing. Every
 * write is asked for at once, not one after the other: the database works on the communes while the audits are
 * still being handed over, instead of waiting between the two. `pack` holds the
 * summaries of the audits written, for the EPCI view (the backup pages leave them to be made when it is opened).
 */
export async function writePlannedImport(
  plan: Pick<ImportPlan, 'communes' | 'audits' | 'planItems' | 'replacedAuditIds'>,
  { pack = null, now = new Date() }: { pack?: SummaryPackRecord | null; now?: Date } = {},
): Promise<void> {
  const communes: CommuneRecord[] = plan.communes;
  const audits: AuditRecord[] = plan.audits;
  const planItems: PlanItemRecord[] = plan.planItems;
  await Promise.all([
    // The plan items of a replaced audit go before its new ones are written.
    (plan.replacedAuditIds.length > 0 ? db.planItems.where('auditId').anyOf(plan.replacedAuditIds).delete() : Promise.resolve(0)).then(() =>
      db.planItems.bulkPut(planItems),
    ),
    // add, not put: a commune the plan believes new must really be new, or the whole import is undone.
    db.communes.bulkAdd(communes),
    db.audits.bulkPut(audits),
    pack ? db.summaryPacks.add(pack) : undefined,
    plan.replacedAuditIds.length > 0 ? markSummariesStale(plan.replacedAuditIds, pack?.id) : undefined,
    db.settings.put({ key: EXCHANGE_SETTING_KEYS.lastImportAt, value: now.toISOString() }),
  ]);
}

/**
 * The EPCI view's summaries of audits that an import replaced are marked stale in every pack (but the one just
 * written with their new answers). A summary is only taken for an audit whose digest it was made with, so a
 * replacing copy with other answers (even with the same updatedAt) would not be shown the old one anyway: marked
 * stale, the old entries are also dropped at the next compaction instead of being checked again and again.
 */
async function markSummariesStale(auditIds: readonly string[], keptPackId: string | undefined): Promise<void> {
  const replaced = new Set(auditIds);
  const changed = [];
  for (const pack of await db.summaryPacks.toArray()) {
    if (pack.id === keptPackId || !pack.auditIds.some((id) => replaced.has(id))) continue;
    // '' is no audit's digest: the entry is stale from now on, and compaction drops it.
    changed.push({ ...pack, digests: pack.digests.map((digest, row) => (replaced.has(pack.auditIds[row] ?? '') ? '' : digest)) });
  }
  if (changed.length > 0) await db.summaryPacks.bulkPut(changed);
}

/**
 * Restore: everything on the device is replaced by the backup's records, as they were (origin included), and
 * the EPCI view's summaries of the audits that were there go with them. The device's data is then exactly that
 * backup: the restore counts as a backup made now, by this device's clock (the file's exportedAt may be forged,
 * and a backup "dated 9999" would silence the reminder for good).
 */
export async function replaceAllData(
  payload: ExportPayload,
  { now = new Date(), settings = [] }: { now?: Date; settings?: ReadonlyArray<{ key: string; value: unknown }> } = {},
): Promise<Result<void>> {
  try {
    await db.transaction('rw', [db.communes, db.audits, db.planItems, db.settings, db.summaryPacks], async () => {
      await Promise.all([db.communes.clear(), db.audits.clear(), db.planItems.clear(), db.summaryPacks.clear()]);
      const communes: CommuneRecord[] = payload.communes;
      const audits: AuditRecord[] = payload.audits;
      const planItems: PlanItemRecord[] = payload.planItems;
      await db.communes.bulkAdd(communes);
      await db.audits.bulkAdd(audits);
      await db.planItems.bulkAdd(planItems);
      await db.settings.put({ key: EXCHANGE_SETTING_KEYS.lastBackupAt, value: now.toISOString() });
      await db.settings.delete(EXCHANGE_SETTING_KEYS.lastImportAt);
      // Settings the backup carried (the EPCI's mailbox key): with the records or not at all.
      if (settings.length > 0) await db.settings.bulkPut([...settings]);
    });
    return ok(undefined);
  } catch (error) {
    return fail(writeErrorCode(error));
  }
}

/**
 * Erases what the user made on this device: communes, audits, plans, the EPCI view's summaries, the mailbox's
 * outbox (audit ids and dates), and the settings that refer to them (where the user was, backup and import dates).
 * The language chosen stays, and so do the barometer figures (published data, not the user's).
 */
export async function eraseAllData(): Promise<Result<void>> {
  try {
    await db.transaction('rw', [db.communes, db.audits, db.planItems, db.summaryPacks, db.outbox, db.settings], async () => {
      await Promise.all([db.communes.clear(), db.audits.clear(), db.planItems.clear(), db.summaryPacks.clear(), db.outbox.clear()]);
      await db.settings.where('key').noneOf([SETTING_KEYS.language]).delete();
    });
    return ok(undefined);
  } catch (error) {
    return fail(writeErrorCode(error));
  }
}

/** Dexie wraps the browser's DOMException (sometimes twice): look for the quota error down the chain. */
export function writeErrorCode(error: unknown): ExchangeErrorCode {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if ('name' in current && current.name === 'QuotaExceededError') return 'storage-full';
    current = 'inner' in current ? current.inner : undefined;
  }
  return 'write-failed';
}

export async function countData(): Promise<{ communes: number; audits: number }> {
  const [communes, audits] = await Promise.all([db.communes.count(), db.audits.count()]);
  return { communes, audits };
}

/** A commune that has audits, as the export list shows and searches it, with its audits' ids only. */
export type ExportableCommune = Pick<CommuneRecord, 'id' | 'name' | 'insee' | 'postcode' | 'epciSiren' | 'epciName'> & { auditIds: string[] };

/**
 * Every commune that has audits, with the ids of its audits, for choosing what to export. The audits are read
 * from the communeId index, keys only: on a device holding an EPCI's or a département's 35,000 audits, opening
 * every record (answers included, hundreds of megabytes) just to draw a list would take seconds and that memory.
 */
export async function listExportableCommunes(): Promise<ExportableCommune[]> {
  return db.transaction('r', db.communes, db.audits, async () => {
    const auditIds = new Map<string, string[]>();
    await db.audits.orderBy('communeId').eachKey((communeId, cursor) => {
      if (typeof communeId !== 'string' || typeof cursor.primaryKey !== 'string') return;
      const ids = auditIds.get(communeId);
      if (ids) ids.push(cursor.primaryKey);
      else auditIds.set(communeId, [cursor.primaryKey]);
    });
    const communes = await db.communes.toArray();
    return communes.flatMap(({ id, name, insee, postcode, epciSiren, epciName }) => {
      const ids = auditIds.get(id);
      return ids ? [{ id, name, insee, postcode, epciSiren, epciName, auditIds: ids }] : [];
    });
  });
}

/** One audit as the export list describes it. */
export interface ExportableAudit {
  id: string;
  communeId: string;
  status: AuditRecord['status'];
  startedAt: string;
  answered: number;
}

/** The audits of a few communes (the page of the list on screen), most recent first. */
export async function listExportableAudits(communeIds: readonly string[]): Promise<ExportableAudit[]> {
  if (communeIds.length === 0) return [];
  const audits = await db.audits.where('communeId').anyOf([...communeIds]).toArray();
  return audits
    .map((a) => ({ id: a.id, communeId: a.communeId, status: a.status, startedAt: a.startedAt, answered: Object.keys(a.answers).length }))
    .sort((x, y) => compareInstants(y.startedAt, x.startedAt));
}
