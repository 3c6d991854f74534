/**
 * The EPCI table as a spreadsheet with typed cells (see epci-columns.ts): the same columns as the CSV plus the
 * EPCI's SIREN, in the order shown. The writer (src/features/epci/write-epci-xlsx.ts) only maps these cells.
 */
import { epciColumns, type EpciCsvLabels, type SheetCell } from './epci-columns';
import type { EpciRow } from './epci-row';

export type { SheetCell } from './epci-columns';

export interface EpciSheet {
  header: string[];
  rows: SheetCell[][];
}

export interface EpciSheetLabels extends EpciCsvLabels {
  epciSiren: string;
}

export function epciSheet(rows: readonly EpciRow[], labels: EpciSheetLabels): EpciSheet {
  const columns = epciColumns(labels, { epciSiren: labels.epciSiren });
  return { header: columns.map((c) => c.header), rows: rows.map((row) => columns.map((c) => c.cell(row))) };
}
