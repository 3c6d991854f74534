/**
 * The EPCI view's figures, from the cached summaries of the audits on the device: which communes are in scope
 * (the members of an EPCI, or every commune for an OPSN or national view), each one's latest audit, which
 * members have sent none, the spread of every theme and the gaps they share (barometer-comparison.ts sets the
 * rows against the barometers). Pure, and linear in the number of audits (35,000 take well under a second).
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

export interface EpciAggregate {
  rows: EpciRow[];
  /** For an EPCI: its members (from the directory) with and without an audit on the device, by name. */
  members: { audited: Member[]; missing: Member[] } | null;
  overall: Spread | null;
  themes: ThemeStatistics[];
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
  let inProgress = 0;
  for (const row of rows) {
    const { summary } = row;
    if (row.status !== 'completed') inProgress += 1;
    if (summary.overall !== null) overallValues.push(summary.overall);
    for (const [themeId, values] of themeValues) {
      const score = summary.themeScores[themeId];
      if (score !== null && score !== undefined) values.push(score);
    }
  }

  return {
    rows,
    members,
    overall: spreadOf(overallValues),
    themes: themeIds.map((themeId) => ({ themeId, spread: spreadOf(themeValues.get(themeId) ?? []) })),
    gaps: sharedGaps(rows, catalogue),
    inProgress,
  };
}
