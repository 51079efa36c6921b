// The browser build (its own Buffer shim): the same writer runs in Node, the till's screens and head office's page.
import { stringify } from 'csv-stringify/browser/esm/sync';

/** What one CSV cell may hold: a blank, a number, yes/no or text. */
export type CsvCell = string | number | boolean | null;

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe (OWASP). */
function neutralised(cell: CsvCell): CsvCell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * Rows as one CSV text (RFC 4180: quoted when needed, CRLF after every row), the one writer every export
 * uses. Yes/no are written as true/false, a blank as nothing.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => row.map(neutralised)),
    { record_delimiter: 'windows', cast: { boolean: (value) => String(value) } },
  );
}

/** A CSV file a person opens in Excel: UTF-8 with a byte-order mark, so Chinese text reads right. */
export function toCsvFile(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${toCsv(rows)}`;
}
