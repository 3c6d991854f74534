import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../../src/i18n/locales');
const namespaces = (language: string) =>
  fs.readdirSync(path.join(root, language)).filter((f) => f.endsWith('.json')).sort();

function flatten(value: unknown, prefix = ''): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { [prefix]: value };
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, child]) => Object.entries(flatten(child, prefix ? `${prefix}.${key}` : key))),
  );
}

const read = (language: string, file: string) => flatten(JSON.parse(fs.readFileSync(path.join(root, language, file), 'utf8')));

describe('locale files', () => {
  it('have the same namespaces in French and English', () => {
    expect(namespaces('en')).toEqual(namespaces('fr'));
  });

  it.each(namespaces('fr'))('%s: every key exists in both languages, with text', (file) => {
    const fr = read('fr', file);
    const en = read('en', file);
    // Plural forms differ by language in principle, but French and English both use _one/_other here.
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [key, value] of [...Object.entries(fr), ...Object.entries(en)]) {
      expect(typeof value, `${file} ${key}`).toBe('string');
      expect(String(value).trim(), `${file} ${key}`).not.toBe('');
    }
  });

  it.each(namespaces('fr'))('%s: interpolations match between the languages', (file) => {
    const fr = read('fr', file);
    const en = read('en', file);
    const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(fr)) expect(placeholders(en[key]), `${file} ${key}`).toEqual(placeholders(fr[key]));
  });
});
