/**
 * Words a reader would take at face value (issue 13 item 6): an EDR is a detection and response tool, watched
 * by someone, not a kind of antivirus; an OPSN is an "inter-municipal IT body" in English, not a "syndicate"
 * (a trade union to an English reader). Walks every interface text and the current questionnaire, actions and
 * barometers (the archived version 1 stays as shipped).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
}

/** Every string in a JSON file, with where it is; `{ fr, en }` pairs give their English side under …/en. */
function strings(value: unknown, where: string): { where: string; text: string }[] {
  if (typeof value === 'string') return [{ where, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${where}/${i}`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => strings(v, `${where}/${k}`));
  return [];
}

const read = (file: string) => strings(JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')), file);
const content = [
  'questionnaires/manifest.json',
  ...files('questionnaires/themes'),
  ...files('questionnaires/actions'),
  ...files('questionnaires/benchmarks'),
].flatMap(read);
const english = [...files('src/i18n/locales/en').flatMap(read), ...content.filter((s) => s.where.endsWith('/en'))];
const everything = [...files('src/i18n/locales/fr').flatMap(read), ...files('src/i18n/locales/en').flatMap(read), ...content];

describe('the wording', () => {
  it('finds the texts it checks', () => {
    expect(english.length).toBeGreaterThan(1000);
  });

  it('never calls an OPSN or an IT pooling body a "syndicate" in English', () => {
    expect(english.filter((s) => /syndicate/i.test(s.text)).map((s) => s.where)).toEqual([]);
  });

  it('never calls an EDR an antivirus, in either language', () => {
    const antivirusEdr = /antivirus\s+(de\s+)?(EDR|nouvelle\s+génération)|EDR\s+antivirus|(new|next)[- ]generation\s+antivirus/i;
    expect(everything.filter((s) => antivirusEdr.test(s.text)).map((s) => `${s.where}: ${s.text}`)).toEqual([]);
  });
});
