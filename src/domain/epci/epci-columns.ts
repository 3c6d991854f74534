/**
 * The columns of the EPCI table's exports, one list for the CSV and the spreadsheet: each column's header and
 * its typed cell, in the order shown. Codes are text (an INSEE code such as 06001 or 2A004 and a SIREN are
 * identifiers: a spreadsheet that reads them as numbers drops the leading zero or refuses the letter), scores,
 * populations and answer counts are numbers, the audit's day a date. The spreadsheet adds the EPCI's SIREN.
 */
import type { EpciRow } from './epci-row';
import type { PopulationStratum } from './population-stratum';

export interface EpciCsvLabels {
  commune: string;
  insee: string;
  population: string;
  stratum: string;
  date: string;
  status: string;
  /** The questionnaire version column's header. */
  version: string;
  overall: string;
  answered: string;
  /** Theme id → its title, in questionnaire order. */
  themes: ReadonlyArray<{ id: string; title: string }>;
  strata: Readonly<Record<PopulationStratum, string>>;
  statuses: Readonly<Record<EpciRow['status'], string>>;
}

export type SheetCell =
  | { kind: 'text'; value: string }
  | { kind: 'integer'; value: number }
  /** A score from 0 to 100, rounded to one decimal as on screen and in the CSV. */
  | { kind: 'score'; value: number }
  /** A calendar day, YYYY-MM-DD. */
  | { kind: 'date'; value: string }
  | null;

export interface EpciColumn {
  header: string;
  cell: (row: EpciRow) => SheetCell;
}

const text = (value: string): SheetCell => ({ kind: 'text', value });
const integer = (value: number): SheetCell => ({ kind: 'integer', value });
/** One decimal: enough to tell 72.5 from 73 after rounding on screen, and what a spreadsheet user expects. */
const score = (value: number | null | undefined): SheetCell =>
  value === null || value === undefined || !Number.isFinite(value) ? null : { kind: 'score', value: Math.round(value * 10) / 10 };

/** The columns in order; with `epciSiren` (its header), the EPCI's SIREN after the INSEE code. */
export function epciColumns(labels: EpciCsvLabels, { epciSiren }: { epciSiren?: string } = {}): EpciColumn[] {
  const siren: EpciColumn[] = epciSiren === undefined ? [] : [{ header: epciSiren, cell: (row) => (row.epciSiren ? text(row.epciSiren) : null) }];
  return [
    { header: labels.commune, cell: (row) => text(row.name) },
    { header: labels.insee, cell: (row) => (row.insee ? text(row.insee) : null) },
    ...siren,
    { header: labels.population, cell: (row) => integer(row.population) },
    { header: labels.stratum, cell: (row) => text(labels.strata[row.stratum]) },
    { header: labels.date, cell: (row) => ({ kind: 'date', value: row.date.slice(0, 10) }) },
    { header: labels.status, cell: (row) => text(labels.statuses[row.status]) },
    { header: labels.version, cell: (row) => integer(row.questionnaireVersion) },
    { header: labels.answered, cell: (row) => integer(row.summary.answered) },
    { header: labels.overall, cell: (row) => score(row.summary.overall) },
    ...labels.themes.map((theme): EpciColumn => ({ header: theme.title, cell: (row) => score(row.summary.themeScores[theme.id]) })),
  ];
}
