/**
 * The report model: (results, plan, comparisons, translations) → a plain description of the PDF, section by
 * section. Pure (no jsPDF, no clock, no I/O), so that everything the report says can be unit-tested; only
 * render-report.ts draws it.
 */
import { buildAnswerAnnex, buildAttackSheet, buildGlossary, buildMethod } from './report-annexes';
import { fileNameSlug } from '../domain/file-name-slug';
import { isoDay, longDate } from './report-format';
import type { ReportInput } from './report-input';
import { buildActionSheets, buildPlanSection, buildShortPlanSection } from './report-plan';
import { buildVitalSection } from './report-levels';
import { buildCover, buildSummary } from './report-summary';
import { buildThemeSections } from './report-themes';
import type { ReportModel, ReportSection } from './report-types';

export function buildReportModel(input: ReportInput): ReportModel {
  const { t, commune } = input;
  const actionSheets = buildActionSheets(input);
  const sections: ReportSection[] = [
    buildSummary(input),
    buildVitalSection(input),
    ...buildThemeSections(input),
    buildPlanSection(input),
    ...(actionSheets ? [actionSheets] : []),
    buildAnswerAnnex(input),
    buildMethod(input),
    buildGlossary(input),
    buildAttackSheet(input),
  ];
  return {
    language: input.language,
    meta: { title: t('meta.title', { commune: commune.name }), subject: t('meta.subject'), author: 'Cyberdiag' },
    cover: buildCover(input),
    sections,
    footer: t('footer', { commune: commune.name, date: longDate(input.generatedAt, input.language) }),
    pageLabel: t('page', { page: '{page}', total: '{total}' }),
    fileName: t('download.fileName', { commune: fileNameSlug(commune.name, 'commune'), date: isoDay(input.generatedAt) }),
  };
}

/**
 * The short report, for the maire and the conseil: the summary, the vital controls and the plan (the first
 * entries only when it is long), at most four pages with the cover. The full report keeps everything.
 */
export function buildShortReportModel(input: ReportInput): ReportModel {
  const full = buildReportModel(input);
  const { t } = input;
  return {
    ...full,
    meta: { ...full.meta, title: t('short.metaTitle', { commune: input.commune.name }) },
    cover: { ...full.cover, subtitle: t('short.subtitle') },
    sections: [buildSummary(input), { ...buildVitalSection(input, { compact: true }), onePage: true }, buildShortPlanSection(input)],
    fileName: t('short.fileName', { commune: fileNameSlug(input.commune.name, 'commune'), date: isoDay(input.generatedAt) }),
  };
}
