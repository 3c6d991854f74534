/** The EPCI table as CSV rows: one line per commune (its latest audit), in the order shown, with translated headers. */
import type { CsvCell } from './to-csv';
import type { EpciRow } from './epci-row';
import { epciColumns, type EpciCsvLabels, type SheetCell } from './epci-columns';

export type { EpciCsvLabels } from './epci-columns';

/** A typed cell as CSV writes it: text as text, numbers as numbers (toCsv writes the decimal comma), empty as null. */
const csvCell = (cell: SheetCell): CsvCell => (cell === null ? null : cell.value);

export function epciCsvRows(rows: readonly EpciRow[], labels: EpciCsvLabels): CsvCell[][] {
  const columns = epciColumns(labels);
  return [columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => csvCell(c.cell(row))))];
}
