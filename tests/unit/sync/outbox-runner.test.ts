// A commune's device sent while offline: its audit waits in the outbox for its retry time (seconds, growing to an
// hour). When the browser says the network is back ("online"), the runner sends it at once, not at that time.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMailboxKey, openEnvelope, type MailboxPrivateKey } from '../../../src/crypto/mailbox-envelope';
import { db } from '../../../src/db/database';
import { saveDeviceConnection } from '../../../src/services/sync/mailbox-settings';
import { queueAudit, retryDelayMs } from '../../../src/services/sync/outbox';
import { flushOutbox, startOutboxRunner } from '../../../src/services/sync/outbox-runner';
import { audit, commune } from '../exchange/seed';

let epciKey: MailboxPrivateKey;
beforeAll(async () => {
  epciKey = (await createMailboxKey('phrase de passe du test')).key;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** The mailbox as the device reaches it: no network until `networkBack()`, then a server that stores each envelope. */
function mailbox() {
  let online = false;
  const stored: Array<Uint8Array<ArrayBuffer>> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    if (!online) throw new TypeError('Failed to fetch');
    if (url.endsWith('/v1/device/envelopes') && init.method === 'PUT') {
      stored.push(init.body as Uint8Array<ArrayBuffer>);
      return new Response(null, { status: 201 });
    }
    return new Response(JSON.stringify({ error: 'not-found' }), { status: 404 });
  });
  return {
    stored,
    networkBack: () => {
      online = true;
      window.dispatchEvent(new Event('online'));
    },
  };
}

describe('the outbox runner', () => {
  it('sends a waiting audit as soon as the browser says the network is back, without waiting out its back-off', async () => {
    await db.communes.add(commune('commune-b', 'Bellecombe', '73034'));
    await db.audits.add(audit('audit-b1', 'commune-b'));
    await saveDeviceConnection({
      serverUrl: 'https://boite.cc-du-test.fr',
      token: 'cdd_x',
      insee: '73034',
      epci: { siren: '200000001', name: 'CC du Test', publicKey: epciKey.publicKey, keyId: epciKey.keyId },
    });
    const server = mailbox();
    await queueAudit('audit-b1');

    // The app starts the runner with audits pending; offline, the send fails and waits for its retry time.
    startOutboxRunner();
    // The round under way (flushOutbox starts none while one runs).
    await flushOutbox();
    const waiting = await db.outbox.get('audit-b1');
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastError: 'offline' });
    expect(Date.parse(waiting?.retryAt ?? '')).toBeGreaterThan(Date.now());

    server.networkBack();
    // The round the "online" event started: without it, this call would start a round that finds nothing due yet.
    await flushOutbox();
    expect(await db.outbox.get('audit-b1')).toMatchObject({ state: 'sent', lastError: null, retryAt: null });
    expect(server.stored).toHaveLength(1);
    // What reached the mailbox is this audit, sealed to the intercommunality's key.
    const opened = await openEnvelope(server.stored[0] ?? new Uint8Array(), epciKey);
    expect(opened).toMatchObject({ ok: true, header: { insee: '73034', auditId: 'audit-b1' } });
  });
});

describe('the back-off of a failed send', () => {
  it('waits 5 s after a first failure, twice as long after each next one, and never more than an hour', () => {
    const middle = () => 0.5; // the jitter's midpoint: ±20 %
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, middle))).toEqual([5_000, 10_000, 20_000, 40_000]);
    // A device offline for days still tries about once an hour.
    expect(retryDelayMs(40, middle)).toBe(3_600_000);
    expect(retryDelayMs(40, () => 0.999)).toBeLessThan(3_600_000 * 1.2);
  });
});
