/**
 * Writes the EPCI sheet as an .xlsx file on the device with write-excel-file. Loaded with import() only when the
 * user asks for the file, so the library (and its zip code) is a chunk of its own, precached for offline use.
 * The cells keep their types: text cells are written as strings (never run as formulas), numbers as numbers,
 * days as dates shown in the user's format; the header row is frozen.
 */
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import type { EpciSheet, SheetCell } from '../../domain/epci/epci-sheet';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function cell(value: SheetCell, dateFormat: string): Cell {
  if (value === null) return null;
  switch (value.kind) {
    case 'text':
      return { type: String, value: value.value };
    case 'integer':
      return { type: Number, value: value.value, format: '0' };
    case 'score':
      return { type: Number, value: value.value, format: '0.0' };
    case 'date': {
      const [year = 1970, month = 1, day = 1] = value.value.split('-').map(Number);
      // Midnight UTC: the library counts days from the UTC epoch, so the cell is the day itself, without an hour.
      return { type: Date, value: new Date(Date.UTC(year, month - 1, day)), format: dateFormat };
    }
  }
}

export async function writeEpciXlsx(sheet: EpciSheet, { sheetName, dateFormat }: { sheetName: string; dateFormat: string }): Promise<Blob> {
  const data: SheetData = [
    sheet.header.map((title): Cell => ({ type: String, value: title, fontWeight: 'bold' })),
    ...sheet.rows.map((row) => row.map((value) => cell(value, dateFormat))),
  ];
  const blob = await writeXlsxFile(data, { sheet: sheetName, stickyRowsCount: 1 }).toBlob();
  return blob.type === XLSX_TYPE ? blob : new Blob([blob], { type: XLSX_TYPE });
}
