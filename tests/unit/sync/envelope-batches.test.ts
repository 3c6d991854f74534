import { describe, expect, it } from 'vitest';
import { EnvelopeBatcher, type ReceivedFile } from '../../../src/services/sync/envelope-batches';
import { openExportFile } from '../../../src/services/exchange/import-files';
import { buildExportDocument } from '../../../src/domain/exchange/build-export';
import { exportedAudit, exportedCommune } from '../epci/export-files';

/** A received file as a commune's device exports it: the app's own export builder, not a hand-made version. */
const received = (insee: string, auditId: string): ReceivedFile => {
  const commune = exportedCommune(`c-${insee}`, `Commune ${insee}`, insee);
  const document = buildExportDocument(
    { kind: 'audits', communes: [commune], audits: [exportedAudit(auditId, commune.id, { 'backup-a': 'yes' })], planItems: [] },
    { exportedAt: '2026-11-20T10:00:00.000Z', appVersion: '0.1.0' },
  );
  return { name: `${insee}-${auditId}.cyberdiag.json`, insee, text: JSON.stringify(document) };
};

describe('EnvelopeBatcher', () => {
  it('gathers the audits files the app exports into one file that the import door opens whole', async () => {
    const batcher = new EnvelopeBatcher();
    for (const [insee, auditId] of [['01001', 'audit-a'], ['01002', 'audit-b'], ['01004', 'audit-c']] as const) batcher.add(received(insee, auditId));
    const batches = batcher.finish();

    const [batch, ...others] = batches;
    expect(others).toEqual([]);
    expect(batch?.members.map((member) => member.name)).toEqual(['01001-audit-a.cyberdiag.json', '01002-audit-b.cyberdiag.json', '01004-audit-c.cyberdiag.json']);
    if (batch === undefined) return;
    const opened = await openExportFile(batch.file);
    expect(opened.ok).toBe(true);
    if (opened.ok) expect(opened.value.payload.audits.map((audit) => audit.id)).toEqual(['audit-a', 'audit-b', 'audit-c']);
  });

  it('puts two audits of one commune in two files, and leaves a file it cannot gather as it came', async () => {
    const batcher = new EnvelopeBatcher();
    batcher.add(received('01001', 'audit-a'));
    batcher.add(received('01001', 'audit-a2'));
    const backup = buildExportDocument({ kind: 'backup', communes: [], audits: [], planItems: [] }, { exportedAt: '2026-11-20T10:00:00.000Z', appVersion: '0.1.0' });
    batcher.add({ name: '01003-backup.cyberdiag.json', insee: '01003', text: JSON.stringify(backup) });
    const batches = batcher.finish();

    expect(batches.map((batch) => batch.members.map((member) => member.name))).toEqual([
      ['01003-backup.cyberdiag.json'],
      ['01001-audit-a.cyberdiag.json'],
      ['01001-audit-a2.cyberdiag.json'],
    ]);
  });

  it('holds a received text to the door\'s size cap in UTF-8 bytes, as it holds a file', async () => {
    const { name, text } = received('01001', 'audit-a');
    const accented = text.replace('Commune 01001', 'Bâgé-la-Ville, Éguzon-Chantôme');
    const bytes = new TextEncoder().encode(accented).length;
    expect(bytes).toBeGreaterThan(accented.length);

    const refused = await openExportFile({ name, text: accented }, { maxBytes: accented.length });
    expect(refused.ok ? null : refused.error.code).toBe('too-large');
    const opened = await openExportFile({ name, text: accented }, { maxBytes: bytes });
    expect(opened.ok ? opened.value.payload.communes.map((commune) => commune.name) : opened.error.code).toEqual(['Bâgé-la-Ville, Éguzon-Chantôme']);
  });
});
