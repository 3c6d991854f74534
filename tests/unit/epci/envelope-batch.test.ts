/**
 * A batch of the mailbox's envelopes through the import, as it runs where there is no Worker (jsdom; a browser
 * without workers): the page opens each envelope, checks its file through the door and writes the batch, the
 * same steps a worker takes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createMailboxKey, sealEnvelope, type MailboxPrivateKey } from '../../../src/crypto/mailbox-envelope';
import { db } from '../../../src/db/database';
import type { SummaryContext } from '../../../src/db/epci-repository';
import { createAuditSummarizer } from '../../../src/domain/epci/create-audit-summarizer';
import { createSummaryCodec } from '../../../src/domain/epci/summary-codec';
import { summaryDerivationKey } from '../../../src/domain/epci/summary-derivation-key';
import { buildExportDocument } from '../../../src/domain/exchange/build-export';
import type { ExportedCommune } from '../../../src/domain/exchange/schema-v1';
import { importAuditFiles } from '../../../src/services/epci-import/epci-import';
import type { EnvelopeBatch, SealedFile } from '../../../src/services/epci-import/envelope-batch';
import { catalogue, questionnaire } from './epci-fixtures';
import { exportedAudit, exportedCommune } from './export-files';

const context: SummaryContext = {
  questionnaireVersion: questionnaire.version,
  derivationKey: summaryDerivationKey(questionnaire, catalogue),
  summarize: createAuditSummarizer(questionnaire, catalogue),
  codec: createSummaryCodec(questionnaire, catalogue),
};

let key: MailboxPrivateKey;
beforeAll(async () => {
  key = (await createMailboxKey('phrase de passe du test')).key;
});

/** The file a commune's device sends for one audit, sealed to the EPCI's key and routed on its INSEE code. */
async function envelope(insee: string, auditId: string, { commune = exportedCommune(`c-${insee}`, `Commune ${insee}`, insee), status = 'completed' } = {}): Promise<SealedFile> {
  const audit = { ...exportedAudit(auditId, commune.id, { 'backup-a': 'yes' }), status } as ReturnType<typeof exportedAudit>;
  const document = buildExportDocument({ kind: 'audits', communes: [commune], audits: [audit], planItems: [] }, { exportedAt: '2026-11-20T10:00:00.000Z', appVersion: '0.1.0' });
  const bytes = await sealEnvelope(JSON.stringify(document), key, { insee, auditId, versionDate: audit.updatedAt });
  return { name: `${insee}-${auditId}.cyberdiag.json`, insee, auditId, bytes };
}

const batchOf = (envelopes: SealedFile[]): EnvelopeBatch => ({ kind: 'mailbox-envelopes', name: 'mailbox-1.cyberdiag.json', envelopes, key });

describe('a batch of envelopes through the import', () => {
  it('writes the files that pass in one write, and gives each envelope that does not its own verdict', async () => {
    const tampered = await envelope('01002', 'audit-b');
    tampered.bytes[tampered.bytes.length - 1] = (tampered.bytes[tampered.bytes.length - 1] ?? 0) ^ 1;
    // Sealed for one audit, routed by the server as another: refused as tampered with, as a changed byte is.
    const rerouted = { ...(await envelope('01003', 'audit-c')), auditId: 'audit-other' };
    const refusedByDoor = await envelope('01004', 'audit-d', { status: 'not-a-status' });
    const batch = batchOf([await envelope('01001', 'audit-a'), tampered, rerouted, refusedByDoor, await envelope('01005', 'audit-e')]);

    const result = await importAuditFiles([batch], context);

    expect(result.files).toEqual([{ name: 'mailbox-1.cyberdiag.json', status: 'imported', added: 2, updated: 0, skipped: 0 }]);
    expect(result.envelopes[0]).toEqual([
      { name: '01001-audit-a.cyberdiag.json', status: 'gathered' },
      { name: '01002-audit-b.cyberdiag.json', status: 'refused', problem: 'tampered-envelope' },
      { name: '01003-audit-c.cyberdiag.json', status: 'refused', problem: 'tampered-envelope' },
      { name: '01004-audit-d.cyberdiag.json', status: 'error', code: 'invalid' },
      { name: '01005-audit-e.cyberdiag.json', status: 'gathered' },
    ]);
    expect((await db.audits.toArray()).map((audit) => audit.id).sort()).toEqual(['audit-a', 'audit-e']);
    expect(result.written.entries.map((entry) => entry.auditId).sort()).toEqual(['audit-a', 'audit-e']);
  });

  it('sets aside a file that shares a commune with one already in the batch, for the caller to import on its own', async () => {
    const shared: ExportedCommune = exportedCommune('c-shared', 'Commune partagée', '01001');
    const batch = batchOf([await envelope('01001', 'audit-a', { commune: shared }), await envelope('01006', 'audit-f', { commune: { ...shared, insee: '01006' } })]);

    const result = await importAuditFiles([batch], context);

    expect(result.envelopes[0]?.map((verdict) => verdict.status)).toEqual(['gathered', 'deferred']);
    expect((await db.audits.toArray()).map((audit) => audit.id)).toEqual(['audit-a']);
  });

  it('writes nothing for a batch none of whose envelopes opens', async () => {
    const foreign = (await createMailboxKey('une autre intercommunalité')).key;
    const other = await envelope('01001', 'audit-a');
    const result = await importAuditFiles([{ ...batchOf([other]), key: foreign }], context);

    expect(result.files).toEqual([{ name: 'mailbox-1.cyberdiag.json', status: 'empty' }]);
    expect(result.envelopes[0]).toEqual([{ name: '01001-audit-a.cyberdiag.json', status: 'refused', problem: 'foreign-envelope' }]);
    expect(await db.audits.count()).toBe(0);
  });
});
