import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/database';
import { importAuditFiles, type EpciImportProgress } from '../../../src/services/epci-import/epci-import';
import { loadCommuneInfos, loadSummaryEntries, refreshAuditSummaries, type SummaryContext } from '../../../src/db/epci-repository';
import { withImported } from '../../../src/domain/epci/with-imported';
import { saveAnswer } from '../../../src/db/audits-repository';
import { deleteCommune } from '../../../src/db/communes-repository';
import { createAuditSummarizer } from '../../../src/domain/epci/create-audit-summarizer';
import { createSummaryCodec } from '../../../src/domain/epci/summary-codec';
import { summaryDerivationKey } from '../../../src/domain/epci/summary-derivation-key';
import { buildExportDocument } from '../../../src/domain/exchange/build-export';
import { importFiles, openExportFile, restoreBackup } from '../../../src/services/exchange/import-files';
import { catalogue, questionnaire } from './epci-fixtures';
import { exportedAudit, exportedCommune, exportFile } from './export-files';

const context: SummaryContext = {
  questionnaireVersion: questionnaire.version,
  derivationKey: summaryDerivationKey(questionnaire, catalogue),
  summarize: createAuditSummarizer(questionnaire, catalogue),
  codec: createSummaryCodec(questionnaire, catalogue),
};

const ambérieu = exportedCommune('c-a', 'Ambérieu', '01001');
const bâgé = exportedCommune('c-b', 'Bâgé', '01002');
// Ambérieu: backup (3 + 2 + 0) / 6, accounts 0 / 6; Bâgé: backup 100, accounts (3 + 1 + 0.5) / 6.
const auditA = exportedAudit('audit-a', 'c-a', { 'backup-a': 'yes', 'backup-b': 'yes', 'backup-c': 'no', 'accounts-a': 'no', 'accounts-b': 'no', 'accounts-c': 'no' });
const auditB = exportedAudit('audit-b', 'c-b', { 'backup-a': 'yes', 'backup-b': 'yes', 'backup-c': 'yes', 'accounts-a': 'yes', 'accounts-b': 'partly', 'accounts-c': 'partly' });

const scores = async () =>
  Object.fromEntries(
    (await loadSummaryEntries(context)).map((e) => [e.auditId, [e.summary.themeScores.backup, e.summary.themeScores.accounts].map((s) => (s === null || s === undefined ? null : Math.round(s * 100) / 100))]),
  );

