import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocumentV1Schema } from '../../../src/domain/exchange/schema-v1';

// import.meta.url is not a file: URL under jsdom; the tests run from the repository root.
const fixtures = path.join(process.cwd(), 'tests/fixtures/exchange');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(fixtures, file), 'utf8'));

type Json = Record<string, unknown> & { payload: { communes: Record<string, unknown>[]; audits: Record<string, unknown>[]; planItems: Record<string, unknown>[] } };
const valid = () => readJson('v1-backup.cyberdiag.json') as Json;

describe('the format 1 schema, one field changed at a time', () => {
  it.each(['v1-audits.cyberdiag.json', 'v1-backup.cyberdiag.json'])('takes the files the app writes (%s)', (file) => {
    expect(exportDocumentV1Schema.safeParse(readJson(file)).success).toBe(true);
  });

  const commune = (doc: Json) => doc.payload.communes[0] ?? {};
  const audit = (doc: Json) => doc.payload.audits[0] ?? {};
  const item = (doc: Json) => doc.payload.planItems[0] ?? {};
  const profileOf = (record: Record<string, unknown>) => record.profile as Record<string, unknown>;

  /** [what, change, the schema's verdict (worked out from it by hand)]. */
  const changes: [string, (doc: Json) => void, 'accepts' | 'refuses'][] = [
    ['a name with spaces and a bidi override around it (cleaned, trimmed)', (d) => (commune(d).name = '  \u202eSaint-Cœur  '), 'accepts'],
    ['an auditor with control characters (cleaned)', (d) => (audit(d).auditor = 'Secr\u0007étaire'), 'accepts'],
    ['a note with a bidi isolate (cleaned)', (d) => (item(d).note = 'à faire \u2066vite'), 'accepts'],
    ['"encrypted": false at the top', (d) => (d.encrypted = false), 'accepts'],
    ['a name of spaces only', (d) => (commune(d).name = '   '), 'refuses'],
    ['a name of 121 characters', (d) => (commune(d).name = 'a'.repeat(121)), 'refuses'],
    ['an INSEE code of four digits', (d) => (commune(d).insee = '1234'), 'refuses'],
    ['a population of 1.5', (d) => (profileOf(commune(d)).population = 1.5), 'refuses'],
    ['a population of -1', (d) => (profileOf(commune(d)).population = -1), 'refuses'],
    ['a population above the limit', (d) => (profileOf(commune(d)).population = 3_000_001), 'refuses'],
    ['"itProvider": "yes"', (d) => (profileOf(audit(d)).itProvider = 'yes'), 'refuses'],
    ['a profile with one more field', (d) => (profileOf(audit(d)).mayor = 'X'), 'refuses'],
    ['a commune without updatedAt', (d) => delete commune(d).updatedAt, 'refuses'],
    ['an audit with one more field', (d) => (audit(d).score = 80), 'refuses'],
    ['an unknown status', (d) => (audit(d).status = 'done'), 'refuses'],
    ['questionnaire version 0', (d) => (audit(d).questionnaireVersion = 0), 'refuses'],
    ['a previous audit id with a slash', (d) => (audit(d).previousAuditId = '../x'), 'refuses'],
    ['an unconfirmed id in capitals', (d) => (audit(d).unconfirmed = ['Backup']), 'refuses'],
    ['2,001 unconfirmed ids', (d) => (audit(d).unconfirmed = Array.from({ length: 2_001 }, () => 'q')), 'refuses'],
    ['a completion date without offset', (d) => (audit(d).completedAt = '2026-03-04T10:20:30'), 'refuses'],
    ['an answer of an unknown kind', (d) => (audit(d).answers = { q1: { kind: 'maybe', answeredAt: '2026-03-04T10:20:30Z' } }), 'refuses'],
    ['an audit that is a list', (d) => (d.payload.audits[0] = [] as unknown as Record<string, unknown>), 'refuses'],
    ['a due date on 30 February', (d) => (item(d).dueDate = '2026-02-30'), 'refuses'],
    ['a plan status of "later"', (d) => (item(d).status = 'later'), 'refuses'],
    ['a note of 5,001 characters', (d) => (item(d).note = 'n'.repeat(5_001)), 'refuses'],
    ['"encrypted": true at the top', (d) => (d.encrypted = true), 'refuses'],
    ['an app block with one more field', (d) => (d.app = { version: '1', build: 2 }), 'refuses'],
    ['another kind', (d) => (d.kind = 'report'), 'refuses'],
    ['version 2', (d) => (d.version = 2), 'refuses'],
    ['an export date that is a number', (d) => (d.exportedAt = 1_700_000_000_000), 'refuses'],
    ['a payload with one more list', (d) => Object.assign(d.payload, { notes: [] }), 'refuses'],
  ];

  it.each(changes)('%s: the schema %s it', (_, change, verdict) => {
    const doc = valid();
    change(doc);
    expect(exportDocumentV1Schema.safeParse(doc).success).toBe(verdict === 'accepts');
  });

  it('cleans and trims the texts it accepts', () => {
    const doc = valid();
    commune(doc).name = '  \u202eSaint-Cœur  ';
    audit(doc).auditor = 'Secr\u0007étaire';
    const parsed = exportDocumentV1Schema.parse(doc);
    expect(parsed.payload.communes[0]?.name).toBe('Saint-Cœur');
    expect(parsed.payload.audits[0]?.auditor).toBe('Secrétaire');
  });
});
