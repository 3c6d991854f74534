import { describe, expect, it } from 'vitest';
import { findConflicts, planImport, type ConflictDecision, type ImportContext } from '../../../src/domain/exchange/plan-import';
import type { ExportPayload } from '../../../src/domain/exchange/schema-v1';
import { audit, commune, planItem } from './seed';

const emptyDevice: ImportContext = { existingAudits: new Map(), existingCommunes: [] };

function device(auditIds: string[], communes: { id: string; insee: string }[] = []): ImportContext {
  return {
    existingAudits: new Map(
      auditIds.map((id) => [id, { id, summary: { status: 'completed', startedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', answered: 12 } }]),
    ),
    existingCommunes: communes.map((c) => ({ ...c, name: c.id })),
  };
}

/** A re-audit chain: first → second, with a plan item on each. */
const file: ExportPayload = {
  communes: [commune('c1', 'Aubeterre', '16020')],
  audits: [audit('first', 'c1'), audit('second', 'c1', { previousAuditId: 'first' })],
  planItems: [planItem('first', 'c1', 'backup-automate'), planItem('second', 'c1', 'backup-automate')],
};

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};
const decideAll = (decision: ConflictDecision) => () => decision;

describe('planImport', () => {
  it('adds everything when the device has none of it, marking audits as imported', () => {
    const plan = planImport([file], emptyDevice, { decide: decideAll('replace'), newId: ids() });
    expect(plan.communes.map((c) => c.id)).toEqual(['c1']);
    expect(plan.audits.map((a) => [a.id, a.origin, a.previousAuditId])).toEqual([
      ['first', 'imported', null],
      ['second', 'imported', 'first'],
    ]);
    expect(plan.summary).toEqual({ auditsAdded: 2, auditsReplaced: 0, auditsKeptBoth: 0, auditsSkipped: 0, communesAdded: 1, communesReused: 0, planItems: 2 });
  });

  it.each<[ConflictDecision, string[], string[], string[]]>([
    // decision, audits written (id → previous), plan items written, device audits whose plan is deleted first
    ['keep-existing', ['second→first'], ['second'], []],
    ['replace', ['first→null', 'second→first'], ['first', 'second'], ['first']],
    // The re-audit follows its predecessor's new id.
    ['keep-both', ['new-1→null', 'second→new-1'], ['new-1', 'second'], []],
  ])('with "first" already on the device, %s', (decision, audits, planAudits, replaced) => {
    const plan = planImport([file], device(['first']), { decide: decideAll(decision), newId: ids() });
    expect(plan.audits.map((a) => `${a.id}→${a.previousAuditId}`)).toEqual(audits);
    expect(plan.planItems.map((p) => p.auditId)).toEqual(planAudits);
    expect(plan.replacedAuditIds).toEqual(replaced);
  });

  it.each([
    ['the same id', [{ id: 'c1', insee: '' }], 'c1'],
    ['the same INSEE code', [{ id: 'local-7', insee: '16020' }], 'local-7'],
  ])('reuses a commune of the device with %s', (_, communes, expectedId) => {
    const plan = planImport([file], device([], communes), { decide: decideAll('keep-both'), newId: ids() });
    expect(plan.communes).toEqual([]);
    expect(plan.summary.communesReused).toBe(1);
    expect(new Set([...plan.audits, ...plan.planItems].map((r) => r.communeId))).toEqual(new Set([expectedId]));
  });

  it('does not add a commune whose every audit was skipped', () => {
    const plan = planImport([file], device(['first', 'second']), { decide: decideAll('keep-existing'), newId: ids() });
    expect(plan).toMatchObject({ communes: [], audits: [], planItems: [] });
    expect(plan.summary.auditsSkipped).toBe(2);
  });

  it('adds a commune that comes without audits (a backup can hold one)', () => {
    const plan = planImport([{ communes: [commune('lonely', 'Seule')], audits: [], planItems: [] }], emptyDevice, { decide: decideAll('keep-both'), newId: ids() });
    expect(plan.communes.map((c) => c.id)).toEqual(['lonely']);
  });

  it('matches communes across the files of one batch, by INSEE code', () => {
    const other: ExportPayload = { communes: [commune('c9', 'Aubeterre (bis)', '16020')], audits: [audit('third', 'c9')], planItems: [] };
    const plan = planImport([file, other], emptyDevice, { decide: decideAll('keep-both'), newId: ids() });
    expect(plan.communes.map((c) => c.id)).toEqual(['c1']);
    expect(plan.audits.find((a) => a.id === 'third')?.communeId).toBe('c1');
    expect(plan.perFile.map((s) => [s.communesAdded, s.communesReused])).toEqual([[1, 0], [0, 1]]);
  });

  it('lets a later file of the batch replace an earlier one, plan included', () => {
    const newer: ExportPayload = { ...file, audits: [audit('first', 'c1', { auditor: 'Plus récent' })], planItems: [] };
    const plan = planImport([file, newer], emptyDevice, { decide: decideAll('replace'), newId: ids() });
    expect(plan.audits.map((a) => `${a.id}:${a.auditor}`)).toEqual(['second:Secrétaire de mairie', 'first:Plus récent']);
    expect(plan.planItems.map((p) => p.auditId)).toEqual(['second']);
    expect(plan.replacedAuditIds).toEqual([]);
  });
});

describe('findConflicts', () => {
  it('lists each colliding audit once, with what is on the device', () => {
    const conflicts = findConflicts([file, file], device(['second']));
    expect(conflicts).toEqual([
      {
        auditId: 'second',
        communeName: 'Aubeterre',
        imported: { status: 'in-progress', startedAt: '2026-01-05T10:01:00.000Z', updatedAt: '2026-01-05T10:06:00.000Z', answered: 2 },
        existing: { source: 'device', summary: { status: 'completed', startedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', answered: 12 } },
      },
      expect.objectContaining({ auditId: 'first', existing: { source: 'batch' } }),
    ]);
  });

  it('describes the device copy only when its summary was read', () => {
    const context: ImportContext = { existingAudits: new Map([['first', { id: 'first' }]]), existingCommunes: [] };
    expect(findConflicts([file], context).map((c) => c.existing)).toEqual([{ source: 'device', summary: undefined }]);
  });
});
