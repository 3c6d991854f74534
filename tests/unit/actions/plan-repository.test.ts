import { describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database';
import { carryOverPlan, listPlanItems, PlanItemRefusedError, savePlanItem } from '../../../src/db/plan-repository';
import { exportData } from '../../../src/services/exchange/export-files';
import { openExportFile } from '../../../src/services/exchange/import-files';
import type { AuditRecord } from '../../../src/db/records';

function audit(id: string, startedAt: string, communeId = 'commune-1'): AuditRecord {
  return {
    id,
    communeId,
    questionnaireId: 'test',
    questionnaireVersion: 1,
    auditor: 'Secrétaire',
    status: 'completed',
    profile: { population: 800, agents: 3, computers: 4, itProvider: true, hasServer: true },
    answers: {},
    previousAuditId: null,
    unconfirmed: [],
    lastThemeId: null,
    origin: 'local',
    startedAt,
    updatedAt: startedAt,
    completedAt: startedAt,
  };
}

const first = audit('audit-2024', '2024-03-01T09:00:00.000Z');
const second = audit('audit-2025', '2025-03-01T09:00:00.000Z');
const third = audit('audit-2026', '2026-03-01T09:00:00.000Z');
const now = new Date('2026-11-25T10:00:00.000Z');

describe('plan repository', () => {
  it('creates an item on the first write and keeps the other fields on later ones', async () => {
    await savePlanItem(first, 'backup-automate', { owner: 'Mme Durand' }, now);
    await savePlanItem(first, 'backup-automate', { status: 'in-progress' }, now);
    await savePlanItem(first, 'backup-automate', { note: 'Devis demandé à l’OPSN' }, now);
    expect(await listPlanItems(first.id)).toEqual([
      {
        auditId: 'audit-2024',
        actionId: 'backup-automate',
        communeId: 'commune-1',
        owner: 'Mme Durand',
        dueDate: '',
        status: 'in-progress',
        note: 'Devis demandé à l’OPSN',
        updatedAt: '2026-11-25T10:00:00.000Z',
      },
    ]);
  });

  it('carries the latest earlier plan over, for the actions still in the plan, and says from where', async () => {
    await db.audits.bulkAdd([first, second, third]);
    await savePlanItem(first, 'backup-test', { owner: 'Ancien' }, now);
    await savePlanItem(second, 'backup-automate', { owner: 'M. Martin', dueDate: '2026-06-30', status: 'done', note: 'Fait' }, now);
    await savePlanItem(second, 'email-spf', { owner: 'Prestataire' }, now);
    // The 2025 audit is the latest earlier one with a plan; email-spf is no longer in the plan.
    const carried = await carryOverPlan(third, ['backup-automate', 'backup-test', 'verify-backup-a'], now);
    expect(carried).toEqual({ fromAuditId: 'audit-2025', count: 1 });
    expect(await listPlanItems(third.id)).toEqual([
      expect.objectContaining({
        actionId: 'backup-automate',
        owner: 'M. Martin',
        dueDate: '2026-06-30',
        status: 'done',
        note: 'Fait',
        carriedFrom: 'audit-2025',
      }),
    ]);
  });

  it('skips earlier audits whose plan was never touched, and other communes', async () => {
    await db.audits.bulkAdd([first, second, third, audit('elsewhere', '2025-06-01T00:00:00.000Z', 'commune-2')]);
    await savePlanItem(first, 'backup-test', { owner: 'Mme Durand' }, now);
    await savePlanItem({ id: 'elsewhere', communeId: 'commune-2' }, 'backup-test', { owner: 'Autre commune' }, now);
    expect(await carryOverPlan(third, ['backup-test'], now)).toEqual({ fromAuditId: 'audit-2024', count: 1 });
    expect(await listPlanItems(third.id)).toEqual([expect.objectContaining({ owner: 'Mme Durand' })]);
  });

  it('never overwrites what the new audit already has, and copies nothing twice', async () => {
    await db.audits.bulkAdd([second, third]);
    await savePlanItem(second, 'backup-automate', { owner: 'M. Martin' }, now);
    await savePlanItem(second, 'backup-test', { owner: 'Mme Petit' }, now);
    await savePlanItem(third, 'backup-automate', { owner: 'Nouveau' }, now);
    expect(await carryOverPlan(third, ['backup-automate', 'backup-test'], now)).toEqual({ fromAuditId: 'audit-2025', count: 1 });
    expect(await carryOverPlan(third, ['backup-automate', 'backup-test'], now)).toBeNull();
    const items = await listPlanItems(third.id);
    expect(items.map((i) => [i.actionId, i.owner])).toEqual([
      ['backup-automate', 'Nouveau'],
      ['backup-test', 'Mme Petit'],
    ]);
  });

  it('does nothing for a first audit', async () => {
    await db.audits.bulkAdd([first]);
    expect(await carryOverPlan(first, ['backup-automate'], now)).toBeNull();
    expect(await listPlanItems(first.id)).toEqual([]);
  });
});

describe('savePlanItem refuses what the import door would refuse', () => {
  it.each([
    ['a note of 5,001 characters', { note: 'n'.repeat(5_001) }, 'note-too-long'],
    ['an owner of 201 characters', { owner: 'o'.repeat(201) }, 'owner-too-long'],
    ['a due date in the year 62026, as a date input gives it', { dueDate: '62026-03-31' }, 'due-date-out-of-range'],
    ['a due date in the year 275760', { dueDate: '275760-09-13' }, 'due-date-out-of-range'],
    ['a due date of 31 February', { dueDate: '2026-02-31' }, 'due-date-out-of-range'],
    ['a due date before 2000', { dueDate: '0026-03-31' }, 'due-date-out-of-range'],
  ])('%s, writing nothing', async (_, changes, problem) => {
    await db.audits.add(first);
    await expect(savePlanItem(first, 'backup-automate', changes, now)).rejects.toEqual(new PlanItemRefusedError(problem as never));
    expect(await listPlanItems(first.id)).toEqual([]);
  });

  it('keeps what is at the limits, and the backup made of it reads back', async () => {
    await db.communes.add({
      id: 'commune-1',
      name: 'Saint-Test',
      insee: '',
      postcode: '',
      epciSiren: '',
      epciName: '',
      profile: first.profile,
      createdAt: first.startedAt,
      updatedAt: first.startedAt,
    });
    await db.audits.add(first);
    await savePlanItem(first, 'backup-automate', { note: 'n'.repeat(5_000), owner: 'o'.repeat(200), dueDate: '9999-12-31' }, now);
    const file = await exportData({ kind: 'backup' }, { label: 'sauvegarde', now });
    const opened = await openExportFile(new Blob([file.text]), { maxBytes: 1e7, now });
    expect(opened.ok).toBe(true);
  });
});
