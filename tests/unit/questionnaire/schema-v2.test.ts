/**
 * The version 2 additions to the questionnaire schema (vital controls, "sans objet" options, absentIf, allOf and
 * atLeast profile conditions, replaces), and version 1 as shipped still parsing unchanged.
 */
import { describe, expect, it } from 'vitest';
import type { Answers, CommuneProfile } from '../../../src/domain/audit/types';
import { activeQuestionIds, impliedGaps, isApplicable } from '../../../src/domain/questionnaire/conditions';
import { parseQuestionnaire, QuestionnaireError } from '../../../src/domain/questionnaire/parse-questionnaire';
import { optionScore, questionSchema, type Question } from '../../../src/domain/questionnaire/schema';

const v1Manifest = import.meta.glob<unknown>('../../../questionnaires/archive/v1/manifest.json', { eager: true, import: 'default' });
const v1Themes = import.meta.glob<unknown>('../../../questionnaires/archive/v1/themes/*.json', { eager: true, import: 'default' });
const byFileName = (files: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(files).map(([path, data]) => [path.slice(path.lastIndexOf('/') + 1, -'.json'.length), data]));

const text = (s: string) => ({ fr: s, en: s });
const options = [
  { id: 'yes', label: text('yes'), score: 1 },
  { id: 'partly', label: text('partly'), score: 0.5 },
  { id: 'no', label: text('no'), score: 0 },
];
const raw = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  text: text(id),
  help: text(id),
  criticality: 'critical',
  options,
  knower: 'provider',
  actions: ['t-act'],
  ...extra,
});
const manifest = { id: 'q', version: 2, title: text('q'), themes: ['t'] };
const parse = (questions: unknown[]) => parseQuestionnaire({ manifest, themes: { t: { id: 't', title: text('T'), summary: text('T'), questions } } });
const profile: CommuneProfile = { population: 300, agents: 2, computers: 1, itProvider: false, hasServer: false };
const opt = (optionId: string) => ({ kind: 'option' as const, optionId });

describe('version 1 as shipped', () => {
  it('still parses, with its 12 themes, no vital control and no "sans objet" option', () => {
    const v1 = parseQuestionnaire({ manifest: Object.values(v1Manifest)[0], themes: byFileName(v1Themes) });
    expect(v1.version).toBe(1);
    expect(v1.themes).toHaveLength(12);
    const questions = v1.themes.flatMap((t) => t.questions);
    expect(questions.some((q) => q.vital)).toBe(false);
    expect(questions.flatMap((q) => q.options).every((o) => optionScore(o) !== null)).toBe(true);
  });
});

describe('the version 2 schema', () => {
  it('accepts a vital critical question, a "sans objet" option, absentIf, allOf/atLeast and replaces', () => {
    const q = parse([
      raw('t-backup', { vital: true }),
      raw('t-offline', {
        vital: true,
        showIf: { question: 't-backup', anyOf: ['yes', 'partly'], absentIf: ['no'] },
        replaces: { question: 'backup-offline', options: { always: 'yes', sometimes: 'partly' } },
      }),
      raw('t-wifi', {
        criticality: 'minor',
        options: [...options, { id: 'none', label: text('no Wi-Fi'), notApplicable: true }],
        notApplicableIf: [{ allOf: [{ field: 'population', below: 1000 }, { field: 'hasServer', equals: false }] }, { field: 'computers', atLeast: 50 }],
      }),
    ]);
    const [backup, offline, wifi] = q.themes[0]?.questions ?? [];
    expect(backup?.vital).toBe(true);
    expect(offline?.showIf?.absentIf).toEqual(['no']);
    expect(offline?.replaces?.options).toEqual({ always: 'yes', sometimes: 'partly' });
    expect(wifi?.options.map(optionScore)).toEqual([1, 0.5, 0, null]);
  });

  it.each<[string, unknown[], RegExp]>([
    ['a vital control that is not critical', [raw('t-a', { vital: true, criticality: 'major' })], /vital control must be critical/],
    ['a vital control sized away', [raw('t-a', { vital: true, notApplicableIf: [{ field: 'computers', below: 2 }] })], /never sized away/],
    ['an option with both a score and "sans objet"', [raw('t-a', { options: [...options.slice(0, 2), { id: 'na', label: text('na'), score: 0, notApplicable: true }] })], /options/],
    ['only "sans objet" options', [raw('t-a', { options: [{ id: 'a', label: text('a'), notApplicable: true }, { id: 'b', label: text('b'), notApplicable: true }] })], /at least one must score/],
    ['absentIf naming an unknown option', [raw('t-a'), raw('t-b', { showIf: { question: 't-a', anyOf: ['yes'], absentIf: ['never'] } })], /unknown option "never"/],
    ['an option both showing and meaning missing', [raw('t-a'), raw('t-b', { showIf: { question: 't-a', anyOf: ['yes', 'no'], absentIf: ['no'] } })], /cannot both/],
    ['replaces mapping onto an unknown option', [raw('t-a', { replaces: { question: 'old', options: { x: 'nope' } } })], /unknown option "nope"/],
    ['an empty allOf', [raw('t-a', { notApplicableIf: [{ allOf: [] }] })], /notApplicableIf/],
    ['atLeast on a yes/no field', [raw('t-a', { notApplicableIf: [{ field: 'hasServer', atLeast: 1 }] })], /notApplicableIf/],
  ])('refuses %s, naming the question', (_name, questions, message) => {
    expect(() => parse(questions)).toThrow(QuestionnaireError);
    expect(() => parse(questions)).toThrow(message);
  });
});

