/** The whole action plan as a table, then one sheet per action (why, how, who, resources). */
import type { PlanEntry } from '../domain/actions/derive-plan';
import { entryTitle, longDate, questionIndex, say, shortDay } from './report-format';
import type { ReportInput } from './report-input';
import type { Block, ReportSection, TableRow } from './report-types';

function planRow(entry: PlanEntry, rank: number, title: string, input: ReportInput): TableRow {
  const { t } = input;
  const item = input.planItems.get(entry.id);
  const none = t('none');
  const status = item?.status ?? 'todo';
  return [
    { text: String(rank), bold: true, ...(entry.critical ? { tone: 'critical' as const } : {}) },
    {
      text: title,
      ...(entry.critical || item?.note
        ? {
            detail: [entry.critical ? t('plan.critical') : '', item?.note ? t('plan.note', { note: item.note }) : '']
              .filter(Boolean)
              .join(' · '),
          }
        : {}),
    },
    { text: item?.owner.trim() || none },
    { text: (item && shortDay(item.dueDate, input.language)) || none },
    { text: t(`cost.${entry.cost}`) },
    { text: t(`timeframe.${entry.timeframe}`) },
    { text: t(`planStatus.${status}`), bold: status === 'done', ...(status === 'done' ? { tone: 'good' as const } : {}) },
  ];
}

/** Plan entries the short report always lists; up to SHORT_PLAN_MAX when the page has room for them. */
export const SHORT_PLAN_ENTRIES = 6;
export const SHORT_PLAN_MAX = 12;

/**
 * The plan in the short report, on one page: the first entries always, the next ones each as a continuation of
 * the table that gives way, last first, when the page is full (verifications quote a whole question and some
 * titles run over several lines, so how many fit is known only once drawn).
 */
export function buildShortPlanSection(input: ReportInput): ReportSection {
  const section = buildPlanSection({ ...input, plan: input.plan.slice(0, SHORT_PLAN_MAX) });
  const table = section.blocks.find((block) => block.kind === 'table');
  if (!table || table.kind !== 'table') return { ...section, onePage: true };
  const blocks: Block[] = section.blocks.flatMap((block): Block[] => {
    if (block !== table) return [block];
    const extra = table.rows.slice(SHORT_PLAN_ENTRIES);
    return [
      { ...table, rows: table.rows.slice(0, SHORT_PLAN_ENTRIES) },
      // Optional ranks: the last row gives way first (after the cost legend and the follow-up line, 1 and 2).
      ...extra.map((row, index): Block => ({ ...table, rows: [row], continues: true, optional: 2 + extra.length - index })),
    ];
  });
  if (input.plan.length > SHORT_PLAN_ENTRIES) {
    blocks.splice(1, 0, { kind: 'paragraph', text: input.t('short.morePlan', { count: input.plan.length }), style: 'strong' });
  }
  return { ...section, blocks, onePage: true };
}

export function buildPlanSection(input: ReportInput): ReportSection {
  const { t } = input;
  const questions = questionIndex(input);
  const blocks: Block[] = [
    { kind: 'paragraph', text: t('plan.intro') },
    { kind: 'paragraph', text: t('plan.followUp', { date: longDate(input.generatedAt, input.language) }), style: 'muted', optional: 2 },
  ];
  if (input.plan.length === 0) {
    blocks.push({ kind: 'paragraph', text: t('plan.empty') });
  } else {
    blocks.push({
      kind: 'table',
      columns: [
        { header: t('plan.columns.rank'), width: 0.06, align: 'center' },
        { header: t('plan.columns.action'), width: 0.37 },
        { header: t('plan.columns.owner'), width: 0.15 },
        { header: t('plan.columns.dueDate'), width: 0.13 },
        { header: t('plan.columns.cost'), width: 0.07, align: 'center' },
        { header: t('plan.columns.timeframe'), width: 0.12 },
        { header: t('plan.columns.status'), width: 0.1 },
      ],
      rows: input.plan.map((entry, index) => planRow(entry, index + 1, entryTitle(entry, questions, input), input)),
    });
    blocks.push({ kind: 'paragraph', text: t('plan.costLegend'), style: 'muted', optional: 1 });
  }
  return { id: 'plan', title: t('plan.title'), blocks };
}

export function buildActionSheets(input: ReportInput): ReportSection | null {
  if (input.plan.length === 0) return null;
  const { t, language } = input;
  const questions = questionIndex(input);
  const blocks: Block[] = [{ kind: 'paragraph', text: t('plan.detailsIntro') }];
  input.plan.forEach((entry, index) => {
    const answers = entry.questionIds.flatMap((id) => {
      const question = questions.get(id);
      return question ? [say(question.text, language)] : [];
    });
    const parts =
      entry.kind === 'verify'
        ? [
            { label: t('plan.why'), lines: [t('plan.verifyWhy')] },
            { label: t('plan.how'), lines: [t('plan.verifyStep', { knower: t(`knower.${entry.knower}`) })] },
          ]
        : [
            { label: t('plan.why'), lines: [say(entry.action.why, language)] },
            { label: t('plan.how'), lines: entry.action.steps.map((step, i) => `${i + 1}. ${say(step, language)}`) },
            { label: t('plan.who'), lines: [entry.action.who.map((actor) => t(`actor.${actor}`)).join(', ')] },
            { label: t('plan.answers'), lines: answers },
            ...(entry.action.resources.length > 0
              ? [
                  {
                    label: t('plan.resources'),
                    lines: entry.action.resources.map((r) =>
                      t('plan.resourceLine', { title: say(r.title, language), publisher: t(`publisher.${r.publisher}`), url: r.url }),
                    ),
                  },
                ]
              : []),
            ...(entry.action.funding.length > 0
              ? [
                  {
                    label: t('plan.funding'),
                    lines: entry.action.funding.map((f) =>
                      [say(f.title, language), say(f.description, language), f.url ?? ''].filter(Boolean).join(' — '),
                    ),
                  },
                ]
              : []),
          ];
    blocks.push({
      kind: 'action-sheet',
      rank: String(index + 1),
      title: entryTitle(entry, questions, input),
      critical: entry.critical ? t('plan.critical') : null,
      parts,
    });
  });
  return { id: 'action-sheets', title: t('plan.detailsTitle'), blocks };
}
