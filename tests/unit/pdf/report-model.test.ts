import { describe, expect, it } from 'vitest';
import { buildReportModel, buildShortReportModel } from '../../../src/pdf/report-model';
import { SHORT_PLAN_ENTRIES, SHORT_PLAN_MAX } from '../../../src/pdf/report-plan';
import type { Block, ReportSection } from '../../../src/pdf/report-types';
import { COMMUNE_NAME, reportInput } from './report-fixture';

const section = (sections: ReportSection[], id: string) => {
  const found = sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};
const blocksOf = <K extends Block['kind']>(s: ReportSection, kind: K) => s.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);

describe('buildReportModel', () => {
  it('puts the sections in the order a conseil municipal reads them', async () => {
    const input = await reportInput();
    const model = buildReportModel(input);
    const themeIds = input.questionnaire.themes.map((t) => `theme-${t.id}`);
    expect(model.sections.map((s) => s.id)).toEqual([
      'summary',
      'vital',
      ...themeIds,
      'plan',
      'action-sheets',
      'annex',
      'method',
      'glossary',
      'attack',
    ]);
    expect(model.cover.title).toBe(COMMUNE_NAME);
    expect(model.fileName).toBe('rapport-cyberdiag-saint-coeur-d-arconniere-2026-11-25');
    expect(model.pageLabel).toBe('Page {page} sur {total}');
  });

  it('names on the cover who audited, when, and the questionnaire and benchmark versions', async () => {
    const input = await reportInput();
    const model = buildReportModel(input);
    expect(model.cover.facts).toEqual(
      expect.arrayContaining([
        { label: 'Date du rapport', value: '25 novembre 2026' },
        { label: 'Audit réalisé par', value: 'Élodie Marçais, secrétaire de mairie' },
        { label: 'Questionnaire', value: `cyberdiag-commune, version ${input.questionnaire.version}` },
        { label: 'Repères nationaux', value: 'barometres-collectivites, version 3' },
        { label: 'Population', value: '1\u202f240 habitants' },
      ]),
    );
  });

  it('summarises on one page: overall level, one bar per theme with its source, the five priorities', async () => {
    const input = await reportInput();
    const summary = section(buildReportModel(input).sections, 'summary');
    const [score] = blocksOf(summary, 'score');
    const overall = Math.round(input.result.overall.score ?? -1);
    const level = { exposed: 'Exposé', fragile: 'Fragile', progressing: 'En progrès', solid: 'Solide' }[input.result.overall.maturity ?? 'solid'];
    expect(score?.label).toBe(`Score global : ${overall} sur 100. Niveau : ${level}.`);
    const [chart] = blocksOf(summary, 'bar-chart');
    expect(chart?.bars).toHaveLength(input.questionnaire.themes.length);
    expect(chart?.source).toMatch(new RegExp(`^Source : réponses de la commune au questionnaire cyberdiag-commune \\(version ${input.questionnaire.version}\\)`));
    const [priorities] = blocksOf(summary, 'list');
    expect(priorities?.items).toHaveLength(5);
    expect(priorities?.items[0]?.tag?.text).toBe('Critique');
  });

  it('lists the whole plan as a table with owner, due date, cost, time frame and status', async () => {
    const input = await reportInput();
    const plan = section(buildReportModel(input).sections, 'plan');
    const [table] = blocksOf(plan, 'table');
    expect(table?.columns.map((c) => c.header)).toEqual(['N°', 'Action', 'Responsable', 'Échéance', 'Coût', 'Délai', 'Statut']);
    expect(table?.rows).toHaveLength(input.plan.length);
    expect(table?.rows[0]?.map((c) => c.text).slice(2)).toEqual(['Mme Lefèvre, secrétaire', '31/01/2027', '0 €', 'Immédiat', 'En cours']);
    expect(table?.rows[0]?.[1]?.detail).toBe('Critique · Note : Devis demandé à l’OPSN : 1 200 € par an, « à voter » en conseil');
    expect(table?.rows[1]?.map((c) => c.text).slice(2, 4)).toEqual(['M. Benoît (adjoint)', '—']);
    expect(table?.rows[1]?.[6]?.text).toBe('Fait');
  });

  it('addresses every "je ne sais pas" to whoever knows', async () => {
    const input = await reportInput();
    const plan = section(buildReportModel(input).sections, 'plan');
    const titles = blocksOf(plan, 'table')[0]?.rows.map((row) => row[1]?.text) ?? [];
    const verifications = input.plan.filter((e) => e.kind === 'verify');
    expect(verifications.length).toBeGreaterThan(0);
    expect(titles.filter((title) => title?.startsWith('Vérifier auprès '))).toHaveLength(verifications.length);
  });

  it('prints every answer in the annex, and data texts with typographic apostrophes', async () => {
    const input = await reportInput();
    const annex = section(buildReportModel(input).sections, 'annex');
    const rows = blocksOf(annex, 'table').flatMap((t) => t.rows);
    expect(rows).toHaveLength(input.result.asked);
    expect(rows.some((row) => row[1]?.text === 'Je ne sais pas')).toBe(true);
    expect(rows.every((row) => !/\p{L}'\p{L}/u.test(row[0]?.text ?? ''))).toBe(true);
  });

  it('quotes barometer comparisons with their source on the theme page', async () => {
    const input = await reportInput();
    const model = buildReportModel(input);
    const theme = section(model.sections, `theme-${input.comparisons[0]?.themeId ?? ''}`);
    const items = blocksOf(theme, 'list').flatMap((l) => l.items);
    expect(items).toContainEqual({
      text: 'Comme 85 % des collectivités interrogées, la commune déclare faire des sauvegardes.',
      notes: [
        'Source : Cybermalveillance.gouv.fr, enquête auprès des collectivités, 2023',
        'Question posée dans l’enquête : «\u00a0Quelles mesures de sécurité avez-vous mises en place ?\u00a0»',
      ],
    });
    // A context figure is said apart, under its own heading, never as a comparison.
    expect(blocksOf(theme, 'heading').map((h) => h.text)).toContain('Autres repères nationaux sur ce thème');
    expect(items).toContainEqual({ text: 'Environ 50 % des élus ruraux interrogés disent manquer d’outils (enquête fictive de test, 2025).' });
  });

  it('prints an earlier wave under « À savoir » and says which topics no national survey measured', async () => {
    const input = await reportInput();
    const [first, ...others] = input.comparisons;
    if (!first) throw new Error('the fixture has no comparison');
    const earlier = 'À savoir : une vague antérieure de la même enquête disait : 76 % (premiers résultats, mars 2025). Le chiffre le plus récent la remplace.';
    const unsurveyed = 'Aucune enquête nationale publiée ne donne de chiffre sur les tests de restauration des sauvegardes : votre réponse ne peut pas être comparée à celle des autres collectivités.';
    const model = buildReportModel({
      ...input,
      comparisons: [{ ...first, earlier: [earlier] }, ...others],
      unsurveyed: [{ themeId: first.themeId, sentence: unsurveyed }],
    });
    const theme = section(model.sections, `theme-${first.themeId}`);
    const items = blocksOf(theme, 'list').flatMap((l) => l.items);
    expect(items.find((i) => i.text === first.sentence)?.notes).toContain(earlier);
    expect(blocksOf(theme, 'heading').map((h) => h.text)).toContain('Sans chiffre national');
    expect(items.map((i) => i.text)).toContain(unsurveyed);
  });

  it('ends with the glossary and what to do in case of attack', async () => {
    const model = buildReportModel(await reportInput());
    const glossary = blocksOf(section(model.sections, 'glossary'), 'facts')[0]?.rows.map((r) => r.label);
    expect(glossary).toEqual(expect.arrayContaining(['PCA', 'PRA', 'RSSI', 'EDR', 'Règle 3-2-1-1-0', 'MFA', 'OPSN', 'EPCI', 'DPO', 'CSIRT', 'Rançongiciel', 'Hameçonnage', 'RTO', 'RPO', 'NAS', 'VPN', 'SaaS']));
    const attack = blocksOf(section(model.sections, 'attack'), 'list').flatMap((l) => l.items.map((i) => i.text)).join('\n');
    for (const expected of [/17Cyber/, /Cybermalveillance\.gouv\.fr/, /CSIRT de votre région/, /CNIL.*72 heures/, /plainte/, /assureur/]) {
      expect(attack).toMatch(expected);
    }
  });

  it('speaks English when asked', async () => {
    const model = buildReportModel(await reportInput('en'));
    expect(model.sections.map((s) => s.title)).toEqual(
      expect.arrayContaining(['Summary for the municipal council', 'Action plan', 'Glossary', 'If you are attacked: what to do']),
    );
    expect(model.pageLabel).toBe('Page {page} of {total}');
    expect(model.cover.facts[0]).toEqual({ label: 'Report date', value: '25 November 2026' });
  });

  it('gives the vital controls a page: each one with its state, what holds the level down and what lifts it', async () => {
    const input = await reportInput();
    const vital = section(buildReportModel(input).sections, 'vital');
    expect(vital.title).toBe('Les contrôles vitaux');
    const vitalQuestions = input.questionnaire.themes.flatMap((t) => t.questions.filter((q) => q.vital));
    const [table] = blocksOf(vital, 'table');
    if (vitalQuestions.length === 0) {
      expect(table).toBeUndefined();
    } else {
      expect(table?.rows).toHaveLength(vitalQuestions.length);
      expect(table?.columns.map((c) => c.header)).toEqual(['Contrôle', 'Réponse', 'État']);
    }
    const headings = blocksOf(vital, 'heading').map((h) => h.text);
    expect(headings).toContain('Ce qui retient le niveau');
    const limiting = blocksOf(vital, 'list')[0]?.items ?? [];
    expect(limiting).toHaveLength(input.result.overall.limiting.length);
    const lift = input.result.overall.lift;
    if (lift) expect(headings.some((h) => h.startsWith('Pour passer à'))).toBe(true);
  });

  it('says the level rule in the summary when a vital control or critical gaps hold the level down', async () => {
    const input = await reportInput();
    const summary = section(buildReportModel(input).sections, 'summary');
    const text = blocksOf(summary, 'paragraph').map((p) => p.text).join('\n');
    if (input.result.overall.rule === 'score') expect(text).not.toMatch(/Le score donnerait/);
    else expect(text).toMatch(/Le score donnerait « (Exposé|Fragile|En progrès|Solide) »/);
  });

  it('marks the report of an audit answered with an earlier questionnaire version: its level follows today\'s rules, with an invitation to re-audit', async () => {
    const input = await reportInput();
    const older = buildReportModel({ ...input, currentQuestionnaireVersion: input.questionnaire.version + 1 });
    const callouts = blocksOf(section(older.sections, 'summary'), 'callout').flatMap((c) => c.lines);
    expect(callouts.join(' ')).toMatch(new RegExp(`version ${input.questionnaire.version} du questionnaire.*refaites l’audit`));
    // The level of an older audit follows today's rules: the report must not say its results are that version's.
    expect(callouts.join(' ')).toMatch(/ses questions sont celles de cette version, mais son niveau suit les règles d’aujourd’hui, plus strictes/);
    expect(callouts.join(' ')).not.toMatch(/ses résultats sont ceux de cette version/);
    const current = buildReportModel(input);
    expect(blocksOf(section(current.sections, 'summary'), 'callout').flatMap((c) => c.lines).join(' ')).not.toMatch(/refaites l’audit/);
  });

  it('makes a short report of the summary, the vital controls and the plan, each on one page', async () => {
    const input = await reportInput();
    const short = buildShortReportModel(input);
    expect(short.sections.map((s) => [s.id, s.onePage])).toEqual([
      ['summary', true],
      ['vital', true],
      ['plan', true],
    ]);
    expect(short.fileName).toBe('synthese-cyberdiag-saint-coeur-d-arconniere-2026-11-25');
    const plan = section(short.sections, 'plan');
    const tables = blocksOf(plan, 'table');
    // The first entries in one table, each next one (up to 12) a continuation that may give way.
    expect(tables[0]?.rows).toHaveLength(Math.min(SHORT_PLAN_ENTRIES, input.plan.length));
    expect(tables.slice(1).every((t) => t.continues === true && t.rows.length === 1 && t.optional !== undefined)).toBe(true);
    expect(tables.flatMap((t) => t.rows)).toHaveLength(Math.min(SHORT_PLAN_MAX, input.plan.length));
    const full = blocksOf(section(buildReportModel(input).sections, 'plan'), 'table')[0]?.rows ?? [];
    expect(tables.flatMap((t) => t.rows).map((row) => row[1]?.text)).toEqual(full.slice(0, SHORT_PLAN_MAX).map((row) => row[1]?.text));
    if (input.plan.length > SHORT_PLAN_ENTRIES) {
      expect(blocksOf(plan, 'paragraph').map((p) => p.text)).toContain(
        `Le plan complet compte ${input.plan.length} actions, classées ici par priorité ; le rapport complet les détaille toutes.`,
      );
    }
  });
});