describe('profile conditions', () => {
  const sized = (notApplicableIf: unknown) => questionSchema.parse(raw('t-a', { criticality: 'minor', notApplicableIf })) as Question;
  it.each<[string, unknown, Partial<CommuneProfile>, boolean]>([
    ['below: 300 inhabitants, asked only from 1,000', [{ field: 'population', below: 1000 }], {}, false],
    ['below: 3,000 inhabitants', [{ field: 'population', below: 1000 }], { population: 3000 }, true],
    ['atLeast: a small mairie keeps a question meant for the small ones', [{ field: 'computers', atLeast: 10 }], {}, true],
    ['atLeast: 10 PCs or more leave it out', [{ field: 'computers', atLeast: 10 }], { computers: 10 }, false],
    ['allOf: small AND no server → left out', [{ allOf: [{ field: 'population', below: 1000 }, { field: 'hasServer', equals: false }] }], {}, false],
    ['allOf: small but with a server → asked', [{ allOf: [{ field: 'population', below: 1000 }, { field: 'hasServer', equals: false }] }], { hasServer: true }, true],
    ['a list stays OR: the second condition alone leaves it out', [{ field: 'itProvider', equals: true }, { field: 'agents', below: 3 }], {}, false],
  ])('%s', (_name, conditions, change, applicable) => {
    expect(isApplicable(sized(conditions), { ...profile, ...change })).toBe(applicable);
  });
});

describe('implied gaps (absentIf)', () => {
  const q = parse([
    raw('t-backup'),
    raw('t-offline', { showIf: { question: 't-backup', anyOf: ['yes', 'partly'], absentIf: ['no'] } }),
    raw('t-restore', { showIf: { question: 't-offline', anyOf: ['yes', 'partly'], absentIf: ['no'] } }),
    raw('t-plain', { showIf: { question: 't-backup', anyOf: ['yes'] } }),
    raw('t-big', { showIf: { question: 't-backup', anyOf: ['yes'], absentIf: ['no'] }, criticality: 'minor', notApplicableIf: [{ field: 'population', below: 1000 }] }),
  ]);
  const gapsOf = (answers: Answers) => Object.fromEntries(impliedGaps(q, profile, answers));

  it('counts the hidden follow-ups of "no backup" as gaps, through a chain, naming the answer that implies them', () => {
    const because = { parentQuestionId: 't-backup', parentOptionId: 'no' };
    // t-plain has no absentIf: hidden, counts for nothing; t-big does not apply to 300 inhabitants.
    expect(gapsOf({ 't-backup': opt('no') })).toEqual({ 't-offline': because, 't-restore': because });
    expect([...activeQuestionIds(q, profile, { 't-backup': opt('no') })]).toEqual(['t-backup']);
  });

  it('implies nothing while the parent is unanswered, "je ne sais pas" or shows the question', () => {
    expect(gapsOf({})).toEqual({});
    expect(gapsOf({ 't-backup': { kind: 'dontKnow' } })).toEqual({});
    expect(gapsOf({ 't-backup': opt('yes'), 't-offline': opt('no') })).toEqual({ 't-restore': { parentQuestionId: 't-offline', parentOptionId: 'no' } });
  });
});
