import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from '../../../src/domain/exchange/json-depth';

describe('exceedsJsonDepth', () => {
  it.each([
    ['{}', 1, false],
    ['{}', 0, true],
    ['{"a":[1,{"b":[]}]}', 4, false],
    ['{"a":[1,{"b":[]}]}', 3, true],
    // Brackets inside strings, escaped quotes included, do not count.
    ['{"a":"[[[[{{{{"}', 1, false],
    ['{"a":"\\"[[[["}', 1, false],
    ['[[["\\\\"]]]', 3, false],
    // An escaped backslash then an escaped quote: the string still runs on to the last quote.
    ['{"a":"\\\\\\"[[[["}', 1, false],
    ['{"a":"\\\\"}', 1, false],
    ['{"a":"x\\\\","b":[[1]]}', 2, true],
    // An unterminated string: nothing more to count (JSON.parse refuses the text).
    ['[[["[[[[[[', 3, false],
  ])('%s with a limit of %i → %s', (text, max, expected) => {
    expect(exceedsJsonDepth(text, max)).toBe(expected);
  });

  it('spots 100,000 levels of nesting without recursion', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(exceedsJsonDepth(deep, 32)).toBe(true);
  });
});
