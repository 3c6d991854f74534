/**
 * deflate-raw with the platform's CompressionStream / DecompressionStream (every browser the app supports since
 * 2023, and Node): nothing to ship, and the work is native.
 */
import { join } from '../domain/mailbox/pull-frames';

/** Whether this browser compresses deflate-raw (Safari before 16.4 does not: its envelopes go uncompressed). */
export function canDeflate(): boolean {
  try {
    return typeof CompressionStream === 'function' && new CompressionStream('deflate-raw') instanceof CompressionStream;
  } catch {
    return false;
  }
}

/**
 * Runs bytes through a transform stream, reading as it writes (a transform holds back until it is read). At most
 * `limit` bytes come out: past it, null, and the rest is never produced (a small stream that inflates to gigabytes
 * stops at the limit).
 */
async function transform(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const writer = stream.writable.getWriter();
  const writing = writer.write(bytes).then(() => writer.close());
  // A corrupt stream fails both sides; the reading side reports it.
  writing.catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  await writing;
  if (chunks.length === 1 && chunks[0]?.buffer instanceof ArrayBuffer && chunks[0].byteLength === chunks[0].buffer.byteLength) return chunks[0] as Uint8Array<ArrayBuffer>;
  return join(chunks, total);
}

export async function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  // deflate-raw grows incompressible input by a few bytes per 16 KB block at most.
  const out = await transform(bytes, new CompressionStream('deflate-raw'), bytes.length + 64 + Math.ceil(bytes.length / 1024));
  if (out === null) throw new RangeError('deflate output past its bound');
  return out;
}

/** The inflated bytes, exactly `expected` of them, or null (corrupt stream, or one giving more or fewer bytes). */
export async function inflateRawExactly(bytes: Uint8Array<ArrayBuffer>, expected: number): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const out = await transform(bytes, new DecompressionStream('deflate-raw'), expected);
    return out !== null && out.length === expected ? out : null;
  } catch {
    return null;
  }
}
