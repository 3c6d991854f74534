/** Base64 (standard alphabet, padded) for bytes of any size, in chunks so large files do not overflow the stack. */

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(''));
}

/** The browser's own decoder where there is one (Chromium 140, Firefox 133, Safari 18.2): a pull decodes 35,000. */
const fromBase64 = (Uint8Array as unknown as { fromBase64?: (base64: string) => Uint8Array<ArrayBuffer> }).fromBase64;

/** Throws on malformed input; the envelope schema has already checked the alphabet and length. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  if (fromBase64 !== undefined) return fromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

type SetFromBase64 = (this: Uint8Array, base64: string) => { read: number; written: number };
const setFromBase64 = (Uint8Array.prototype as unknown as { setFromBase64?: SetFromBase64 }).setFromBase64;

/**
 * Decodes into `target` (which must hold at least base64DecodedLength(base64) bytes), returning how many bytes were
 * written: a pull decodes 35,000 envelopes straight into the buffer of their batch, with no array of their own.
 * Throws on malformed input, as base64ToBytes does.
 */
export function base64Into(base64: string, target: Uint8Array): number {
  if (setFromBase64 !== undefined) {
    const { read, written } = setFromBase64.call(target, base64);
    if (read !== base64.length) throw new RangeError('base64: target too small');
    return written;
  }
  const bytes = base64ToBytes(base64);
  target.set(bytes);
  return bytes.length;
}

/** At most how many bytes `base64` decodes to (exact when it is padded). */
export const base64DecodedLength = (base64: string): number => Math.floor((base64.length * 3) / 4);
