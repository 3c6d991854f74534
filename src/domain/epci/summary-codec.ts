/**
 * How audit summaries are stored: in columns of typed arrays, many audits to a record, indexed by the
 * questionnaire's and the catalogue's orders rather than objects keyed by id. Reading 35,000 summaries back from
 * IndexedDB is then a copy of a few buffers instead of the rebuilding of 40-odd strings and objects per audit, and
 * writing them is one record per imported file instead of one per audit (docs/measurements.md). The orders are those of the derivation key: columns packed with another questionnaire or catalogue
 * have another key and are made again, never unpacked against the wrong order.
 */
import type { ActionCatalogue } from '../actions/parse-catalogue';
import type { Questionnaire } from '../questionnaire/schema';
import type { AuditSummary, IndicatorPosition } from './create-audit-summarizer';

/** One audit's summary as schema version 4 stored it (kept to upgrade those records into columns). */
export interface PackedSummary {
  /** Each theme's score in questionnaire order (NaN: no answer), then the overall score. */
  scores: Float64Array;
  /** asked, answered, dontKnow. */
  counts: Uint32Array;
  /** Catalogue indexes of the actions the plan calls for. */
  actions: Uint16Array;
  /** Per linked indicator (order of first link): 0 says nothing, 1 inside the group, 2 outside. */
  indicators: Uint8Array;
}

/** `count` summaries, row after row: row r of a column of width w is [r × w, (r + 1) × w). */
export interface SummaryColumns {
  count: number;
  /** Width: themes + 1 (each theme's score in questionnaire order, NaN for no answer, then the overall score). */
  scores: Float64Array;
  /** Width 3: asked, answered, dontKnow. */
  counts: Uint32Array;
  /** count + 1 offsets into `actions`: row r's actions are actions[actionStarts[r] … actionStarts[r + 1]). */
  actionStarts: Uint32Array;
  /** Catalogue indexes of the actions each plan calls for. */
  actions: Uint16Array;
  /** Width: linked indicators (order of first link); 0 says nothing, 1 inside the group, 2 outside. */
  indicators: Uint8Array;
}

export interface SummaryCodec {
  pack(summaries: readonly AuditSummary[]): SummaryColumns;
  /** True when the columns have the shape this codec writes (a damaged record is made again, not misread). */
  fits(columns: SummaryColumns): boolean;
  /** The summary of one row of columns that fit. */
  unpack(columns: SummaryColumns, row: number): AuditSummary;
}

const COUNTS_WIDTH = 3;
const POSITION_CODE: Readonly<Record<IndicatorPosition, number>> = { 'in-group': 1, 'out-of-group': 2 };
const POSITIONS: readonly (IndicatorPosition | undefined)[] = [undefined, 'in-group', 'out-of-group'];

/** Realm-proof type test: IndexedDB (and structuredClone) can hand back typed arrays of another global scope. */
const isTyped = (value: unknown, name: 'Float64Array' | 'Uint32Array' | 'Uint16Array' | 'Uint8Array') =>
  ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === `[object ${name}]`;

const fromScore = (score: number | null | undefined) => (score === null || score === undefined ? Number.NaN : score);
const toScore = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? null : value);

