/** Imported free text is kept as plain text, minus the invisible characters that could disguise it on screen. */

/*
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make "‮fdp.exe" read as
 * "exe.pdf" and spill into the text around them; C0/C1 control characters (except tab and line breaks) have
 * no place in a name or a note. Legitimate French text never contains either.
 */
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function cleanText(value: string): string {
  return value.replace(UNSAFE_CHARACTERS, '');
}
