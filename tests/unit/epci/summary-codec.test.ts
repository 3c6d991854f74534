import { describe, expect, it } from 'vitest';
import type { AuditSummary } from '../../../src/domain/epci/create-audit-summarizer';
import { columnsOfPacked, createSummaryCodec, type SummaryColumns } from '../../../src/domain/epci/summary-codec';
import { catalogue, questionnaire, summary } from './epci-fixtures';

const codec = createSummaryCodec(questionnaire, catalogue);

const summaries: [string, AuditSummary][] = [
  ['scores, actions and positions', summary({ backup: 200 / 3, accounts: 12.5 }, 47.25, ['backup-test', 'accounts-mfa'], { 'ind-x': 'in-group', 'ind-y': 'out-of-group' })],
  ['a theme without answer and no action', summary({ backup: 100, accounts: null }, 100, [], { 'ind-x': 'in-group' })],
  ['nothing answered', { themeScores: { backup: null, accounts: null }, overall: null, asked: 6, answered: 0, dontKnow: 0, actionIds: [], indicators: {} }],
];

describe('summary codec', () => {
  it.each(summaries.map(([what], row) => [what, row] as const))('packs and unpacks %s without loss, among others', (_, row) => {
    // structuredClone: what IndexedDB does to a record.
    const columns = structuredClone(codec.pack(summaries.map(([, value]) => value)));
    expect(codec.fits(columns)).toBe(true);
    expect(codec.unpack(columns, row)).toEqual(summaries[row]?.[1]);
  });

  it('packs in the questionnaire and catalogue orders, row after row, in a few bytes', () => {
    const columns = codec.pack([
      summary({ backup: 80, accounts: null }, 80, ['accounts-mfa', 'backup-automate'], { 'ind-y': 'out-of-group' }),
      { ...summary({ backup: 50, accounts: 25 }, 37.5, ['backup-test'], { 'ind-x': 'in-group' }), answered: 5, dontKnow: 1 },
    ]);
    expect(columns.count).toBe(2);
    // Themes backup, accounts, then the overall score.
    expect([...columns.scores]).toEqual([80, Number.NaN, 80, 50, 25, 37.5]);
    // Catalogue order: backup-automate 0, backup-offsite 1, backup-test 2, accounts-mfa 3, accounts-policy 4.
    expect([...columns.actions]).toEqual([3, 0, 2]);
    expect([...columns.actionStarts]).toEqual([0, 2, 3]);
    // Indicators ind-x, ind-y: 0 says nothing, 1 inside the group, 2 outside.
    expect([...columns.indicators]).toEqual([0, 2, 1, 0]);
    expect([...columns.counts]).toEqual([6, 6, 0, 6, 5, 1]);
  });

  it('packs no summary at all', () => {
    const columns = codec.pack([]);
    expect(codec.fits(columns)).toBe(true);
    expect(columns.count).toBe(0);
  });

  const good = () => codec.pack(summaries.map(([, value]) => value));
  it.each<[string, (c: SummaryColumns) => SummaryColumns]>([
    ['a count that does not match the rows', (c) => ({ ...c, count: 2 })],
    ['scores of another questionnaire (one theme more)', (c) => ({ ...c, scores: new Float64Array(c.scores.length + 3) })],
    ['indicators cut short', (c) => ({ ...c, indicators: c.indicators.subarray(1) })],
    ['action offsets going backwards', (c) => ({ ...c, actionStarts: Uint32Array.of(0, 2, 1, 2) })],
    ['action offsets beyond the actions', (c) => ({ ...c, actionStarts: Uint32Array.of(0, 2, 2, 9) })],
    ['scores stored as a plain array', (c) => ({ ...c, scores: [...c.scores] as unknown as Float64Array })],
  ])('refuses to read columns with %s (they are made again)', (_, damage) => {
    expect(codec.fits(good())).toBe(true);
    expect(codec.fits(damage(good()))).toBe(false);
  });
});

describe('columnsOfPacked (schema version 4 summaries)', () => {
  const v4 = (scores: number[], counts: number[], actions: number[], indicators: number[]) => ({
    scores: Float64Array.from(scores),
    counts: Uint32Array.from(counts),
    actions: Uint16Array.from(actions),
    indicators: Uint8Array.from(indicators),
  });

  it('lays one-audit summaries out as columns, unchanged', () => {
    const columns = columnsOfPacked([v4([80, Number.NaN, 80], [6, 6, 0], [3, 0], [0, 2]), v4([50, 25, 37.5], [6, 5, 1], [2], [1, 0])]);
    expect(columns && codec.fits(columns)).toBe(true);
    expect(columns && codec.unpack(columns, 0)).toEqual(summary({ backup: 80, accounts: null }, 80, ['accounts-mfa', 'backup-automate'], { 'ind-y': 'out-of-group' }));
    expect(columns && codec.unpack(columns, 1)).toEqual({ ...summary({ backup: 50, accounts: 25 }, 37.5, ['backup-test'], { 'ind-x': 'in-group' }), answered: 5, dontKnow: 1 });
  });

  it('gives up on summaries of different shapes', () => {
    expect(columnsOfPacked([v4([80, 80, 80], [6, 6, 0], [], [0, 2]), v4([50, 37.5], [6, 5, 1], [], [1, 0])])).toBeNull();
  });
});
