/**
 * The EPCI table as a spreadsheet with typed cells: the same columns as the CSV plus the EPCI's SIREN, in the
 * order shown. Codes are text (an INSEE code such as 06001 or 2A004 and a SIREN are identifiers: a spreadsheet
 * that reads them as numbers drops the leading zero or refuses the letter), scores, populations and answer counts
 * are numbers, the audit's day a date. The writer (src/features/epci/write-epci-xlsx.ts) only maps these cells.
 */
import type { EpciCsvLabels } from './epci-csv';
import type { EpciRow } from './epci-row';

export type SheetCell =
  | { kind: 'text'; value: string }
  | { kind: 'integer'; value: number }
  /** A score from 0 to 100, rounded to one decimal as on screen and in the CSV. */
  | { kind: 'score'; value: number }
  /** A calendar day, YYYY-MM-DD. */
  | { kind: 'date'; value: string }
  | null;

export interface EpciSheet {
  header: string[];
  rows: SheetCell[][];
}

export interface EpciSheetLabels extends EpciCsvLabels {
  epciSiren: string;
}

const text = (value: string): SheetCell => ({ kind: 'text', value });
const score = (value: number | null | undefined): SheetCell =>
  value === null || value === undefined || !Number.isFinite(value) ? null : { kind: 'score', value: Math.round(value * 10) / 10 };

export function epciSheet(rows: readonly EpciRow[], labels: EpciSheetLabels): EpciSheet {
  return {
    header: [
      labels.commune,
      labels.insee,
      labels.epciSiren,
      labels.population,
      labels.stratum,
      labels.date,
      labels.status,
      labels.version,
      labels.answered,
      labels.overall,
      ...labels.themes.map((t) => t.title),
    ],
    rows: rows.map((row) => [
      text(row.name),
      row.insee ? text(row.insee) : null,
      row.epciSiren ? text(row.epciSiren) : null,
      { kind: 'integer', value: row.population },
      text(labels.strata[row.stratum]),
      { kind: 'date', value: row.date.slice(0, 10) },
      text(labels.statuses[row.status]),
      { kind: 'integer', value: row.questionnaireVersion },
      { kind: 'integer', value: row.summary.answered },
      score(row.summary.overall),
      ...labels.themes.map((t) => score(row.summary.themeScores[t.id])),
    ]),
  };
}
