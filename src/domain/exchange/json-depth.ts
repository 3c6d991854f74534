/** Refuses absurdly nested JSON before JSON.parse sees it: one linear scan, no recursion, no allocation. */

/** True when arrays/objects nest deeper than `maxDepth` anywhere in `text` (brackets inside strings ignored). */
export function exceedsJsonDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Most of an export is strings: jump to the closing quote (one not escaped by an odd run of backslashes).
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
      // An unterminated string: JSON.parse refuses the text anyway.
      if (end === -1) return false;
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}

/** True when the quote at `at` follows an odd number of backslashes. Each backslash is looked at once per quote. */
function isEscaped(text: string, at: number): boolean {
  let slashes = 0;
  while (text.charCodeAt(at - 1 - slashes) === 0x5c /* \ */) slashes++;
  return slashes % 2 === 1;
}
