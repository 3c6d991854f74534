import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CyberdiagDatabase, db } from '../../../src/db/database';
import { DATABASE_NAME } from '../../../src/db/database-name';
import { loadActionCatalogue, loadActionCatalogueVersion } from '../../../src/content/load-actions';
import { loadQuestionnaire, loadQuestionnaireVersion } from '../../../src/content/load-questionnaire';
import { saveAnswer, startAudit } from '../../../src/db/audits-repository';
import { createCommune } from '../../../src/db/communes-repository';
import { loadSummaryContext, loadSummaryEntries, refreshAuditSummaries, summaryPack } from '../../../src/db/epci-repository';
import { upgradeAuditToV7 } from '../../../src/db/migrations';
import type { AuditRecord } from '../../../src/db/records';
import { summarizeWithEngine, type AuditSummary } from '../../../src/domain/epci/create-audit-summarizer';
import { openDatabase } from '../../../src/db/open-database';
import v1 from '../../fixtures/db/v1.json';
import v4 from '../../fixtures/db/v4.json';
import v6 from '../../fixtures/db/v6.json';
import { reviveTypedArrays } from '../db/fixture-rows';

const NAME = 'cyberdiag-epci-schema-test';
const profile = { population: 800, agents: 3, computers: 4, itProvider: true, hasServer: false };

/** A database as schema version 2 left it (the last version before the EPCI summaries). */
async function writeV2Database() {
  const old = new Dexie(NAME);
  old.version(2).stores({
    communes: 'id, insee, name, epciSiren, updatedAt',
    audits: 'id, communeId, updatedAt, status, origin',
    settings: 'key',
    benchmarkDatasets: 'id',
    planItems: '[auditId+actionId], auditId, communeId',
  });
  await old.open();
  await old.table('communes').bulkAdd(v1.tables.communes);
  await old.table('audits').bulkAdd(v1.tables.audits.map((a) => ({ ...a, origin: 'local' })));
  old.close();
}

