import { describe, expect, it } from 'vitest';
import { PullFrameReader } from '../../../src/domain/mailbox/pull-frames';

/** A frame as the server writes it: the head's length, the head, the envelope's length, the envelope. */
function frame(head: object, envelope: Uint8Array | null): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(head));
  const bytes = new Uint8Array(8 + json.length + (envelope?.length ?? 0));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, json.length);
  bytes.set(json, 4);
  view.setUint32(4 + json.length, envelope?.length ?? 0);
  if (envelope) bytes.set(envelope, 8 + json.length);
  return bytes;
}

const stream = (...frames: Uint8Array[]) => {
  const all = new Uint8Array(frames.reduce((sum, f) => sum + f.length, 0));
  let at = 0;
  for (const f of frames) {
    all.set(f, at);
    at += f.length;
  }
  return all;
};

const records = stream(
  frame({ seq: 1, insee: '01001', auditId: 'a', size: 3 }, new Uint8Array([1, 2, 3])),
  frame({ seq: 2, insee: '01002', auditId: 'b', withdrawn: true }, null),
  frame({ seq: 3, insee: '01004', auditId: 'c', size: 5_000 }, new Uint8Array(5_000).fill(9)),
  frame({ done: true, cursor: 3 }, null),
);

const read = (chunks: Uint8Array[]) => {
  const reader = new PullFrameReader();
  const frames = chunks.flatMap((chunk) => reader.read(new Uint8Array(chunk)).map((f) => ({ head: JSON.parse(f.head) as unknown, envelope: [...f.envelope.subarray(0, 3)], length: f.envelope.length })));
  return { frames, complete: reader.complete };
};

describe('PullFrameReader', () => {
  it('reads the same records however the network cuts the stream', () => {
    const whole = read([records]);
    expect(whole.complete).toBe(true);
    expect(whole.frames).toEqual([
      { head: { seq: 1, insee: '01001', auditId: 'a', size: 3 }, envelope: [1, 2, 3], length: 3 },
      { head: { seq: 2, insee: '01002', auditId: 'b', withdrawn: true }, envelope: [], length: 0 },
      { head: { seq: 3, insee: '01004', auditId: 'c', size: 5_000 }, envelope: [9, 9, 9], length: 5_000 },
      { head: { done: true, cursor: 3 }, envelope: [], length: 0 },
    ]);
    for (const size of [1, 2, 3, 7, 64, 1_000]) {
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < records.length; at += size) chunks.push(records.subarray(at, at + size));
      expect(read(chunks)).toEqual(whole);
    }
  });

  it('says a stream cut inside a record is incomplete, and refuses a head no server writes', () => {
    const cut = read([records.subarray(0, records.length - 3)]);
    expect(cut.complete).toBe(false);
    expect(cut.frames.map((f) => f.head)).toHaveLength(3);

    const broken = new Uint8Array(8);
    new DataView(broken.buffer).setUint32(0, 1_000_000);
    expect(() => new PullFrameReader().read(broken)).toThrow(RangeError);
  });
});
