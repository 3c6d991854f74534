// Each test makes its keys; createMailboxKey and openMailboxKey each run PBKDF2 once (about half a second here).
import { beforeAll, describe, expect, it } from 'vitest';
import { createMailboxKey, openEnvelope, openMailboxKey, sealEnvelope, type MailboxPrivateKey } from '../../../src/crypto/mailbox-envelope';
import { readEnvelopeHeader } from '../../../src/domain/mailbox/envelope-format';
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
function withHeader(envelope: Uint8Array, header: string): Uint8Array {
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
    expect(opened).toMatchObject({ ok: true, text: plain, header: { ...metadata, kid: epci.keyId, size: new TextEncoder().encode(plain).length } });
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
