/**
 * The text of an export file: JSON with every character outside ASCII written as a \u escape ("Ambérieu" becomes
 * "Amb\u00e9rieu"), the same document for any JSON reader.
 *
 * Why: a browser holds a text as one byte per character only when every character fits in one byte; a single
 * "œ" or typographic apostrophe in a 16 MB file made it two bytes a character, and reading and parsing it much
 * slower, on every file of an EPCI's import (figures in docs/measurements.md).
 */
const NON_ASCII = /[\u0080-\uffff]/g;

const escape = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function stringifyAscii(value: unknown): string {
  // Outside strings JSON.stringify writes ASCII only, so every character replaced here sits inside a string, where
  // a \u escape means that character (a surrogate pair becomes two escapes, which JSON reads back as the pair).
  return JSON.stringify(value).replace(NON_ASCII, escape);
}
