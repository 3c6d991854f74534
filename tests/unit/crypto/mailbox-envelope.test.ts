// Each test makes its keys; createMailboxKey and openMailboxKey each run PBKDF2 once (about half a second here).
import { beforeAll, describe, expect, it } from 'vitest';
import { deflateRaw } from '../../../src/crypto/deflate';
import { createMailboxKey, openEnvelope, openMailboxKey, sealContent, sealEnvelope, type MailboxPrivateKey } from '../../../src/crypto/mailbox-envelope';
import { CONTENT_BLOCK, MAX_PLAINTEXT_BYTES, readEnvelopeHeader } from '../../../src/domain/mailbox/envelope-format';
import { readFixture } from '../exchange/fixtures';

const metadata = { insee: '01001', auditId: 'audit-01001-a', versionDate: '2026-11-30T09:15:00.000Z' };
const plain = readFixture('v1-audits.cyberdiag.json');

let epci: MailboxPrivateKey;
let sealedKey: Awaited<ReturnType<typeof createMailboxKey>>['sealed'];

beforeAll(async () => {
  const made = await createMailboxKey('Communauté de communes 2026 !');
  epci = made.key;
  sealedKey = made.sealed;
});

function headerText(envelope: Uint8Array): string {
  const length = new DataView(envelope.buffer, envelope.byteOffset).getUint32(4);
  return new TextDecoder().decode(envelope.subarray(8, 8 + length));
}

/** The envelope with its header replaced by another of any length (the length field follows). */
function withHeader(envelope: Uint8Array, header: string): Uint8Array<ArrayBuffer> {
  const length = new DataView(envelope.buffer, envelope.byteOffset).getUint32(4);
  const json = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + json.length + envelope.length - 8 - length);
  out.set(envelope.subarray(0, 4));
  new DataView(out.buffer).setUint32(4, json.length);
  out.set(json, 8);
  out.set(envelope.subarray(8 + length), 8 + json.length);
  return out;
}

