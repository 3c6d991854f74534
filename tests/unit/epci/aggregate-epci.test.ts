import { describe, expect, it } from 'vitest';
import { aggregateEpci, type EpciScope } from '../../../src/domain/epci/aggregate-epci';
import { compareWithBarometers } from '../../../src/domain/epci/barometer-comparison';
import type { GapAction } from '../../../src/domain/epci/shared-gaps';
import type { BenchmarkDataset } from '../../../src/domain/benchmarks/schema';
import { commune, entry, questionnaire, summary } from './epci-fixtures';

const SIREN = '200000001';
const scope: EpciScope = {
  kind: 'epci',
  siren: SIREN,
  name: 'CC du Test',
  members: [
    { insee: '01001', name: 'Ambérieu', population: 900 },
    { insee: '01002', name: 'Bâgé', population: 450 },
    { insee: '01003', name: 'Ceyzériat', population: 3000 },
    { insee: '01005', name: 'Échallon', population: 700 },
    { insee: '01004', name: 'Dortan', population: 1800 },
  ],
};

const communes = [
  commune('a', 'Ambérieu', '01001'),
  commune('b', 'Bâgé', '01002'),
  commune('c', 'Ceyzériat', '01003'),
  // Not a member: another EPCI.
  commune('f', 'Faramans', '01999', '200000999'),
  // Typed in without INSEE code: counted by the EPCI it names.
  commune('g', 'Gex-sans-code', ''),
];

const entries = [
  // A: two completed audits, the later one counts.
  entry('a-old', 'a', 'completed', '2025-03-01T10:00:00.000Z', summary({ backup: 10, accounts: 10 }, 10, ['accounts-policy'])),
  entry('a-new', 'a', 'completed', '2026-03-01T10:00:00.000Z', summary({ backup: 80, accounts: 40 }, 60, ['backup-test', 'accounts-mfa'], { 'ind-x': 'in-group' })),
  // B: a completed audit wins over a later one still in progress.
  entry('b-done', 'b', 'completed', '2026-01-10T10:00:00.000Z', summary({ backup: 50, accounts: null }, 50, ['backup-automate', 'backup-test'], { 'ind-x': 'out-of-group' })),
  entry('b-wip', 'b', 'in-progress', '2026-06-10T10:00:00.000Z', summary({ backup: 0, accounts: 0 }, 0, ['accounts-policy'])),
  // C: only an audit in progress: shown, flagged.
  entry('c-wip', 'c', 'in-progress', '2026-02-01T10:00:00.000Z', summary({ backup: 20, accounts: 60 }, 35, ['backup-automate', 'backup-test', 'accounts-mfa'])),
  entry('f-done', 'f', 'completed', '2026-02-01T10:00:00.000Z', summary({ backup: 0, accounts: 0 }, 0, ['accounts-policy'])),
  entry('g-done', 'g', 'completed', '2026-04-01T10:00:00.000Z', summary({ backup: 100, accounts: 100 }, 100, [], { 'ind-x': 'in-group', 'ind-y': 'out-of-group' })),
];

/** Out of catalogue order on purpose: accounts-mfa comes first but has no pooled answer. */
const gapCatalogue: GapAction[] = [
  { id: 'accounts-mfa', themeId: 'accounts' },
  { id: 'backup-automate', themeId: 'backup', pooledOffer: 'shared-backup' },
  { id: 'backup-offsite', themeId: 'backup', pooledOffer: 'shared-backup' },
  { id: 'backup-test', themeId: 'backup', pooledOffer: 'shared-backup' },
  { id: 'accounts-policy', themeId: 'accounts', pooledOffer: 'shared-rssi' },
];

const aggregate = aggregateEpci({ scope, communes, entries, questionnaire, catalogue: gapCatalogue });

