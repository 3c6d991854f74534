/**
 * The pull as frames: what the server's /v1/epci/envelopes sends a client that accepts PULL_FRAMES_TYPE (server/src/
 * app.ts writes it; the EPCI's device reads it with PullFrameReader). One frame a record, oldest first: the length of
 * its JSON head (4 bytes, big-endian), the head (as a line of the JSON stream, without `envelope`), the length of
 * its envelope (4 bytes, 0 for none), the envelope's bytes as stored. Against JSON lines it spares base64 and one
 * JSON string of 256 MB on each side in a pull of all of France (docs/mailbox-measurements.md). Never change the
 * layout silently: a new layout is a new media type.
 */
import { MAX_ENVELOPE_BYTES } from './envelope-format.ts';

export const PULL_FRAMES_TYPE = 'application/vnd.cyberdiag.envelopes.v1';

/** A head is a few ids and dates: a longer one is a broken stream, not a reason to buffer megabytes. */
const MAX_HEAD_BYTES = 4_096;

export interface PullFrame {
  head: string;
  /** A view valid until the reader's next read: copy what is kept. */
  envelope: Uint8Array<ArrayBuffer>;
}

const decoder = new TextDecoder();

/** Reads frames from the stream's chunks, however the chunks cut them. Throws a RangeError on a broken stream. */
export class PullFrameReader {
  private chunks: Uint8Array<ArrayBuffer>[] = [];
  private length = 0;
  /** The bytes the next frame needs before it can be read: a frame many chunks long is joined once, not per chunk. */
  private needed = 4;

  read(chunk: Uint8Array<ArrayBuffer>): PullFrame[] {
    this.chunks.push(chunk);
    this.length += chunk.length;
    if (this.length < this.needed) return [];
    const bytes = this.chunks.length === 1 ? chunk : join(this.chunks, this.length);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const frames: PullFrame[] = [];
    let at = 0;
    for (;;) {
      const left = bytes.length - at;
      this.needed = 4;
      if (left < 4) break;
      const headLength = view.getUint32(at);
      if (headLength > MAX_HEAD_BYTES) throw new RangeError('pull frame: head too long');
      this.needed = 8 + headLength;
      if (left < this.needed) break;
      const envelopeLength = view.getUint32(at + 4 + headLength);
      if (envelopeLength > MAX_ENVELOPE_BYTES) throw new RangeError('pull frame: envelope too long');
      this.needed = 8 + headLength + envelopeLength;
      if (left < this.needed) break;
      frames.push({ head: decoder.decode(bytes.subarray(at + 4, at + 4 + headLength)), envelope: bytes.subarray(at + 8 + headLength, at + this.needed) });
      at += this.needed;
    }
    const rest = bytes.subarray(at);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    return frames;
  }

  /** Whether the stream ended between two frames. */
  get complete(): boolean {
    return this.length === 0;
  }
}

/** The chunks one after the other in one new buffer of `length` bytes (their total). */
export function join(chunks: readonly Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}
