import { toCsvFile, type CsvCell } from '../../../shared/csv';

/** Saves rows as a CSV file (UTF-8 with its BOM, so Excel reads Chinese right) through the browser's download. */
export function downloadCsv(fileName: string, rows: readonly (readonly CsvCell[])[]): void {
  const url = URL.createObjectURL(new Blob([toCsvFile(rows)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own copy once it starts; the URL is let go after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name of the view and its range (and shop), safe on every file system. */
export const csvFileName = (view: string, from: string, to: string, shop: string | null): string =>
  `${[view, from, to, shop].filter((part) => part !== null).join('_')}.csv`.replace(/[^\w.-]+/g, '-');