describe('mailbox envelope', () => {
  it('keeps the EPCI private key non-extractable, and seals and opens an audit file', async () => {
    expect(epci.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', epci.privateKey)).rejects.toThrow();
    const envelope = await sealEnvelope(plain, epci, metadata);
    const opened = await openEnvelope(envelope, epci);
    expect(opened).toMatchObject({ ok: true, text: plain, header: { ...metadata, kid: epci.keyId, v: 2 } });
  });

  it('compresses the file, and shows the server its size to the next 512 bytes only', async () => {
    // A whole audit, every question answered.
    const audit = readFixture('questionnaire-v1-audit.cyberdiag.json');
    const fileBytes = new TextEncoder().encode(audit).length;
    const read = readEnvelopeHeader(await sealEnvelope(audit, epci, metadata));
    if (!read.ok) throw new Error('expected an envelope');
    expect(read.header.size % CONTENT_BLOCK).toBe(0);
    // An audits file deflates to about a fifth; a third is the least an envelope of one should save.
    expect(read.header.size).toBeLessThan(fileBytes / 3);
    // Two files a few bytes apart are one size to the server.
    const longer = await sealEnvelope(audit.replace('"Secr', '"Mme Secr'), epci, metadata);
    expect(audit.replace('"Secr', '"Mme Secr')).not.toBe(audit);
    expect(readEnvelopeHeader(longer)).toMatchObject({ ok: true, header: { size: read.header.size } });
  });

  it('opens an envelope of version 1 (uncompressed, sent by a browser without deflate or before it)', async () => {
    const envelope = await sealEnvelope(plain, epci, metadata, { compress: false });
    expect(readEnvelopeHeader(envelope)).toMatchObject({ ok: true, header: { v: 1, size: new TextEncoder().encode(plain).length } });
    expect(await openEnvelope(envelope, epci)).toMatchObject({ ok: true, text: plain });
  });

  it('seals uncompressed where the browser has no deflate-raw', async () => {
    const original = globalThis.CompressionStream;
    // Safari before 16.4 has no CompressionStream for deflate-raw.
    Object.defineProperty(globalThis, 'CompressionStream', { value: undefined, configurable: true, writable: true });
    try {
      const envelope = await sealEnvelope(plain, epci, metadata);
      expect(readEnvelopeHeader(envelope)).toMatchObject({ ok: true, header: { v: 1 } });
      expect(await openEnvelope(envelope, epci)).toMatchObject({ ok: true, text: plain });
    } finally {
      Object.defineProperty(globalThis, 'CompressionStream', { value: original, configurable: true, writable: true });
    }
  });

  /** A version 2 content laid out by hand: sizes, stream, then `padding` up to the block. */
  function content(size: number, stream: Uint8Array, padding = 0): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(Math.ceil((8 + stream.length) / CONTENT_BLOCK) * CONTENT_BLOCK).fill(padding);
    new DataView(out.buffer).setUint32(0, size);
    new DataView(out.buffer).setUint32(4, stream.length);
    out.set(stream, 8);
    return out;
  }

  it.each([
    // Sealed by a holder of the public key (any commune's device): authentic, and hostile.
    ['a stream that inflates past its stated size (a bomb)', async () => content(100, await deflateRaw(new Uint8Array(5_000_000)))],
    ['a stated size past the import cap', async () => content(MAX_PLAINTEXT_BYTES + 1, await deflateRaw(new Uint8Array(10)))],
    ['a stream shorter than its stated size', async () => content(1_000, await deflateRaw(new TextEncoder().encode('{}')))],
    ['a stream that is not deflate', async () => content(10, new Uint8Array([0xff, 0xff, 0xff, 0xff]))],
    ['padding that is not zeros', async () => content(2, await deflateRaw(new TextEncoder().encode('{}')), 1)],
    ['a stream length past the content', async () => {
      const laid = content(2, await deflateRaw(new TextEncoder().encode('{}')));
      new DataView(laid.buffer).setUint32(4, CONTENT_BLOCK);
      return laid;
    }],
  ])('refuses a compressed envelope holding %s, without inflating it', async (_case, make) => {
    const envelope = await sealContent(await make(), 2, epci, metadata);
    expect(await openEnvelope(envelope, epci)).toEqual({ ok: false, problem: 'not-an-envelope' });
  });

  it('refuses a compressed envelope whose size is not a whole number of blocks', async () => {
    const unpadded = new Uint8Array(CONTENT_BLOCK + 1);
    new DataView(unpadded.buffer).setUint32(0, 1);
    expect(readEnvelopeHeader(await sealContent(unpadded, 2, epci, metadata))).toEqual({ ok: false, problem: 'header' });
  });

  it('shows the server only the INSEE code, audit id, version date, size and key material, never an answer', async () => {
    const envelope = await sealEnvelope(plain, epci, metadata);
    const header = JSON.parse(headerText(envelope)) as Record<string, unknown>;
    expect(Object.keys(header).sort()).toEqual(['alg', 'auditId', 'epk', 'insee', 'iv', 'kid', 'size', 'v', 'versionDate']);
    const visible = new TextDecoder('latin1').decode(envelope);
    // The commune's name and the questionnaire's answer ids, which are in the plain file, are nowhere in the envelope.
    const plainDocument = JSON.parse(plain) as { payload: { communes: Array<{ name: string }>; audits: Array<{ answers: Record<string, unknown> }> } };
    const name = plainDocument.payload.communes[0]?.name ?? '';
    expect(plain).toContain(name);
    expect(visible).not.toContain(name);
    for (const questionId of Object.keys(plainDocument.payload.audits[0]?.answers ?? {})) expect(visible).not.toContain(questionId);
  });

  it('uses a fresh ephemeral key and IV for every envelope', async () => {
    const first = readEnvelopeHeader(await sealEnvelope(plain, epci, metadata));
    const second = readEnvelopeHeader(await sealEnvelope(plain, epci, metadata));
    if (!first.ok || !second.ok) throw new Error('expected envelopes');
    expect(first.header.epk).not.toBe(second.header.epk);
    expect(first.header.iv).not.toBe(second.header.iv);
  });

  it.each([
    ['the INSEE code', (header: string) => header.replace('"01001"', '"01002"')],
    ['the audit id', (header: string) => header.replace('audit-01001-a', 'audit-01001-b')],
    ['the version date', (header: string) => header.replace('2026-11-30T09:15', '2026-12-30T09:15')],
  ])('refuses an envelope whose header was changed on the way (%s)', async (_field, change) => {
    const envelope = await sealEnvelope(plain, epci, metadata);
    const tampered = withHeader(envelope, change(headerText(envelope)));
    expect(readEnvelopeHeader(tampered).ok).toBe(true);
    expect(await openEnvelope(tampered, epci)).toEqual({ ok: false, problem: 'tampered-envelope' });
  });

  it('refuses an envelope whose ciphertext was changed by one bit', async () => {
    const envelope = await sealEnvelope(plain, epci, metadata);
    const last = envelope.length - 20;
    envelope[last] = (envelope[last] ?? 0) ^ 1;
    expect(await openEnvelope(envelope, epci)).toEqual({ ok: false, problem: 'tampered-envelope' });
  });

  it('names an envelope sealed to another EPCI as foreign, and one relabelled to our key id still fails', async () => {
    const other = (await createMailboxKey('Une autre intercommunalité !')).key;
    const foreign = await sealEnvelope(plain, other, metadata);
    expect(await openEnvelope(foreign, epci)).toEqual({ ok: false, problem: 'foreign-envelope' });
    const relabelled = withHeader(foreign, headerText(foreign).replace(other.keyId, epci.keyId));
    expect(await openEnvelope(relabelled, epci)).toEqual({ ok: false, problem: 'tampered-envelope' });
  });

  it.each([
    ['empty', () => new Uint8Array(0)],
    ['a plain audits file', () => new TextEncoder().encode(plain)],
    ['a header that is not JSON', (envelope: Uint8Array) => withHeader(envelope, '{"v":1,')],
    ['a header with an extra field', (envelope: Uint8Array) => withHeader(envelope, headerText(envelope).replace('{', '{"name":"Ambérieu",'))],
    ['a header without its INSEE code', (envelope: Uint8Array) => withHeader(envelope, headerText(envelope).replace('"insee":"01001",', ''))],
    ['a size that does not match', (envelope: Uint8Array) => withHeader(envelope, headerText(envelope).replace('"size":', '"size":1'))],
    ['a version the app does not know', (envelope: Uint8Array) => withHeader(envelope, headerText(envelope).replace('"v":2', '"v":3'))],
  ])('refuses a malformed envelope (%s) as not an envelope', async (_case, make) => {
    const bytes = make(await sealEnvelope(plain, epci, metadata));
    expect(await openEnvelope(bytes, epci)).toEqual({ ok: false, problem: 'not-an-envelope' });
  });

  it('refuses an envelope whose ciphertext was cut short', async () => {
    const envelope = await sealEnvelope(plain, epci, metadata);
    expect(await openEnvelope(envelope.subarray(0, envelope.length - 1), epci)).toEqual({ ok: false, problem: 'not-an-envelope' });
  });

  it('brings the key back from its sealed copy with the passphrase only, still non-extractable', async () => {
    const envelope = await sealEnvelope(plain, epci, metadata);
    expect(await openMailboxKey(sealedKey, 'wrong passphrase')).toMatchObject({ ok: false, error: { code: 'wrong-passphrase-or-tampered' } });
    const restored = await openMailboxKey(sealedKey, 'Communauté de communes 2026 !');
    if (!restored.ok) throw new Error('expected the key');
    expect(restored.value.privateKey.extractable).toBe(false);
    expect(restored.value.keyId).toBe(epci.keyId);
    expect(await openEnvelope(envelope, restored.value)).toMatchObject({ ok: true, text: plain });
  });
});
