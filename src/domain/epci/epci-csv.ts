/** The EPCI table as CSV rows: one line per commune (its latest audit), in the order shown, with translated headers. */
import type { CsvCell } from './to-csv';
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

/** One decimal: enough to tell 72.5 from 73 after rounding on screen, and what a spreadsheet user expects. */
const oneDecimal = (score: number | null | undefined) => (score === null || score === undefined ? null : Math.round(score * 10) / 10);

export function epciCsvRows(rows: readonly EpciRow[], labels: EpciCsvLabels): CsvCell[][] {
  const header: CsvCell[] = [
    labels.commune,
    labels.insee,
    labels.population,
    labels.stratum,
    labels.date,
    labels.status,
    labels.version,
    labels.answered,
    labels.overall,
    ...labels.themes.map((t) => t.title),
  ];
  const lines = rows.map((row): CsvCell[] => [
    row.name,
    row.insee,
    row.population,
    labels.strata[row.stratum],
    row.date.slice(0, 10),
    labels.statuses[row.status],
    row.questionnaireVersion,
    row.summary.answered,
    oneDecimal(row.summary.overall),
    ...labels.themes.map((t) => oneDecimal(row.summary.themeScores[t.id])),
  ]);
  return [header, ...lines];
}
