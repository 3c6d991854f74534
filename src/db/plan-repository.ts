/**
 * Reading and writing an audit's action plan as the commune edits it (owner, due date, status, note), and
 * carrying it over to the commune's next audit. A plan item exists only once something was written for it.
 */
import { db } from './database';
import { planItemProblem, type PlanItemProblem } from '../domain/actions/check-plan-item';
import { compareInstants } from '../domain/instant';
import type { AuditRecord, PlanItemRecord, PlanItemStatus } from './records';

export type PlanItemChanges = Partial<Pick<PlanItemRecord, 'owner' | 'dueDate' | 'status' | 'note'>>;

export const PLAN_ITEM_STATUSES: readonly PlanItemStatus[] = ['todo', 'in-progress', 'done'];

export function listPlanItems(auditId: string): Promise<PlanItemRecord[]> {
  return db.planItems.where('auditId').equals(auditId).toArray();
}

/** A change refused before it is written (the page shows t(`plan:errors.${problem}`)). */
export class PlanItemRefusedError extends Error {
  constructor(readonly problem: PlanItemProblem) {
    super(`plan item refused: ${problem}`);
    this.name = 'PlanItemRefusedError';
  }
}

/**
 * Writes one field (or a few) of one item at once, creating the item the first time. A value the import door
 * would refuse (an over-long note, a due date in the year 62026) is refused here with PlanItemRefusedError.
 */
export async function savePlanItem(
  audit: Pick<AuditRecord, 'id' | 'communeId'>,
  actionId: string,
  changes: PlanItemChanges,
  now = new Date(),
): Promise<void> {
  const problem = planItemProblem(changes);
  if (problem !== null) throw new PlanItemRefusedError(problem);
  await db.transaction('rw', db.planItems, async () => {
    const existing = await db.planItems.get([audit.id, actionId]);
    const base: PlanItemRecord = existing ?? {
      auditId: audit.id,
      actionId,
      communeId: audit.communeId,
      owner: '',
      dueDate: '',
      status: 'todo',
      note: '',
      updatedAt: '',
    };
    await db.planItems.put({ ...base, ...changes, updatedAt: now.toISOString() });
  });
}

export interface CarryOver {
  /** The earlier audit the items were copied from. */
  fromAuditId: string;
  count: number;
}

/**
 * Carries the follow-up of the commune's previous plan over to this audit: for each action of this audit's plan
 * that has no item here yet, copies the item of the latest earlier audit (by startedAt) that has a plan, with
 * its owner, due date, status and note. Audits whose plan was never touched are skipped, so a plan survives a
 * re-audit that was never followed up. Running it again copies nothing twice (one transaction, and an item
 * already here is never overwritten), so the plan page can call it each time the plan it shows changes,
 * e.g. while the audit is still being answered. Returns what was copied this time, or null.
 */
export async function carryOverPlan(
  audit: Pick<AuditRecord, 'id' | 'communeId' | 'startedAt'>,
  actionIds: readonly string[],
  now = new Date(),
): Promise<CarryOver | null> {
  return db.transaction('rw', db.planItems, db.audits, async () => {
    const present = new Set((await listPlanItems(audit.id)).map((item) => item.actionId));
    const wanted = new Set(actionIds.filter((id) => !present.has(id)));
    if (wanted.size === 0) return null;
    const earlier = (await db.audits.where('communeId').equals(audit.communeId).sortBy('startedAt'))
      .filter((a) => a.id !== audit.id && compareInstants(a.startedAt, audit.startedAt) < 0)
      .reverse();
    for (const previous of earlier) {
      const items = await listPlanItems(previous.id);
      if (items.length === 0) continue;
      const stamp = now.toISOString();
      const copies: PlanItemRecord[] = items
        .filter((item) => wanted.has(item.actionId))
        .map((item) => ({
          auditId: audit.id,
          actionId: item.actionId,
          communeId: audit.communeId,
          owner: item.owner,
          dueDate: item.dueDate,
          status: item.status,
          note: item.note,
          updatedAt: stamp,
          carriedFrom: previous.id,
        }));
      if (copies.length === 0) return null;
      await db.planItems.bulkAdd(copies);
      return { fromAuditId: previous.id, count: copies.length };
    }
    return null;
  });
}
