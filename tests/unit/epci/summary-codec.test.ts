import { describe, expect, it } from 'vitest';
import type { AuditSummary } from '../../../src/domain/epci/create-audit-summarizer';
import { createSummaryCodec } from '../../../src/domain/epci/summary-codec';
import { catalogue, questionnaire, summary } from './epci-fixtures';

const codec = createSummaryCodec(questionnaire, catalogue);

describe('summary codec', () => {
  it.each<[string, AuditSummary]>([
    ['scores, actions and positions', summary({ backup: 200 / 3, accounts: 12.5 }, 47.25, ['backup-test', 'accounts-mfa'], { 'ind-x': 'in-group', 'ind-y': 'out-of-group' })],
    ['a theme without answer and no action', summary({ backup: 100, accounts: null }, 100, [], { 'ind-x': 'in-group' })],
    ['nothing answered', { themeScores: { backup: null, accounts: null }, overall: null, asked: 6, answered: 0, dontKnow: 0, actionIds: [], indicators: {} }],
  ])('packs and unpacks %s without loss', (_, value) => {
    const packed = codec.pack(value);
    expect(codec.unpack(structuredClone(packed))).toEqual(value);
  });

  it('packs in the questionnaire and catalogue orders, in a few bytes', () => {
    const packed = codec.pack(summary({ backup: 80, accounts: null }, 80, ['accounts-mfa', 'backup-automate'], { 'ind-y': 'out-of-group' }));
    expect([...packed.scores]).toEqual([80, Number.NaN, 80]);
    // Catalogue order: backup-automate 0, backup-offsite 1, backup-test 2, accounts-mfa 3, accounts-policy 4.
    expect([...packed.actions]).toEqual([3, 0]);
    expect([...packed.indicators]).toEqual([0, 2]);
    expect([...packed.counts]).toEqual([6, 6, 0]);
  });
});