/** The version 4 fixture written as the app's own database, which then opens in the current version. */
async function openV4AsTheAppDatabase() {
  db.close();
  await Dexie.delete(DATABASE_NAME);
  const old = new Dexie(DATABASE_NAME);
  old.version(4).stores(v4.stores);
  await old.open();
  for (const [table, rows] of Object.entries(v4.tables)) await old.table(table).bulkAdd(rows.map(reviveTypedArrays));
  old.close();
  expect(await openDatabase(db)).toEqual({ ok: true });
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('the EPCI summaries in the database', () => {
  it('opens a version 2 database with every record kept and an empty table of summary packs', async () => {
    await writeV2Database();
    const current = new CyberdiagDatabase(NAME);
    expect(await openDatabase(current)).toEqual({ ok: true });
    expect(current.verno).toBeGreaterThanOrEqual(7);
    expect(await current.communes.toArray()).toEqual(v1.tables.communes);
    expect(await current.audits.toArray()).toEqual(v1.tables.audits.map((a) => upgradeAuditToV7({ ...a, origin: 'local' } as AuditRecord)));
    expect(await current.summaryPacks.count()).toBe(0);
    current.close();
  });

  it('carries the version 4 summaries into packs, which version 7 marks stale: the EPCI view makes them again, same figures', async () => {
    await openV4AsTheAppDatabase();
    const packs = await db.summaryPacks.toArray();
    expect(packs.flatMap((p) => p.auditIds).sort()).toEqual(v4.tables.auditSummaries.map((s) => s.auditId).sort());
    expect(packs.flatMap((p) => p.digests).every((digest) => digest === '')).toBe(true);
    const context = await loadSummaryContext();
    // Kept by updatedAt alone, none is trusted to match its audit's answers: each is made again, once.
    expect(await refreshAuditSummaries(context)).toBe(v4.tables.audits.length);
    expect(await refreshAuditSummaries(context)).toBe(0);
    const overall = Object.fromEntries((await loadSummaryEntries(context)).map((e) => [e.auditId, e.summary.overall]));
    expect(overall).toMatchObject(Object.fromEntries(v4.tables.auditSummaries.map((s) => [s.auditId, s.summary.scores.values.at(-1)])));
  });

  it('does not show, after the upgrade to version 7, a version 6 summary made from other answers than its audit now holds', async () => {
    const questionnaire = await loadQuestionnaire();
    const at = '2026-03-01T10:00:00.000Z';
    const audit: AuditRecord = {
      id: 'audit-1',
      communeId: 'commune-1',
      questionnaireId: questionnaire.id,
      questionnaireVersion: questionnaire.version,
      auditor: 'Conseillère',
      status: 'completed',
      profile,
      answers: {},
      previousAuditId: null,
      unconfirmed: [],
      lastThemeId: null,
      origin: 'imported',
      startedAt: at,
      updatedAt: at,
      completedAt: at,
    };
    // Version 6 kept this summary while the audit's id and updatedAt matched: it was made from a copy that had
    // one answer, and a copy with none, same id and date, was written over it.
    const made = summaryPack([{ ...audit, answers: { 'backup-automatic': { kind: 'option', optionId: 'none', answeredAt: at } } }], await loadSummaryContext());
    const v6Pack = Object.fromEntries(Object.entries(made).filter(([key]) => key !== 'digests'));
    db.close();
    await Dexie.delete(DATABASE_NAME);
    const old = new Dexie(DATABASE_NAME);
    old.version(6).stores(v6.stores);
    await old.open();
    await old.table('audits').add(audit);
    await old.table('summaryPacks').add(v6Pack);
    old.close();
    expect(await openDatabase(db)).toEqual({ ok: true });

    const entries = await loadSummaryEntries(await loadSummaryContext());
    expect(entries.map((e) => [e.auditId, e.summary.answered])).toEqual([['audit-1', 0]]);
  });

  it('summarises each audit with its own questionnaire version, version 1 and 2 side by side, and says which', async () => {
    const [v1, v2, v1Catalogue, v2Catalogue] = await Promise.all([loadQuestionnaireVersion(1), loadQuestionnaire(), loadActionCatalogueVersion(1), loadActionCatalogue()]);
    if (!v1 || !v1Catalogue) throw new Error('version 1 is archived');
    const commune = await createCommune({ name: 'Saint-Test', insee: '01001', postcode: '', epciSiren: '200000001', epciName: 'CC', profile });
    const old = await startAudit(commune, v1, 'Conseillère', new Date('2025-03-01T09:00:00Z'));
    const current = await startAudit(commune, v2, 'Conseillère', new Date('2026-03-01T09:00:00Z'));
    // Each answered with ids of its own version only ("continuity-critical-services" is gone from version 2).
    await saveAnswer(old.id, 'continuity-critical-services', { kind: 'option', optionId: 'prioritised-list' });
    await saveAnswer(old.id, 'backup-automatic', { kind: 'option', optionId: 'manual' });
    await saveAnswer(current.id, 'backup-automatic', { kind: 'option', optionId: 'none' });
    const stored = await Promise.all([db.audits.get(old.id), db.audits.get(current.id)]);

    const entries = await loadSummaryEntries(await loadSummaryContext());
    const byId = new Map(entries.map((e) => [e.auditId, e]));
    expect(byId.get(old.id)?.questionnaireVersion).toBe(1);
    expect(byId.get(current.id)?.questionnaireVersion).toBe(2);
    // The same figures as the engine's with that version (the order of the action ids aside).
    const sorted = (summary: AuditSummary | undefined) => summary && { ...summary, actionIds: [...summary.actionIds].sort() };
    expect(sorted(byId.get(old.id)?.summary)).toEqual(sorted(summarizeWithEngine(v1, v1Catalogue, stored[0]?.answers ?? {}, profile)));
    expect(sorted(byId.get(current.id)?.summary)).toEqual(sorted(summarizeWithEngine(v2, v2Catalogue, stored[1]?.answers ?? {}, profile)));
    // Read again: both kept in packs of their own version, nothing made again.
    expect(await refreshAuditSummaries(await loadSummaryContext())).toBe(0);
  });
});
