import { saveFile } from '@/ui/save-file';

/* CSV built in the browser from the numbers a chart draws (RFC 4180: quoted where needed, CRLF line ends). */

export type CsvCell = string | number | null;

/** A spreadsheet runs a cell starting with one of these as a formula; visitors' text must never be one. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cellText).join(',')).join('\r\n') + '\r\n';
}

/** Saves `csv` as `filename` (the byte-order mark makes spreadsheets read it as UTF-8). */
export function downloadCsv(filename: string, csv: string): void {
  saveFile(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }), filename);
}
