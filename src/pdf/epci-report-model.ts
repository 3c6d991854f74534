/**
 * The consolidated report for the conseil communautaire, as a plain model (the same ReportModel the commune
 * report uses, drawn by the same renderer): cover, summary, averages per theme against the barometers, heat map
 * table, shared gaps with the pooled answers, and the members without an audit. Pure: no jsPDF, no clock.
 */
import { OVERALL, scoreOf, sortRows } from '../domain/epci/select-rows';
import type { Spread } from '../domain/epci/spread';
import { fileNameSlug } from '../domain/file-name-slug';
import { integer, isoDay, longDate, percent, roundScore, say, scoreTone, typographic } from './report-format';
import type { EpciReportInput } from './epci-report-input';
import type { Block, ReportCover, ReportModel, ReportSection, TableRow } from './report-types';

/** The heat map lists at most this many communes; the CSV export has them all (a national view has 35,000). */
export const PDF_HEAT_MAP_LIMIT = 400;

const themeTitles = (input: EpciReportInput) => input.questionnaire.themes.map((theme) => ({ id: theme.id, title: say(theme.title, input.language) }));

function buildCover(input: EpciReportInput): ReportCover {
  const { t, language, aggregate, scope, benchmark, questionnaire } = input;
  const members = aggregate.members;
  return {
    eyebrow: t('pdf.cover.eyebrow'),
    title: input.label,
    subtitle: t('pdf.cover.subtitle'),
    facts: [
      { label: t('pdf.cover.date'), value: longDate(input.generatedAt, language) },
      ...(scope.kind === 'epci' ? [{ label: t('pdf.cover.siren'), value: scope.siren }] : []),
      members
        ? {
            label: t('pdf.cover.audited'),
            value: t('pdf.cover.auditedValue', { count: members.audited.length, total: members.audited.length + members.missing.length }),
          }
        : { label: t('pdf.cover.audited'), value: integer(aggregate.rows.length, language) },
      { label: t('pdf.cover.questionnaire'), value: t('pdf.cover.questionnaireValue', { id: questionnaire.id, version: questionnaire.version }) },
      {
        label: t('pdf.cover.benchmark'),
        value: benchmark ? t('pdf.cover.benchmarkValue', { id: benchmark.id, version: benchmark.version }) : t('pdf.cover.noBenchmark'),
      },
    ],
    notes: [t('pdf.cover.latest'), t('pdf.cover.confidential')],
  };
}

function buildSummary(input: EpciReportInput): ReportSection {
  const { t, language, aggregate } = input;
  const blocks: Block[] = [{ kind: 'paragraph', text: t('pdf.summary.intro'), style: 'lead' }];
  if (aggregate.overall) {
    blocks.push({
      kind: 'score',
      value: roundScore(aggregate.overall.mean),
      label: t('pdf.summary.overall', { score: roundScore(aggregate.overall.mean), count: aggregate.overall.count }),
      tone: scoreTone(aggregate.overall.mean),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: t('pdf.summary.noAudit') });
  }
  if (aggregate.inProgress > 0) blocks.push({ kind: 'paragraph', text: t('pdf.summary.inProgress', { count: aggregate.inProgress }), style: 'muted' });
  const spreads = new Map(aggregate.themes.map((s) => [s.themeId, s.spread]));
  blocks.push({
    kind: 'bar-chart',
    title: t('pdf.summary.chartTitle'),
    bars: themeTitles(input).map(({ id, title }) => {
      const mean = spreads.get(id)?.mean ?? null;
      return { label: title, value: mean, valueText: mean === null ? t('pdf.noScore') : roundScore(mean), tone: scoreTone(mean) };
    }),
    source: t('pdf.summary.chartSource'),
  });
  const offers = aggregate.gaps.offers.slice(0, 3);
  if (offers.length > 0) {
    blocks.push({ kind: 'heading', text: t('pdf.summary.offersTitle') });
    blocks.push({
      kind: 'list',
      numbered: true,
      items: offers.map((offer) => ({
        text: `${t(`offers.${offer.offer}.title`)} — ${t('gaps.communes', { count: offer.communes, share: percent(offer.share, language) })}`,
      })),
    });
  }
  if (aggregate.members && aggregate.members.missing.length > 0) {
    blocks.push({ kind: 'callout', tone: 'warning', lines: [t('pdf.summary.missing', { count: aggregate.members.missing.length })] });
  }
  return { id: 'summary', title: t('pdf.summary.title'), blocks };
}

