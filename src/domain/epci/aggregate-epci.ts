/**
 * The EPCI view's figures, from the cached summaries of the audits on the device: which communes are in scope
 * (the members of an EPCI, or every commune for an OPSN or national view), each one's latest audit, which
 * members have sent none, the spread of every theme, where the members stand against each barometer indicator
 * and the gaps they share. Pure, and linear in the number of audits (35,000 take well under a second).
 */
import type { Questionnaire } from '../questionnaire/schema';
import { latestRows, type CommuneInfo, type EpciRow, type SummaryEntry } from './epci-row';
import { sharedGaps, type GapAction, type SharedGaps } from './shared-gaps';
import { spreadOf, type Spread } from './spread';

export interface Member {
  insee: string;
  name: string;
  population: number | null;
}

export type EpciScope = { kind: 'epci'; siren: string; name: string; members: readonly Member[] } | { kind: 'all' };

export interface ThemeStatistics {
  themeId: string;
  spread: Spread | null;
}

export interface IndicatorShare {
  indicatorId: string;
  themeId: string;
  /** Communes whose answer puts them inside the group the figure counts, and outside it. */
  inGroup: number;
  outOfGroup: number;
}

export interface EpciAggregate {
  rows: EpciRow[];
  /** For an EPCI: its members (from the directory) with and without an audit on the device, by name. */
  members: { audited: Member[]; missing: Member[] } | null;
  overall: Spread | null;
  themes: ThemeStatistics[];
  indicators: IndicatorShare[];
  gaps: SharedGaps;
  /** Rows shown with an audit still in progress (no completed audit yet). */
  inProgress: number;
}

export interface AggregateInput {
  scope: EpciScope;
  communes: readonly CommuneInfo[];
  entries: readonly SummaryEntry[];
  questionnaire: Questionnaire;
  catalogue: readonly GapAction[];
}

/** Indicator id → the theme of the first question linking to it, in questionnaire order. */
export function indicatorThemes(questionnaire: Questionnaire): Map<string, string> {
  const themes = new Map<string, string>();
  for (const theme of questionnaire.themes) {
    for (const question of theme.questions) {
      for (const link of question.indicators) if (!themes.has(link.indicator)) themes.set(link.indicator, theme.id);
    }
  }
  return themes;
}

export function communesInScope(scope: EpciScope, communes: readonly CommuneInfo[]): CommuneInfo[] {
  if (scope.kind === 'all') return [...communes];
  const members = new Set(scope.members.map((m) => m.insee));
  // The directory says who is a member; a commune typed in without INSEE code counts by the EPCI it names.
  return communes.filter((c) => members.has(c.insee) || c.epciSiren === scope.siren);
}

const byName = (a: Member, b: Member) => a.name.localeCompare(b.name, 'fr') || a.insee.localeCompare(b.insee);

export function aggregateEpci({ scope, communes, entries, questionnaire, catalogue }: AggregateInput): EpciAggregate {
  const rows = latestRows(communesInScope(scope, communes), entries);
  const themeIds = questionnaire.themes.map((t) => t.id);

  let members: EpciAggregate['members'] = null;
  if (scope.kind === 'epci') {
    const audited = new Set(rows.map((r) => r.insee));
    members = {
      audited: scope.members.filter((m) => audited.has(m.insee)).sort(byName),
      missing: scope.members.filter((m) => !audited.has(m.insee)).sort(byName),
    };
  }

  const themeValues = new Map<string, number[]>(themeIds.map((id) => [id, []]));
  const overallValues: number[] = [];
  const positions = new Map<string, { inGroup: number; outOfGroup: number }>();
  let inProgress = 0;
  for (const row of rows) {
    const { summary } = row;
    if (row.status !== 'completed') inProgress += 1;
    if (summary.overall !== null) overallValues.push(summary.overall);
    for (const [themeId, values] of themeValues) {
      const score = summary.themeScores[themeId];
      if (score !== null && score !== undefined) values.push(score);
    }
    for (const [indicatorId, position] of Object.entries(summary.indicators)) {
      const count = positions.get(indicatorId) ?? { inGroup: 0, outOfGroup: 0 };
      if (position === 'in-group') count.inGroup += 1;
      else count.outOfGroup += 1;
      positions.set(indicatorId, count);
    }
  }

  const indicators: IndicatorShare[] = [];
  for (const [indicatorId, themeId] of indicatorThemes(questionnaire)) {
    const count = positions.get(indicatorId);
    if (count) indicators.push({ indicatorId, themeId, ...count });
  }

  return {
    rows,
    members,
    overall: spreadOf(overallValues),
    themes: themeIds.map((themeId) => ({ themeId, spread: spreadOf(themeValues.get(themeId) ?? []) })),
    indicators,
    gaps: sharedGaps(rows, catalogue),
    inProgress,
  };
}