export function createSummaryCodec(questionnaire: Questionnaire, catalogue: ActionCatalogue): SummaryCodec {
  const themeIds = questionnaire.themes.map((t) => t.id);
  const actionIds = [...catalogue.keys()];
  const actionIndex = new Map(actionIds.map((id, index) => [id, index]));
  const indicatorIds = [...new Set(questionnaire.themes.flatMap((t) => t.questions.flatMap((q) => q.indicators.map((l) => l.indicator))))];
  const scoresWidth = themeIds.length + 1;
  const indicatorsWidth = indicatorIds.length;

  return {
    pack(summaries) {
      const count = summaries.length;
      const scores = new Float64Array(count * scoresWidth);
      const counts = new Uint32Array(count * COUNTS_WIDTH);
      const indicators = new Uint8Array(count * indicatorsWidth);
      const actionStarts = new Uint32Array(count + 1);
      const actions: number[] = [];
      summaries.forEach((summary, row) => {
        const scoresAt = row * scoresWidth;
        themeIds.forEach((id, index) => {
          scores[scoresAt + index] = fromScore(summary.themeScores[id]);
        });
        scores[scoresAt + themeIds.length] = fromScore(summary.overall);
        counts.set([summary.asked, summary.answered, summary.dontKnow], row * COUNTS_WIDTH);
        for (const id of summary.actionIds) {
          const index = actionIndex.get(id);
          if (index !== undefined) actions.push(index);
        }
        actionStarts[row + 1] = actions.length;
        const indicatorsAt = row * indicatorsWidth;
        indicatorIds.forEach((id, index) => {
          const position = summary.indicators[id];
          indicators[indicatorsAt + index] = position ? POSITION_CODE[position] : 0;
        });
      });
      return { count, scores, counts, actionStarts, actions: Uint16Array.from(actions), indicators };
    },

    fits(columns) {
      const { count, scores, counts, actionStarts, actions, indicators } = columns;
      if (!Number.isSafeInteger(count) || count < 0) return false;
      if (!isTyped(scores, 'Float64Array') || scores.length !== count * scoresWidth) return false;
      if (!isTyped(counts, 'Uint32Array') || counts.length !== count * COUNTS_WIDTH) return false;
      if (!isTyped(indicators, 'Uint8Array') || indicators.length !== count * indicatorsWidth) return false;
      if (!isTyped(actionStarts, 'Uint32Array') || actionStarts.length !== count + 1 || !isTyped(actions, 'Uint16Array')) return false;
      for (let row = 0; row < count; row++) if ((actionStarts[row + 1] ?? 0) < (actionStarts[row] ?? 0)) return false;
      return actionStarts[0] === 0 && actionStarts[count] === actions.length;
    },

    unpack(columns, row) {
      const scoresAt = row * scoresWidth;
      const themeScores: Record<string, number | null> = {};
      themeIds.forEach((id, index) => {
        themeScores[id] = toScore(columns.scores[scoresAt + index]);
      });
      const indicatorsAt = row * indicatorsWidth;
      const indicators: Record<string, IndicatorPosition> = {};
      indicatorIds.forEach((id, index) => {
        const position = POSITIONS[columns.indicators[indicatorsAt + index] ?? 0];
        if (position) indicators[id] = position;
      });
      const countsAt = row * COUNTS_WIDTH;
      const rowActions = columns.actions.subarray(columns.actionStarts[row] ?? 0, columns.actionStarts[row + 1] ?? 0);
      return {
        themeScores,
        overall: toScore(columns.scores[scoresAt + themeIds.length]),
        asked: columns.counts[countsAt] ?? 0,
        answered: columns.counts[countsAt + 1] ?? 0,
        dontKnow: columns.counts[countsAt + 2] ?? 0,
        actionIds: Array.from(rowActions, (index) => actionIds[index] ?? '').filter((id) => id !== ''),
        indicators,
      };
    },
  };
}

/**
 * Schema version 4's one-audit summaries laid out as columns, unchanged (their orders are those of their own
 * derivation key). Null when they do not all have the same widths: such summaries are left to be made again.
 */
export function columnsOfPacked(packed: readonly PackedSummary[]): SummaryColumns | null {
  const [first] = packed;
  const scoresWidth = first?.scores.length ?? 0;
  const indicatorsWidth = first?.indicators.length ?? 0;
  const count = packed.length;
  const sameShape = packed.every(
    (p) =>
      isTyped(p.scores, 'Float64Array') &&
      p.scores.length === scoresWidth &&
      isTyped(p.counts, 'Uint32Array') &&
      p.counts.length === COUNTS_WIDTH &&
      isTyped(p.indicators, 'Uint8Array') &&
      p.indicators.length === indicatorsWidth &&
      isTyped(p.actions, 'Uint16Array'),
  );
  if (!sameShape) return null;
  const scores = new Float64Array(count * scoresWidth);
  const counts = new Uint32Array(count * COUNTS_WIDTH);
  const indicators = new Uint8Array(count * indicatorsWidth);
  const actionStarts = new Uint32Array(count + 1);
  const actions = new Uint16Array(packed.reduce((sum, p) => sum + p.actions.length, 0));
  packed.forEach((p, row) => {
    scores.set(p.scores, row * scoresWidth);
    counts.set(p.counts, row * COUNTS_WIDTH);
    indicators.set(p.indicators, row * indicatorsWidth);
    const start = actionStarts[row] ?? 0;
    actions.set(p.actions, start);
    actionStarts[row + 1] = start + p.actions.length;
  });
  return { count, scores, counts, actionStarts, actions, indicators };
}

/** The given rows of columns, in that order (to forget the summaries of deleted audits); widths are kept. */
export function selectSummaryRows(columns: SummaryColumns, rows: readonly number[]): SummaryColumns {
  const { count } = columns;
  const width = (length: number) => (count === 0 ? 0 : length / count);
  const scoresWidth = width(columns.scores.length);
  const countsWidth = width(columns.counts.length);
  const indicatorsWidth = width(columns.indicators.length);
  const scores = new Float64Array(rows.length * scoresWidth);
  const counts = new Uint32Array(rows.length * countsWidth);
  const indicators = new Uint8Array(rows.length * indicatorsWidth);
  const actionStarts = new Uint32Array(rows.length + 1);
  const actions: number[] = [];
  rows.forEach((row, at) => {
    scores.set(columns.scores.subarray(row * scoresWidth, (row + 1) * scoresWidth), at * scoresWidth);
    counts.set(columns.counts.subarray(row * countsWidth, (row + 1) * countsWidth), at * countsWidth);
    indicators.set(columns.indicators.subarray(row * indicatorsWidth, (row + 1) * indicatorsWidth), at * indicatorsWidth);
    actions.push(...columns.actions.subarray(columns.actionStarts[row] ?? 0, columns.actionStarts[row + 1] ?? 0));
    actionStarts[at + 1] = actions.length;
  });
  return { count: rows.length, scores, counts, actionStarts, actions: Uint16Array.from(actions), indicators };
}
