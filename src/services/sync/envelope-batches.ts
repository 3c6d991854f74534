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
/**
 * Each envelope was held to the door's cap for an audits file; the batch is not a file, only memory and a share of
 * the import's work, so half the cap: uncompressed envelopes (version 1) fill it before MAX_ENVELOPES, and smaller
 * batches shorten the work left when the stream ends (docs/mailbox-measurements.md).
 */
const MAX_BYTES = EXPORT_LIMITS.auditsFileBytes / 2;
/**
 * Batches gathered at once. A commune with several audits in the pull opens one batch per audit; past this, the
 * oldest is handed over as it is, so that a pull never holds more than a few buffers of MAX_BYTES.
 */
const MAX_OPEN = 4;
/** Room for the envelope that takes a batch past MAX_BYTES; a larger one closes the batch and starts the next. */
const MARGIN = 1 << 20;

/** How the server routed an envelope: the header its name and batch are decided on. */
export type RoutedEnvelope = Omit<SealedFile, 'bytes'>;

/**
 * A batch being gathered: its envelopes' bytes decoded one after the other into one buffer, so that the batch
 * crosses to a worker as one transferred buffer, where copying it, or gathering an array per envelope, was a
 * measurable share of the page's time in a pull (docs/mailbox-measurements.md).
 */
class OpenBatch {
  readonly keys = new Set<string>();
  readonly envelopes: Array<RoutedEnvelope & { start: number; end: number }> = [];
  /**
   * Its full size at once, and a margin for the envelope that fills it: grown by doubling, or by that last envelope,
   * the copies came to more bytes than the envelopes.
   */
  buffer: Uint8Array<ArrayBuffer>;
  used = 0;

  constructor(size: number) {
    this.buffer = new Uint8Array(Math.max(size, MAX_BYTES + MARGIN));
  }

  /** Whether an envelope of that many bytes (at most) goes in without growing the buffer. */
  fits(size: number): boolean {
    return this.used + size <= this.buffer.length;
  }

  add(envelope: RoutedEnvelope, bytes: Uint8Array | string, keys: readonly string[]): void {
    // Throws on malformed base64 before anything of the envelope is kept.
    const written = typeof bytes === 'string' ? base64Into(bytes, this.buffer.subarray(this.used)) : copyInto(bytes, this.buffer, this.used);
    for (const key of keys) this.keys.add(key);
    this.envelopes.push({ ...envelope, start: this.used, end: this.used + written });
    this.used += written;
  }

  sealed(): SealedFile[] {
    return this.envelopes.map(({ start, end, ...routed }) => ({ ...routed, bytes: this.buffer.subarray(start, end) }));
  }
}

function copyInto(bytes: Uint8Array, target: Uint8Array, at: number): number {
  target.set(bytes, at);
  return bytes.length;
}

const keysOf = (envelope: RoutedEnvelope) => [`insee:${envelope.insee}`, `audit:${envelope.auditId}`];

export class EnvelopeBatcher {
  private readonly open: OpenBatch[] = [];
  private ready: EnvelopeBatch[] = [];
  private gathered = 0;

  constructor(private readonly key: MailboxPrivateKey) {}

  /** The envelope's bytes, or their base64 (a server that sends JSON lines); throws, keeping nothing, on bad base64. */
  add(envelope: RoutedEnvelope, bytes: Uint8Array | string): void {
    const keys = keysOf(envelope);
    const size = typeof bytes === 'string' ? base64DecodedLength(bytes) : bytes.length;
    let batch = this.open.find((candidate) => !keys.some((key) => candidate.keys.has(key)));
    if (batch !== undefined && !batch.fits(size)) {
      this.close(batch);
      batch = undefined;
    }
    if (batch === undefined) {
      const oldest = this.open[0];
      if (this.open.length >= MAX_OPEN && oldest !== undefined) this.close(oldest);
      batch = new OpenBatch(size);
      this.open.push(batch);
    }
    batch.add(envelope, bytes, keys);
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
