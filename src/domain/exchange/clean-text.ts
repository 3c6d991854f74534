/** Free text is kept as plain text, minus the invisible characters that could disguise it on screen. */

/*
 * Removed:
 * - C0/C1 control characters (except tab and line breaks): no place in a name or a note;
 * - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make "‮fdp.exe" read as
 *   "exe.pdf" and spill into the text around them, and the bidi marks (U+200E, U+200F, U+061C);
 * - zero-width and invisible characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+180E, U+00AD soft hyphen,
 *   U+FFF9–U+FFFB): "Ambérieu" with a zero-width space inside looks like the real commune and is another row;
 * - lone surrogates (half of a character), which no UTF-8 file can hold: the file would not read back.
 * Legitimate French text contains none of them.
 */
const UNSAFE_CHARACTERS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cleanText(value: string): string {
  return value.replace(UNSAFE_CHARACTERS, '');
}