function spreadCells(spread: Spread | null, input: EpciReportInput): TableRow {
  if (!spread) return [{ text: '0' }, ...Array.from({ length: 6 }, () => ({ text: '–' }))];
  return [
    { text: integer(spread.count, input.language) },
    { text: roundScore(spread.mean), bold: true, tone: scoreTone(spread.mean) },
    { text: roundScore(spread.min) },
    { text: roundScore(spread.q1) },
    { text: roundScore(spread.median) },
    { text: roundScore(spread.q3) },
    { text: roundScore(spread.max) },
  ];
}

function buildThemes(input: EpciReportInput): ReportSection {
  const { t, language, aggregate, comparisons } = input;
  const spreads = new Map(aggregate.themes.map((s) => [s.themeId, s.spread]));
  const number = (header: string) => ({ header, width: 0.09, align: 'right' as const });
  const blocks: Block[] = [
    { kind: 'paragraph', text: t('pdf.themes.intro') },
    {
      kind: 'table',
      columns: [
        { header: t('themes.theme'), width: 0.37 },
        number(t('themes.communes')),
        number(t('themes.mean')),
        number(t('themes.min')),
        number(t('themes.q1')),
        number(t('themes.median')),
        number(t('themes.q3')),
        number(t('themes.max')),
      ],
      rows: [
        [{ text: t('table.overall'), bold: true }, ...spreadCells(aggregate.overall, input)],
        ...themeTitles(input).map(({ id, title }) => [{ text: title }, ...spreadCells(spreads.get(id) ?? null, input)]),
      ],
    },
    { kind: 'paragraph', text: t('themes.method'), style: 'muted' },
    { kind: 'heading', text: t('barometers.title') },
  ];
  if (comparisons.length === 0) blocks.push({ kind: 'paragraph', text: input.benchmark ? t('barometers.none') : t('barometers.noDataset') });
  else {
    blocks.push({
      kind: 'list',
      items: comparisons.map((c) => {
        const { indicator } = c;
        const theme = input.questionnaire.themes.find((th) => th.id === c.themeId);
        const source = [say(indicator.publisher, language), say(indicator.documentTitle, language), indicator.wave ? say(indicator.wave.label, language) : null, indicator.publishedAt]
          .filter((part) => part !== null)
          .join(', ');
        return {
          text: typographic(
            `${theme ? say(theme.title, language) : c.themeId} — ${say(indicator.subject, language)} : ${t('barometers.members', { count: c.inGroup, total: c.communes, share: percent(c.share, language) })} ${t('barometers.national', { share: percent(indicator.value, language) })}`,
          ),
          notes: [
            ...(indicator.stratum ? [t('barometers.stratum', { stratum: say(indicator.stratum.label, language) })] : []),
            t('barometers.source', { source }),
            t('barometers.question', { question: say(indicator.surveyQuestion, language) }),
          ],
        };
      }),
    });
  }
  return { id: 'themes', title: t('themes.title'), blocks };
}

function buildHeatMap(input: EpciReportInput): ReportSection {
  const { t, language, aggregate } = input;
  const themes = themeTitles(input);
  const rows = sortRows([...aggregate.rows], { kind: 'name' }, 'ascending');
  const shown = rows.slice(0, PDF_HEAT_MAP_LIMIT);
  const scoreWidth = 0.66 / (themes.length + 1);
  const cell = (score: number | null | undefined) =>
    score === null || score === undefined ? { text: '–' } : { text: roundScore(score), tone: scoreTone(score) };
  const blocks: Block[] = [
    { kind: 'paragraph', text: t('pdf.heatMap.intro') },
    {
      kind: 'list',
      items: themes.map((theme, index) => ({ text: t('pdf.heatMap.key', { code: `T${index + 1}`, theme: theme.title }) })),
    },
    {
      kind: 'table',
      columns: [
        { header: t('table.commune'), width: 0.34 },
        { header: t('pdf.heatMap.overall'), width: scoreWidth, align: 'center' },
        ...themes.map((_, index) => ({ header: `T${index + 1}`, width: scoreWidth, align: 'center' as const })),
      ],
      rows: shown.map((row) => [
        {
          text: row.name,
          // Which questionnaire version the audit used: the scores of a version 1 audit are version 1's.
          detail: `${row.status === 'in-progress' ? t('table.inProgress') : integer(row.population, language)} · ${t('table.versionValue', { version: row.questionnaireVersion })}`,
        },
        cell(scoreOf(row, OVERALL)),
        ...themes.map((theme) => cell(row.summary.themeScores[theme.id])),
      ]),
    },
  ];
  if (rows.length === 0) blocks.push({ kind: 'paragraph', text: t('table.empty') });
  if (rows.length > shown.length) {
    blocks.push({ kind: 'callout', tone: 'neutral', lines: [t('pdf.heatMap.truncated', { count: shown.length, total: rows.length })] });
  }
  return { id: 'heat-map', title: t('table.title'), blocks };
}

