import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/i18n';
import { aggregateEpci, type EpciScope } from '../../../src/domain/epci/aggregate-epci';
import { buildEpciReportModel, PDF_HEAT_MAP_LIMIT } from '../../../src/pdf/epci-report-model';
import type { EpciReportInput } from '../../../src/pdf/epci-report-input';
import type { Block, ReportSection } from '../../../src/pdf/report-types';
import { catalogue, commune, entry, questionnaire, summary } from './epci-fixtures';

const scope: EpciScope = {
  kind: 'epci',
  siren: '200000001',
  name: 'CC du Pays d’Essai',
  members: [
    { insee: '01001', name: 'Ambérieu', population: 900 },
    { insee: '01002', name: 'Bâgé', population: 450 },
    { insee: '01003', name: 'Œuilly', population: 300 },
  ],
};
const communes = [commune('a', 'Ambérieu', '01001'), commune('b', 'Bâgé', '01002')];
const entries = [
  entry('a1', 'a', 'completed', '2026-03-01T10:00:00.000Z', summary({ backup: 80, accounts: 40 }, 60, ['backup-test', 'accounts-mfa'])),
  entry('b1', 'b', 'completed', '2026-04-01T10:00:00.000Z', summary({ backup: 20, accounts: null }, 20, ['backup-test'])),
];
const gapCatalogue = [...catalogue.values()].map(({ id, themeId, pooledOffer }) => ({ id, themeId, pooledOffer }));

async function model(language: 'fr' | 'en', rows = entries, scopeUsed: EpciScope = scope, communeList = communes) {
  const i18n = await createI18n(language);
  const input: EpciReportInput = {
    language,
    generatedAt: new Date('2026-11-25T10:00:00.000Z'),
    label: scopeUsed.kind === 'epci' ? scopeUsed.name : 'Toutes les communes',
    scope: scopeUsed,
    aggregate: aggregateEpci({ scope: scopeUsed, communes: communeList, entries: rows, questionnaire, catalogue: gapCatalogue }),
    comparisons: [],
    questionnaire,
    catalogue,
    benchmark: { id: 'barometres', version: 3 },
    t: i18n.getFixedT(language, 'epci'),
  };
  return buildEpciReportModel(input);
}

const blocks = (section: ReportSection | undefined, kind: Block['kind']) => (section?.blocks ?? []).filter((b) => b.kind === kind);
const allText = (value: unknown): string => JSON.stringify(value);

describe('buildEpciReportModel', () => {
  it('has a cover, a summary, the themes, the heat map, the shared gaps and the members without audit', async () => {
    const report = await model('fr');
    expect(report.cover.title).toBe('CC du Pays d’Essai');
    expect(report.cover.subtitle).toBe('Synthèse pour le conseil communautaire');
    expect(report.cover.facts).toContainEqual({ label: 'Communes auditées', value: '2 sur 3 communes membres' });
    expect(report.sections.map((s) => s.id)).toEqual(['summary', 'themes', 'heat-map', 'gaps', 'missing']);
    expect(report.fileName).toBe('cyberdiag-cc-du-pays-d-essai-2026-11-25');
  });

  it('gives the averages and the spread of each theme as numbers', async () => {
    const report = await model('fr');
    const [table] = blocks(report.sections[1], 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    // Overall 60 and 20: mean 40; backup 80 and 20: mean 50, q1 35, median 50, q3 65; accounts: one score, 40.
    expect(table.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['Score global', '2', '40', '20', '30', '40', '50', '60'],
      ['Sauvegardes', '2', '50', '20', '35', '50', '65', '80'],
      ['Comptes', '1', '40', '40', '40', '40', '40', '40'],
    ]);
  });

  it('lists every commune in the heat map with its score and tone, and the shared gaps with their pooled answer', async () => {
    const report = await model('fr');
    const heat = blocks(report.sections[2], 'table')[0];
    if (heat?.kind !== 'table') throw new Error('no table');
    expect(heat.columns.map((c) => c.header)).toEqual(['Commune', 'Global', 'T1', 'T2']);
    expect(heat.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['Ambérieu', '60', '80', '40'],
      ['Bâgé', '20', '20', '–'],
    ]);
    expect(heat.rows[0]?.[2]?.tone).toBe('good');
    expect(heat.rows[1]?.[1]?.tone).toBe('critical');
    const gaps = blocks(report.sections[3], 'table')[0];
    if (gaps?.kind !== 'table') throw new Error('no table');
    expect(gaps.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['1', 'Action backup-test', '2 (100\u00a0%)', 'Sauvegarde externalisée mutualisée'],
      ['2', 'Action accounts-mfa', '1 (50\u00a0%)', '—'],
    ]);
  });

  it('names the members without an audit, and sets French typography', async () => {
    const report = await model('fr');
    expect(allText(report.sections[4])).toContain('Œuilly');
    // Straight apostrophes become typographic ones in the PDF's text.
    expect(allText(report.sections[0])).toContain('l’intercommunalité');
    expect(allText(report)).not.toMatch(/[a-zé]'[a-zé]/);
  });

  it('says in English what it says in French', async () => {
    const report = await model('en');
    expect(report.cover.subtitle).toBe('Summary for the community council');
    expect(report.sections.map((s) => s.title)).toContain('Heat map of the communes');
  });

  it(`lists at most ${PDF_HEAT_MAP_LIMIT} communes in the heat map and says where the rest is`, async () => {
    const many = Array.from({ length: PDF_HEAT_MAP_LIMIT + 5 }, (_, i) => commune(`c${i}`, `Commune ${String(i).padStart(4, '0')}`, `${String(10_000 + i)}`));
    const rows = many.map((c, i) => entry(`a${i}`, c.id, 'completed', '2026-03-01T10:00:00.000Z', summary({ backup: 50, accounts: 50 }, 50, [])));
    const report = await model('fr', rows, { kind: 'all' }, many);
    const heat = blocks(report.sections.find((s) => s.id === 'heat-map'), 'table')[0];
    expect(heat?.kind === 'table' ? heat.rows.length : 0).toBe(PDF_HEAT_MAP_LIMIT);
    expect(allText(report)).toContain(`Seules les ${PDF_HEAT_MAP_LIMIT} premières communes (sur ${PDF_HEAT_MAP_LIMIT + 5})`);
    expect(report.sections.map((s) => s.id)).not.toContain('missing');
  });
});
