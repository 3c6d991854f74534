/** Test helpers: the export fixtures of tests/fixtures/exchange/ as text, and a text-backed file source. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportSource } from '../../../src/domain/exchange/read-export-file';

// import.meta.url is not a file: URL under jsdom; resolve from this file's path instead.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url.replace(/^[a-z]+:\/\/[^/]*/, 'file://'))), '../../fixtures/exchange/');

export const readFixture = (name: string): string => readFileSync(`${FIXTURES}${name}`, 'utf8');

export const hostileFixtures = (): Array<[name: string, expected: string]> =>
  Object.entries(JSON.parse(readFixture('hostile/expected.json')) as Record<string, string>);

export const hostileFileNames = (): string[] => readdirSync(`${FIXTURES}hostile`).filter((f) => f !== 'expected.json');

/** The passphrase of v1-audits-encrypted.cyberdiag.json (and of the tampered copy). */
export const FIXTURE_PASSPHRASE = 'correct horse battery staple';

export function textSource(text: string): ExportSource & { reads: number } {
  const source = {
    reads: 0,
    size: new TextEncoder().encode(text).length,
    text: async () => {
      source.reads++;
      return text;
    },
  };
  return source;
}
