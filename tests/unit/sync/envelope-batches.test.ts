import { beforeAll, describe, expect, it } from 'vitest';
import { createMailboxKey, type MailboxPrivateKey } from '../../../src/crypto/mailbox-envelope';
import { bytesToBase64 } from '../../../src/crypto/base64';
import { EXPORT_LIMITS } from '../../../src/domain/exchange/export-format';
import { EnvelopeBatcher, type RoutedEnvelope } from '../../../src/services/sync/envelope-batches';

let key: MailboxPrivateKey;
beforeAll(async () => {
  key = (await createMailboxKey('phrase de passe du test')).key;
});

/** The batcher looks only at the header the server routed on: the bytes, as the stream carries them, stay sealed. */
const routed = (insee: string, auditId: string): RoutedEnvelope => ({ name: `${insee}-${auditId}.cyberdiag.json`, insee, auditId });
const base64 = (size = 3_000, fill = 7) => bytesToBase64(new Uint8Array(size).fill(fill));
const add = (batcher: EnvelopeBatcher, insee: string, auditId: string, size?: number) => batcher.add(routed(insee, auditId), base64(size));
const names = (batches: ReturnType<EnvelopeBatcher['finish']>) => batches.map((batch) => batch.envelopes.map((envelope) => envelope.name));

describe('EnvelopeBatcher', () => {
  it('gathers the envelopes of different communes into one batch, with the key to open them', () => {
    const batcher = new EnvelopeBatcher(key);
    for (const [insee, auditId] of [['01001', 'audit-a'], ['01002', 'audit-b'], ['01004', 'audit-c']] as const) add(batcher, insee, auditId);
    expect(batcher.take()).toEqual([]);
    const batches = batcher.finish();

    expect(names(batches)).toEqual([['01001-audit-a.cyberdiag.json', '01002-audit-b.cyberdiag.json', '01004-audit-c.cyberdiag.json']]);
    expect(batches[0]?.name).toBe('mailbox-1.cyberdiag.json');
    expect(batches[0]?.key).toBe(key);
  });

  it('puts two audits of one commune in two batches, and names a batch of one after its envelope', () => {
    const batcher = new EnvelopeBatcher(key);
    add(batcher, '01001', 'audit-a');
    add(batcher, '01001', 'audit-a2');
    add(batcher, '01002', 'audit-b');
    const batches = batcher.finish();

    expect(names(batches)).toEqual([['01001-audit-a.cyberdiag.json', '01002-audit-b.cyberdiag.json'], ['01001-audit-a2.cyberdiag.json']]);
    expect(batches.map((batch) => batch.name)).toEqual(['mailbox-1.cyberdiag.json', '01001-audit-a2.cyberdiag.json']);
  });

  it('hands over the oldest batch rather than gather more than four at once (a commune with many audits)', () => {
    const batcher = new EnvelopeBatcher(key);
    for (let n = 1; n <= 5; n++) add(batcher, '01001', `audit-${n}`);
    expect(names(batcher.take())).toEqual([['01001-audit-1.cyberdiag.json']]);
    expect(names(batcher.finish())).toHaveLength(4);
  });

  it('hands a batch to the import as soon as it holds 2,000 envelopes', () => {
    const batcher = new EnvelopeBatcher(key);
    for (let n = 0; n < 2_001; n++) add(batcher, String(10_000 + n), `audit-${n}`, 100);
    expect(batcher.take().map((batch) => batch.envelopes.length)).toEqual([2_000]);
    expect(batcher.finish().map((batch) => batch.envelopes.length)).toEqual([1]);
  });

  it('keeps each envelope\'s bytes as they came, in one buffer the batch can hand over whole', () => {
    const batcher = new EnvelopeBatcher(key);
    for (let n = 0; n < 400; n++) batcher.add(routed(String(10_000 + n), `audit-${n}`), base64(3_001 + n, n % 256));
    const [batch] = batcher.finish();

    expect(batch?.envelopes.map((envelope) => [envelope.bytes.length, envelope.bytes[0], envelope.bytes.at(-1)])).toEqual(Array.from({ length: 400 }, (_, n) => [3_001 + n, n % 256, n % 256]));
    expect(new Set(batch?.envelopes.map((envelope) => envelope.bytes.buffer)).size).toBe(1);
  });

  it('closes a batch at 10 MB, taking the envelope that passes it if it is not over a megabyte more', () => {
    const tenMegabytes = EXPORT_LIMITS.auditsFileBytes / 2;
    const sizes = (last: number) => {
      const batcher = new EnvelopeBatcher(key);
      batcher.add(routed('01001', 'audit-a'), new Uint8Array(tenMegabytes - 1));
      batcher.add(routed('01002', 'audit-b'), new Uint8Array(last));
      return [...batcher.take(), ...batcher.finish()].map((batch) => batch.envelopes.map((envelope) => envelope.bytes.length));
    };
    expect(sizes(512 * 1024)).toEqual([[tenMegabytes - 1, 512 * 1024]]);
    expect(sizes(2 * 1024 * 1024)).toEqual([[tenMegabytes - 1], [2 * 1024 * 1024]]);
  });

  it('refuses an envelope that is not base64, keeping nothing of it', () => {
    const batcher = new EnvelopeBatcher(key);
    expect(() => batcher.add(routed('01001', 'audit-a'), 'not base64 at all!')).toThrow();
    add(batcher, '01001', 'audit-a2', 10);
    expect(batcher.finish().map((batch) => batch.envelopes.map((envelope) => [envelope.name, envelope.bytes.length]))).toEqual([[['01001-audit-a2.cyberdiag.json', 10]]]);
  });
});