describe('importAuditFiles', () => {
  it('imports many files at once, says what became of each one, and summarises the audits', async () => {
    const progress: EpciImportProgress[] = [];
    const result = await importAuditFiles(
      [
        exportFile('ambérieu.cyberdiag.json', [ambérieu], [auditA]),
        exportFile('bâgé.cyberdiag.json', [bâgé], [auditB]),
        new File(['not json at all'], 'notes.txt'),
        new File([JSON.stringify({ format: 'other' })], 'autre.json'),
      ],
      context,
      { onProgress: (p) => progress.push(p) },
    );
    expect(result.files).toEqual([
      { name: 'ambérieu.cyberdiag.json', status: 'imported', added: 1, updated: 0, skipped: 0 },
      { name: 'bâgé.cyberdiag.json', status: 'imported', added: 1, updated: 0, skipped: 0 },
      { name: 'notes.txt', status: 'error', code: 'not-json' },
      { name: 'autre.json', status: 'error', code: 'not-ours' },
    ]);
    expect(await scores()).toEqual({ 'audit-a': [83.33, 0], 'audit-b': [100, 75] });
    expect(progress.filter((p) => p.stage === 'reading').map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    expect(progress.at(-1)?.stage).toBe('done');
  });

  it('skips an audit already on the device, and takes a copy updated since', async () => {
    await importAuditFiles([exportFile('a.json', [ambérieu], [auditA]), exportFile('b.json', [bâgé], [auditB])], context);
    const changed = exportedAudit('audit-b', 'c-b', { 'backup-a': 'no' }, '2026-05-01T10:00:00.000Z');
    const again = await importAuditFiles([exportFile('a.json', [ambérieu], [auditA]), exportFile('b-v2.json', [bâgé], [changed])], context);
    expect(again.files).toEqual([
      { name: 'a.json', status: 'duplicate', skipped: 1 },
      { name: 'b-v2.json', status: 'imported', added: 0, updated: 1, skipped: 0 },
    ]);
    expect(await db.audits.count()).toBe(2);
    expect(await scores()).toEqual({ 'audit-a': [83.33, 0], 'audit-b': [0, null] });
  });
});

describe('summaries of audits an import replaced or a restore brought back', () => {
  // A forged or edited copy may keep an audit's id and updatedAt with other answers: the summary made from the
  // first answers must not be taken for it.
  const sameDateOtherAnswers = exportedAudit('audit-a', 'c-a', { 'backup-a': 'no', 'backup-b': 'no', 'backup-c': 'no', 'accounts-a': 'yes', 'accounts-b': 'yes', 'accounts-c': 'yes' });

  it('are made again from the new answers after an import that replaces an audit', async () => {
    await importAuditFiles([exportFile('a.json', [ambérieu], [auditA])], context);
    expect(await scores()).toEqual({ 'audit-a': [83.33, 0] });
    const replaced = await importFiles([exportFile('a-copie.json', [ambérieu], [sameDateOtherAnswers])], {
      onConflict: async (conflicts) => new Map(conflicts.map((c) => [c.auditId, 'replace' as const])),
    });
    expect(replaced.written?.ok).toBe(true);
    expect(await scores()).toEqual({ 'audit-a': [0, 100] });
  });

  it('are all forgotten by a restore', async () => {
    await importAuditFiles([exportFile('a.json', [ambérieu], [auditA])], context);
    expect(await scores()).toEqual({ 'audit-a': [83.33, 0] });
    const backup = buildExportDocument(
      { kind: 'backup', communes: [ambérieu], audits: [sameDateOtherAnswers], planItems: [] },
      { exportedAt: '2026-11-20T10:00:00.000Z', appVersion: '0.1.0' },
    );
    const opened = await openExportFile(new File([JSON.stringify(backup)], 'sauvegarde.json'));
    expect(opened.ok && (await restoreBackup(opened.value))).toEqual({ ok: true, value: undefined });
    expect(await db.summaryPacks.count()).toBe(0);
    expect(await scores()).toEqual({ 'audit-a': [0, 100] });
  });

  it('are made again when the stored answers change under the same id and updatedAt, whatever wrote them', async () => {
    await importAuditFiles([exportFile('a.json', [ambérieu], [auditA])], context);
    expect(await scores()).toEqual({ 'audit-a': [83.33, 0] });
    // A write that leaves every summary pack as it was: the summary's digest no longer matches the audit's.
    const stored = await db.audits.get('audit-a');
    if (!stored) throw new Error('audit-a was imported');
    await db.audits.put({ ...stored, answers: sameDateOtherAnswers.answers });
    expect(await db.summaryPacks.count()).toBe(1);
    expect(await scores()).toEqual({ 'audit-a': [0, 100] });
    // The view of one EPCI's members reads the audits themselves, and checks the same digest.
    await db.audits.put({ ...stored, answers: auditB.answers });
    const scoped = await loadSummaryEntries(context, { communeIds: ['c-a'] });
    expect(scoped.map((e) => [e.auditId, e.summary.themeScores.backup])).toEqual([['audit-a', 100]]);
  });

  it('take no digest from the record written: the database makes it from the answers', async () => {
    await importAuditFiles([exportFile('a.json', [ambérieu], [auditA])], context);
    const stored = await db.audits.get('audit-a');
    if (!stored) throw new Error('audit-a was imported');
    // A record carrying the digest of its earlier answers, as a copy of the stored record edited elsewhere would.
    await db.audits.put({ ...stored, answers: sameDateOtherAnswers.answers, summaryDigest: stored.summaryDigest ?? '' });
    expect((await db.audits.get('audit-a'))?.summaryDigest).not.toBe(stored.summaryDigest);
    expect(await scores()).toEqual({ 'audit-a': [0, 100] });
  });
});

describe('files of one import that share records', () => {
  // Two files are written at the same time unless they share an audit, a commune or an INSEE code: these
  // check that those that do are still written one after the other, each planned against the other's records.
  // Two slots for files, three for the mailbox's batches (one opens while two wait on their writes), one at least.
  it.each([1, 2, 3])('writes a commune once when two files bring it under different ids, and lets a newer copy of an audit win (%i slots)', async (slots) => {
    const sentTwice = exportedCommune('c-a2', 'Ambérieu', '01001');
    const secondAudit = exportedAudit('audit-a2', 'c-a2', { 'backup-a': 'yes' });
    const newer = exportedAudit('audit-a', 'c-a', { 'backup-a': 'no' }, '2026-05-01T10:00:00.000Z');
    const older = exportedAudit('audit-a', 'c-a', { 'backup-a': 'yes' }, '2026-01-15T10:00:00.000Z');
    const result = await importAuditFiles(
      [
        exportFile('mairie.json', [ambérieu], [auditA]),
        exportFile('conseiller.json', [sentTwice], [secondAudit]),
        exportFile('mairie-v2.json', [ambérieu], [newer]),
        exportFile('mairie-ancien.json', [ambérieu], [older]),
        exportFile('bâgé.json', [bâgé], [auditB]),
      ],
      context,
      { slots },
    );
    expect(result.files).toEqual([
      { name: 'mairie.json', status: 'imported', added: 1, updated: 0, skipped: 0 },
      { name: 'conseiller.json', status: 'imported', added: 1, updated: 0, skipped: 0 },
      { name: 'mairie-v2.json', status: 'imported', added: 0, updated: 1, skipped: 0 },
      { name: 'mairie-ancien.json', status: 'duplicate', skipped: 1 },
      { name: 'bâgé.json', status: 'imported', added: 1, updated: 0, skipped: 0 },
    ]);
    expect((await db.communes.toArray()).map((c) => [c.id, c.insee]).sort()).toEqual([
      ['c-a', '01001'],
      ['c-b', '01002'],
    ]);
    expect((await db.audits.toArray()).map((a) => [a.id, a.communeId, a.updatedAt]).sort()).toEqual([
      ['audit-a', 'c-a', '2026-05-01T10:00:00.000Z'],
      ['audit-a2', 'c-a', auditA.updatedAt],
      ['audit-b', 'c-b', auditB.updatedAt],
    ]);
    expect((await scores())['audit-a']).toEqual([0, null]);
  });

  it('when a file cannot be written, the next one that shares its commune writes the commune itself', async () => {
    const sentTwice = exportedCommune('c-a2', 'Ambérieu', '01001');
    const secondAudit = exportedAudit('audit-a2', 'c-a2', { 'backup-a': 'yes' });
    // The first file's transaction fails as a full disk would make it fail.
    const add = db.summaryPacks.add.bind(db.summaryPacks);
    let calls = 0;
    const spy = vi.spyOn(db.summaryPacks, 'add').mockImplementation((...args) => (calls++ === 0 ? Dexie.Promise.reject(new Error('disk full')) : add(...args)));
    try {
      const result = await importAuditFiles([exportFile('mairie.json', [ambérieu], [auditA]), exportFile('conseiller.json', [sentTwice], [secondAudit])], context);
      expect(result.files).toEqual([
        { name: 'mairie.json', status: 'error', code: 'write-failed' },
        { name: 'conseiller.json', status: 'imported', added: 1, updated: 0, skipped: 0 },
      ]);
    } finally {
      spy.mockRestore();
    }
    expect((await db.communes.toArray()).map((c) => c.id)).toEqual(['c-a2']);
    expect((await db.audits.toArray()).map((a) => [a.id, a.communeId])).toEqual([['audit-a2', 'c-a2']]);
  });
});

describe('what an import says it wrote', () => {
  it('added to what was read before it, is what a fresh read finds', async () => {
    await importAuditFiles([exportFile('a.json', [ambérieu], [auditA])], context);
    const before = { communes: await loadCommuneInfos(), entries: await loadSummaryEntries(context) };
    const changed = exportedAudit('audit-a', 'c-a', { 'backup-a': 'no' }, '2026-05-01T10:00:00.000Z');
    const { written } = await importAuditFiles([exportFile('a-v2.json', [ambérieu], [changed]), exportFile('b.json', [bâgé], [auditB]), new File(['{'], 'broken.json')], context);
    const byId = <T extends { id?: string; auditId?: string }>(rows: readonly T[]) => [...rows].sort((x, y) => String(x.id ?? x.auditId).localeCompare(String(y.id ?? y.auditId)));
    const merged = withImported(before, written);
    expect(byId(merged.communes)).toEqual(byId(await loadCommuneInfos()));
    expect(byId(merged.entries)).toEqual(byId(await loadSummaryEntries(context)));
    expect(merged.entries.map((e) => e.updatedAt).sort()).toEqual(['2026-05-01T10:00:00.000Z', auditB.updatedAt].sort());
  });
});

describe('refreshAuditSummaries', () => {
  it('remakes the summary of an audit changed on the device and drops those of deleted audits', async () => {
    await importAuditFiles([exportFile('a.json', [ambérieu, bâgé], [auditA, auditB])], context);
    expect(await refreshAuditSummaries(context)).toBe(0);
    await saveAnswer('audit-a', 'backup-c', { kind: 'option', optionId: 'yes' });
    expect(await refreshAuditSummaries(context)).toBe(1);
    expect((await scores())['audit-a']).toEqual([100, 0]);
    const communeA = await db.communes.where('insee').equals('01001').first();
    await deleteCommune(communeA?.id ?? '');
    await refreshAuditSummaries(context);
    expect(Object.keys(await scores())).toEqual(['audit-b']);
  });

  it('remakes every summary when the questionnaire changes', async () => {
    await importAuditFiles([exportFile('a.json', [ambérieu, bâgé], [auditA, auditB])], context);
    expect(await refreshAuditSummaries({ ...context, derivationKey: 'another questionnaire' })).toBe(2);
  });

  it('can be limited to the communes of one EPCI', async () => {
    await importAuditFiles([exportFile('a.json', [ambérieu, bâgé], [auditA, auditB])], context);
    await db.summaryPacks.clear();
    const communeB = await db.communes.where('insee').equals('01002').first();
    expect(await refreshAuditSummaries(context, { communeIds: [communeB?.id ?? ''] })).toBe(1);
    expect((await db.summaryPacks.toArray()).flatMap((pack) => pack.auditIds)).toEqual(['audit-b']);
  });

  it('writes one pack of summaries per imported file, not one record per audit', async () => {
    await importAuditFiles([exportFile('a.json', [ambérieu, bâgé], [auditA, auditB])], context);
    expect((await db.summaryPacks.toArray()).map((pack) => pack.auditIds)).toEqual([['audit-a', 'audit-b']]);
  });

  it('gathers the packs left by many small changes into one, keeping every summary', async () => {
    await importAuditFiles([exportFile('a.json', [ambérieu, bâgé], [auditA, auditB])], context);
    // Each answer changed then read makes a pack of one summary. The 64th change leaves 65 packs, past the 64 that
    // start a compaction: they become one, and the 6 changes after it add one each.
    for (const optionId of Array.from({ length: 35 }, () => ['yes', 'no']).flat()) {
      await saveAnswer('audit-a', 'backup-c', { kind: 'option', optionId });
      expect(await refreshAuditSummaries(context)).toBe(1);
    }
    expect(await db.summaryPacks.count()).toBe(7);
    expect(await refreshAuditSummaries(context)).toBe(0);
    expect(await scores()).toEqual({ 'audit-a': [83.33, 0], 'audit-b': [100, 75] });
  });

  it('gathers them too where only one EPCI\'s members are read (a results page after each change)', async () => {
    await importAuditFiles([exportFile('a.json', [ambérieu, bâgé], [auditA, auditB])], context);
    const communeA = await db.communes.where('insee').equals('01001').first();
    for (const optionId of Array.from({ length: 35 }, () => ['yes', 'no']).flat()) {
      await saveAnswer('audit-a', 'backup-c', { kind: 'option', optionId });
      expect(await refreshAuditSummaries(context, { communeIds: [communeA?.id ?? ''] })).toBe(1);
    }
    // As for a read of every audit: 65 packs after the 64th change become one, the 6 changes after it add one each.
    expect(await db.summaryPacks.count()).toBe(7);
    expect(await scores()).toEqual({ 'audit-a': [83.33, 0], 'audit-b': [100, 75] });
  });

  it('reads a damaged pack as missing and makes its summaries again', async () => {
    await importAuditFiles([exportFile('a.json', [ambérieu, bâgé], [auditA, auditB])], context);
    const [pack] = await db.summaryPacks.toArray();
    await db.summaryPacks.put({ ...(pack ?? (await Promise.reject(new Error('no pack')))), populations: [800] });
    expect(await refreshAuditSummaries(context)).toBe(2);
    expect(await scores()).toEqual({ 'audit-a': [83.33, 0], 'audit-b': [100, 75] });
  });
});