function buildGaps(input: EpciReportInput): ReportSection {
  const { t, language, aggregate, catalogue } = input;
  const { gaps } = aggregate;
  const actionTitle = (id: string) => {
    const action = catalogue.get(id);
    return action ? say(action.title, language) : id;
  };
  const blocks: Block[] = [{ kind: 'paragraph', text: t('gaps.intro') }];
  if (gaps.audited === 0) return { id: 'gaps', title: t('gaps.title'), blocks: [...blocks, { kind: 'paragraph', text: t('gaps.noAudit') }] };
  blocks.push({ kind: 'heading', text: t('gaps.offersTitle') });
  blocks.push(
    gaps.offers.length === 0
      ? { kind: 'paragraph', text: t('gaps.noOffer') }
      : {
          kind: 'list',
          numbered: true,
          items: gaps.offers.map((offer) => ({
            text: `${t(`offers.${offer.offer}.title`)} — ${t('gaps.communes', { count: offer.communes, share: percent(offer.share, language) })}`,
            notes: [t(`offers.${offer.offer}.description`), t('gaps.answers', { actions: offer.actionIds.map(actionTitle).join(' ; ') })],
          })),
        },
  );
  blocks.push({ kind: 'heading', text: t('gaps.actionsTitle') });
  blocks.push({
    kind: 'table',
    columns: [
      { header: t('gaps.rank'), width: 0.07, align: 'right' },
      { header: t('gaps.action'), width: 0.45 },
      { header: t('gaps.concerned'), width: 0.2, align: 'right' },
      { header: t('gaps.pooled'), width: 0.28 },
    ],
    rows: gaps.actions.map((gap, index) => [
      { text: String(index + 1) },
      { text: actionTitle(gap.actionId) },
      { text: t('gaps.concernedValue', { count: gap.communes, share: percent(gap.share, language) }) },
      { text: gap.pooledOffer ? t(`offers.${gap.pooledOffer}.title`) : t('gaps.noPooled') },
    ]),
  });
  return { id: 'gaps', title: t('gaps.title'), blocks };
}

function buildMissing(input: EpciReportInput): ReportSection | null {
  const { t, language, aggregate } = input;
  if (!aggregate.members) return null;
  const { missing } = aggregate.members;
  const blocks: Block[] =
    missing.length === 0
      ? [{ kind: 'paragraph', text: t('members.allSent') }]
      : [
          { kind: 'paragraph', text: t('pdf.missing.intro', { count: missing.length }) },
          {
            kind: 'table',
            columns: [
              { header: t('table.commune'), width: 0.6 },
              { header: t('csv.insee'), width: 0.2 },
              { header: t('table.population'), width: 0.2, align: 'right' },
            ],
            rows: missing.map((m) => [{ text: m.name }, { text: m.insee }, { text: m.population === null ? '–' : integer(m.population, language) }]),
          },
        ];
  return { id: 'missing', title: t('members.missingTitle', { count: missing.length }), blocks };
}

export function buildEpciReportModel(raw: EpciReportInput): ReportModel {
  // Apostrophes typeset (l’EPCI) in every translated sentence, as in the commune report.
  const input: EpciReportInput = { ...raw, t: (key, options) => typographic(raw.t(key, options)) };
  const { t } = input;
  const missing = buildMissing(input);
  return {
    language: input.language,
    meta: { title: t('pdf.meta.title', { epci: input.label }), subject: t('pdf.meta.subject'), author: 'Cyberdiag' },
    cover: buildCover(input),
    sections: [buildSummary(input), buildThemes(input), buildHeatMap(input), buildGaps(input), ...(missing ? [missing] : [])],
    footer: t('pdf.footer', { epci: input.label, date: longDate(input.generatedAt, input.language) }),
    pageLabel: t('pdf.page', { page: '{page}', total: '{total}' }),
    fileName: t('pdf.fileName', { epci: fileNameSlug(input.label, 'epci'), date: isoDay(input.generatedAt) }),
  };
}
