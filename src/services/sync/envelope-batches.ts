/**
 * The mailbox's envelopes, still sealed, gathered into batches of up to 2,000 for the import, which opens each batch
 * where it reads its files (src/services/epci-import/envelope-batch.ts) and writes it in one transaction. A pull of
 * all of France is 35,000 one-audit files: through the bulk import one by one, that is 35,000 reads in a worker
 * and 35,000 transactions, where the same audits in files take 18 (bench: tests/bench/mailbox/pull.run.ts).
 *
 * Only the header the server routed each envelope on is known here (the opening checks it is the sealed one): two
 * envelopes of one commune (INSEE code) or of one audit go to two batches, imported one after the other. A file
 * that shares a record with its batch in a way no header shows is set aside by the opening, and imported on its own.
 */
import { EXPORT_FILE_EXTENSION, EXPORT_LIMITS } from '../../domain/exchange/export-format';
import { base64DecodedLength, base64Into } from '../../crypto/base64';
import type { MailboxPrivateKey } from '../../crypto/mailbox-envelope';
import type { EnvelopeBatch, SealedFile } from '../epci-import/envelope-batch';

const MAX_ENVELOPES = 2_000;
/** Well under the door's cap for an audits file, as a file of the EPCI bench is (an envelope is its file and ~200 bytes). */
const MAX_BYTES = EXPORT_LIMITS.auditsFileBytes / 2;
const FIRST_CAPACITY = 1 << 20;

/** How the server routed an envelope: the header its name and batch are decided on. */
export type RoutedEnvelope = Omit<SealedFile, 'bytes'>;

/**
 * A batch being gathered: its envelopes' bytes decoded one after the other into one buffer, so that the batch
 * crosses to a worker as one transferred buffer. Copied instead, 1,450 envelopes cost the page about 0.1 s a batch
 * (2.5 s of a pull of all of France); each envelope an array of its own, as much again to gather them.
 */
class OpenBatch {
  readonly keys = new Set<string>();
  readonly envelopes: Array<RoutedEnvelope & { start: number; end: number }> = [];
  buffer = new Uint8Array(FIRST_CAPACITY);
  used = 0;

  add(envelope: RoutedEnvelope, base64: string, keys: readonly string[]): void {
    const needed = this.used + base64DecodedLength(base64);
    if (needed > this.buffer.length) {
      const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.used));
      this.buffer = grown;
    }
    // Throws on a malformed envelope before anything of it is kept.
    const written = base64Into(base64, this.buffer.subarray(this.used));
    for (const key of keys) this.keys.add(key);
    this.envelopes.push({ ...envelope, start: this.used, end: this.used + written });
    this.used += written;
  }

  sealed(): SealedFile[] {
    return this.envelopes.map(({ start, end, ...routed }) => ({ ...routed, bytes: this.buffer.subarray(start, end) }));
  }
}

const keysOf = (envelope: RoutedEnvelope) => [`insee:${envelope.insee}`, `audit:${envelope.auditId}`];

export class EnvelopeBatcher {
  private readonly open: OpenBatch[] = [];
  private ready: EnvelopeBatch[] = [];
  private gathered = 0;

  constructor(private readonly key: MailboxPrivateKey) {}

  /** Throws, keeping nothing of it, if the envelope is not base64. */
  add(envelope: RoutedEnvelope, base64: string): void {
    const keys = keysOf(envelope);
    let batch = this.open.find((candidate) => !keys.some((key) => candidate.keys.has(key)));
    if (batch === undefined) {
      batch = new OpenBatch();
      this.open.push(batch);
    }
    batch.add(envelope, base64, keys);
    if (batch.envelopes.length >= MAX_ENVELOPES || batch.used >= MAX_BYTES) this.close(batch);
  }

  private close(batch: OpenBatch): void {
    this.open.splice(this.open.indexOf(batch), 1);
    this.ready.push(this.batchOf(batch.sealed()));
  }

  /** A batch of one is named after its envelope, as the results show it. */
  batchOf(envelopes: SealedFile[]): EnvelopeBatch {
    const [only, ...others] = envelopes;
    const name = only !== undefined && others.length === 0 ? only.name : `mailbox-${++this.gathered}${EXPORT_FILE_EXTENSION}`;
    return { kind: 'mailbox-envelopes', name, envelopes, key: this.key };
  }

  /** The batches full since the last call. */
  take(): EnvelopeBatch[] {
    const ready = this.ready;
    this.ready = [];
    return ready;
  }

  /** The rest, once every envelope is in: the batches not full yet. */
  finish(): EnvelopeBatch[] {
    for (const batch of [...this.open]) this.close(batch);
    return this.take();
  }
}