describe('aggregateEpci', () => {
  it('keeps the latest audit of each commune in scope', () => {
    const audits = Object.fromEntries(aggregate.rows.map((r) => [r.name, r.auditId]));
    expect(audits).toEqual({ Ambérieu: 'a-new', Bâgé: 'b-done', Ceyzériat: 'c-wip', 'Gex-sans-code': 'g-done' });
    expect(aggregate.inProgress).toBe(1);
  });

  it('lists the members with and without an audit, by name', () => {
    expect(aggregate.members?.audited.map((m) => m.name)).toEqual(['Ambérieu', 'Bâgé', 'Ceyzériat']);
    // "Échallon" sorts as "Echallon", after Dortan.
    expect(aggregate.members?.missing.map((m) => m.name)).toEqual(['Dortan', 'Échallon']);
  });

  it.each([
    // backup 80 50 20 100 → sorted 20 50 80 100: mean 62.5, q1 20 + 0.75 × 30, median (50 + 80) / 2, q3 80 + 0.25 × 20
    { themeId: 'backup', expected: { count: 4, mean: 62.5, min: 20, q1: 42.5, median: 65, q3: 85, max: 100 } },
    // accounts 40 60 100 (B has no score): mean 200 / 3, q1 (40 + 60) / 2, q3 (60 + 100) / 2
    { themeId: 'accounts', expected: { count: 3, mean: 200 / 3, min: 40, q1: 50, median: 60, q3: 80, max: 100 } },
  ])('spreads the $themeId scores', ({ themeId, expected }) => {
    const spread = aggregate.themes.find((t) => t.themeId === themeId)?.spread;
    for (const [key, value] of Object.entries(expected)) expect(spread?.[key as keyof typeof expected]).toBeCloseTo(value, 10);
  });

  it('spreads the overall scores', () => {
    // 60 50 35 100 → 35 50 60 100: mean 61.25, q1 35 + 0.75 × 15, median 55, q3 60 + 0.25 × 40
    expect(aggregate.overall).toEqual({ count: 4, mean: 61.25, min: 35, q1: 46.25, median: 55, q3: 70, max: 100 });
  });

  it('ranks the shared gaps by communes concerned, pooled answers first among equals', () => {
    expect(aggregate.gaps.audited).toBe(4);
    expect(aggregate.gaps.actions.map((g) => [g.actionId, g.communes, g.pooledOffer])).toEqual([
      ['backup-test', 3, 'shared-backup'],
      ['backup-automate', 2, 'shared-backup'],
      ['accounts-mfa', 2, null],
    ]);
    expect(aggregate.gaps.actions[0]?.share).toBe(0.75);
    // A, B and C each need at least one backup action: counted once each.
    expect(aggregate.gaps.offers).toEqual([
      { offer: 'shared-backup', communes: 3, share: 0.75, actionIds: ['backup-test', 'backup-automate'] },
    ]);
  });

  it('takes every commune of the device in the national view, with no member list', () => {
    const all = aggregateEpci({ scope: { kind: 'all' }, communes, entries, questionnaire, catalogue: gapCatalogue });
    expect(all.rows).toHaveLength(5);
    expect(all.members).toBeNull();
    expect(all.gaps.offers.map((o) => [o.offer, o.communes])).toEqual([
      ['shared-backup', 3],
      ['shared-rssi', 1],
    ]);
  });

  it('gives empty figures when no member has an audit', () => {
    const empty = aggregateEpci({ scope, communes, entries: [], questionnaire, catalogue: gapCatalogue });
    expect(empty.rows).toEqual([]);
    expect(empty.overall).toBeNull();
    expect(empty.members?.missing).toHaveLength(5);
    expect(empty.gaps.actions).toEqual([]);
  });
});

describe('compareWithBarometers', () => {
  const base = {
    subject: { fr: 's', en: 's' },
    statement: { fr: '{{value}}', en: '{{value}}' },
    surveyQuestion: { fr: 'q', en: 'q' },
    surveyQuestionKind: 'question' as const,
    population: { fr: 'p', en: 'p' },
    sampleSize: null,
    year: 2025,
    publishedAt: '2025-10',
    publisher: { fr: 'DINUM', en: 'DINUM' },
    documentTitle: { fr: 'Baromètre', en: 'Barometer' },
    url: null,
    wave: null,
    verification: 'P' as const,
    counts: 'collectivites' as const,
  };
  const side = { label: { fr: 'l', en: 'l' }, sentence: { fr: 'Votre commune en a un.', en: 'Your commune has one.' } };
  const dataset = (indicators: BenchmarkDataset['indicators']): BenchmarkDataset => ({
    format: 'cyberdiag-benchmarks',
    formatVersion: 2,
    id: 'test',
    version: 1,
    publishedAt: '2025',
    title: { fr: 't', en: 't' },
    indicators,
    unsurveyed: [],
  });
  const comparison = { inGroup: side, outOfGroup: side };

  it('sets the share of the members in the group next to the figure, for share figures only', () => {
    const comparisons = compareWithBarometers(
      aggregate.rows,
      questionnaire,
      dataset([
        { ...base, id: 'ind-x', kind: 'share', value: 0.34, comparison },
        // A count cannot be compared with a share of communes.
        { ...base, id: 'ind-y', kind: 'count', value: 12 },
      ]),
    );
    // ind-x: A and G inside, B outside, C's answer says nothing.
    expect(comparisons.map((c) => [c.indicator.id, c.themeId, c.inGroup, c.communes, c.share])).toEqual([['ind-x', 'backup', 2, 3, 2 / 3]]);
  });

  it('does not count communes against a share of people (agents, élus)', () => {
    const people = dataset([{ ...base, id: 'ind-x', kind: 'share', value: 0.5, comparison, counts: 'people' }]);
    expect(compareWithBarometers(aggregate.rows, questionnaire, people)).toEqual([]);
  });

  it('sets a figure about a size stratum against the members of that stratum only', () => {
    const rows = aggregate.rows.map((r) => ({ ...r, population: r.name === 'Gex-sans-code' ? 5_000 : 800 }));
    const stratum = { maxPopulation: 999, label: { fr: 'communes de moins de 1 000 habitants', en: 'communes under 1,000' } };
    const comparisons = compareWithBarometers(rows, questionnaire, dataset([{ ...base, id: 'ind-x', kind: 'share', value: 0.57, comparison, stratum }]));
    // G (5,000 inhabitants) is left out: A inside, B outside.
    expect(comparisons.map((c) => [c.inGroup, c.communes])).toEqual([[1, 2]]);
  });

  it('says nothing without a dataset', () => {
    expect(compareWithBarometers(aggregate.rows, questionnaire, null)).toEqual([]);
  });
});
