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
