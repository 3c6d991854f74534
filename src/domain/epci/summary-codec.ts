/**
 * How an audit summary is stored: typed arrays indexed by the questionnaire's and the catalogue's order, rather
 * than objects keyed by id. Reading 35,000 summaries back from IndexedDB is then a copy of a few hundred bytes
 * each instead of the rebuilding of 40-odd strings and objects (measured: the slowest step of the EPCI view's
 * loading). The orders are those of the derivation key: a summary packed with another questionnaire or
 * catalogue has another key and is made again, never unpacked against the wrong order.
 */
import type { ActionCatalogue } from '../actions/parse-catalogue';
import type { Questionnaire } from '../questionnaire/schema';
import type { AuditSummary, IndicatorPosition } from './create-audit-summarizer';

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

export interface SummaryCodec {
  pack(summary: AuditSummary): PackedSummary;
  unpack(packed: PackedSummary): AuditSummary;
}

const POSITION_CODE: Readonly<Record<IndicatorPosition, number>> = { 'in-group': 1, 'out-of-group': 2 };
const POSITIONS: readonly (IndicatorPosition | undefined)[] = [undefined, 'in-group', 'out-of-group'];

const fromScore = (score: number | null | undefined) => (score === null || score === undefined ? Number.NaN : score);
const toScore = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? null : value);

export function createSummaryCodec(questionnaire: Questionnaire, catalogue: ActionCatalogue): SummaryCodec {
  const themeIds = questionnaire.themes.map((t) => t.id);
  const actionIds = [...catalogue.keys()];
  const actionIndex = new Map(actionIds.map((id, index) => [id, index]));
  const indicatorIds = [...new Set(questionnaire.themes.flatMap((t) => t.questions.flatMap((q) => q.indicators.map((l) => l.indicator))))];
  return {
    pack(summary) {
      const scores = new Float64Array(themeIds.length + 1);
      themeIds.forEach((id, index) => {
        scores[index] = fromScore(summary.themeScores[id]);
      });
      scores[themeIds.length] = fromScore(summary.overall);
      const actions = Uint16Array.from(summary.actionIds.flatMap((id) => actionIndex.get(id) ?? []));
      const indicators = Uint8Array.from(indicatorIds, (id) => {
        const position = summary.indicators[id];
        return position ? POSITION_CODE[position] : 0;
      });
      return { scores, counts: Uint32Array.of(summary.asked, summary.answered, summary.dontKnow), actions, indicators };
    },
    unpack(packed) {
      const themeScores: Record<string, number | null> = {};
      themeIds.forEach((id, index) => {
        themeScores[id] = toScore(packed.scores[index]);
      });
      const indicators: Record<string, IndicatorPosition> = {};
      indicatorIds.forEach((id, index) => {
        const position = POSITIONS[packed.indicators[index] ?? 0];
        if (position) indicators[id] = position;
      });
      return {
        themeScores,
        overall: toScore(packed.scores[themeIds.length]),
        asked: packed.counts[0] ?? 0,
        answered: packed.counts[1] ?? 0,
        dontKnow: packed.counts[2] ?? 0,
        actionIds: Array.from(packed.actions, (index) => actionIds[index] ?? '').filter((id) => id !== ''),
        indicators,
      };
    },
  };
}
