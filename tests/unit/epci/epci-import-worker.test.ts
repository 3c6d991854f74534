/**
 * The EPCI import's worker, driven message by message as the page drives it. The page plans a file's write as
 * soon as the worker says the file is open, so a "write" can arrive while the worker is still loading what it
 * summarises audits with (the questionnaire and catalogue, slow on a first import).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/database';
import type * as EpciRepository from '../../../src/db/epci-repository';
import type { SummaryContext } from '../../../src/db/epci-repository';
import { createAuditSummarizer } from '../../../src/domain/epci/create-audit-summarizer';
import { createSummaryCodec } from '../../../src/domain/epci/summary-codec';
import { summaryDerivationKey } from '../../../src/domain/epci/summary-derivation-key';
import type { WorkerReply, WorkerRequest } from '../../../src/services/epci-import/epci-import-worker';
import { catalogue, questionnaire } from './epci-fixtures';
import { exportedAudit, exportedCommune, exportFile } from './export-files';

/** The summary context the worker loads, held back until the test lets it through. */
const gate = vi.hoisted(() => {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open: () => open() };
});

vi.mock('../../../src/db/epci-repository', async (importOriginal) => {
  const actual = await importOriginal<typeof EpciRepository>();
  const context: SummaryContext = {
    questionnaireVersion: questionnaire.version,
    derivationKey: summaryDerivationKey(questionnaire, catalogue),
    summarize: createAuditSummarizer(questionnaire, catalogue),
    codec: createSummaryCodec(questionnaire, catalogue),
  };
  return { ...actual, loadSummaryContext: () => gate.opened.then(() => context) };
});

/** The worker's global scope: what it posts is kept, and each reply wakes whoever waits for one. */
const replies: WorkerReply[] = [];
let wake: () => void = () => undefined;
const scope: { onmessage: ((event: MessageEvent<WorkerRequest>) => unknown) | null; postMessage: (reply: WorkerReply) => void } = {
  onmessage: null,
  postMessage: (reply) => {
    replies.push(reply);
    wake();
  },
};

const send = (request: WorkerRequest) => scope.onmessage?.({ data: request } as MessageEvent<WorkerRequest>);

async function nextReply(type: WorkerReply['type']): Promise<WorkerReply> {
  for (;;) {
    const found = replies.find((r) => r.type === type);
    if (found) return found;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

beforeAll(async () => {
  vi.stubGlobal('self', scope);
  await import('../../../src/services/epci-import/epci-import-worker');
});

describe('the EPCI import worker', () => {
  it('writes a file the page asks for as soon as it is opened, even while the summary context is still loading', async () => {
    const ambérieu = exportedCommune('c-a', 'Ambérieu', '01001');
    send({ type: 'open', file: exportFile('ambérieu.json', [ambérieu], [exportedAudit('audit-a', 'c-a', { 'backup-a': 'yes' })]), passphrase: undefined });
    expect(await nextReply('opened')).toMatchObject({ type: 'opened', ok: true });

    // The page's instructions arrive before the questionnaire and catalogue have loaded.
    send({ type: 'write', name: 'ambérieu.json', instructions: { context: { existingAudits: new Map(), existingCommunes: [] }, decisions: [] } });
    gate.open();

    const written = await nextReply('written');
    expect(written.type === 'written' && written.outcome.result).toEqual({ name: 'ambérieu.json', status: 'imported', added: 1, updated: 0, skipped: 0 });
    expect(await db.audits.count()).toBe(1);
    expect(await db.summaryPacks.count()).toBe(1);
  });
});
