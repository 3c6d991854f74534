/**
 * CSV as French spreadsheets open it with a double click: UTF-8 with a byte order mark (without it Excel reads
 * the accents as Windows-1252), ';' between cells (',' is the decimal separator in French), CRLF line ends,
 * quotes doubled inside quoted cells. A text cell that a spreadsheet would run as a formula (=, +, -, @, their
 * full-width forms ＝ ＋ － ＠, which some spreadsheets read as the same signs, or a tab or carriage return first)
 * gets a leading apostrophe: commune names come from imported files.
 */

export type CsvCell = string | number | null;

export const CSV_BOM = '\uFEFF';
const NEEDS_QUOTES = /[";\r\n]/;
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

function textCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function numberCell(value: number, decimalSeparator: ',' | '.'): string {
  if (!Number.isFinite(value)) return '';
  // Callers round first: String() of a score such as 72.5 never uses an exponent.
  const text = String(value);
  return decimalSeparator === ',' ? text.replace('.', ',') : text;
}

export function toCsv(rows: ReadonlyArray<readonly CsvCell[]>, { decimalSeparator = ',' }: { decimalSeparator?: ',' | '.' } = {}): string {
  const lines = rows.map((row) =>
    row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? numberCell(cell, decimalSeparator) : textCell(cell))).join(';'),
  );
  return `${CSV_BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}
