// Export files are written in ASCII: every other character as a \u escape, read back as the same document.
import { describe, expect, it } from 'vitest';
import { stringifyAscii } from '../../../src/domain/exchange/ascii-json';

describe('stringifyAscii', () => {
  it.each([
    ['Ambérieu-en-Bugey', '"Amb\\u00e9rieu-en-Bugey"'],
    ['Bœurs-en-Othe', '"B\\u0153urs-en-Othe"'],
    ['l’agent d’accueil', '"l\\u2019agent d\\u2019accueil"'],
    ['20 € par poste', '"20 \\u20ac par poste"'],
    ['clé 🔑', '"cl\\u00e9 \\ud83d\\udd11"'],
    ['"guillemets" et \\ barre', '"\\"guillemets\\" et \\\\ barre"'],
    ['ligne\nsuivante', '"ligne\\nsuivante"'],
  ])('%s → %s', (text, written) => {
    expect(stringifyAscii(text)).toBe(written);
    expect(JSON.parse(stringifyAscii(text))).toBe(text);
  });

  it('writes a whole record in ASCII and reads it back unchanged', () => {
    const record = { id: 'c-1', name: 'Saint-Étienne-du-Grès', note: 'Sauvegarde « hors ligne » à vérifier ; coût ≈ 300 €', nested: [{ a: 'œuvre' }], n: 1.5, b: null };
    const text = stringifyAscii(record);
    expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
    expect(JSON.parse(text)).toEqual(record);
  });
});
