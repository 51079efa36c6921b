import { createWriteStream, type WriteStream } from 'node:fs';
import type { ImportIssue } from '../../shared/contract/memberImport';
import { importReportHeader, importReportRow } from '../../shared/contract/memberImportText';
import type { Locale } from '../../shared/contract/primitives';
import { toCsv } from '../../shared/csv';

/**
 * The import's error report: a CSV (UTF-8 with BOM, for Excel) naming each line not imported and why, in
 * the person's language. Created at the first issue, so a clean import leaves no file behind.
 */
export function errorReportFile(path: string, locale: Locale) {
  let out: WriteStream | null = null;
  return {
    add(issue: ImportIssue): void {
      if (out === null) {
        out = createWriteStream(path);
        out.write(`\uFEFF${toCsv([importReportHeader[locale]])}`);
      }
      // Issues come between batches; the stream buffers them (a report is small beside its import).
      out.write(toCsv([importReportRow(issue, locale)]));
    },
    /** The report's path once written, or null when there was nothing to report. */
    async close(): Promise<string | null> {
      if (out === null) return null;
      const stream = out;
      await new Promise<void>((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      return path;
    },
  };
}
