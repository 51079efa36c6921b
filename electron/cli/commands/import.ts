import { createReadStream, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { ImportEncoding, type ImportSummary } from '../../../shared/contract/memberImport';
import { importFileProblemText } from '../../../shared/contract/memberImportText';
import type { Locale } from '../../../shared/contract/primitives';
import { describeUnknown } from '../../../shared/describeUnknown';
import { importMembers } from '../../services/memberImport/importMembers';
import { ImportFileError } from '../../services/memberImport/importFileError';
import { action, CliFailure, openTill, type GlobalOptions, type RegisterCommand } from '../cliContext';
import { say } from '../cliText';
import { EXIT, type ExitCode } from '../exitCodes';
import { printJson, printTable } from '../output';
import { errorReportFile } from '../reportFile';

interface ImportOptions {
  encoding?: string;
  errors?: string;
}

/** --encoding as the import knows it (gbk is read as GB18030, its superset). */
function encodingOption(text: string | undefined): ImportEncoding | undefined {
  if (text === undefined) return undefined;
  const name = text
    .toLowerCase()
    .replace(/^utf8$/, 'utf-8')
    .replace(/^(gbk|gb2312)$/, 'gb18030');
  const parsed = ImportEncoding.safeParse(name);
  if (!parsed.success) throw new CliFailure(EXIT.usage, 'badEncoding', { encoding: text });
  return parsed.data;
}

/** The file's size, or a refusal naming it (missing, a folder, unreadable). */
function fileSize(file: string): number {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    return stat.size;
  } catch (error) {
    throw new CliFailure(EXIT.failure, 'fileUnreadable', { file, reason: describeUnknown(error) });
  }
}

function progressBar(total: number, options: GlobalOptions) {
  if (options.json || !process.stderr.isTTY) return null;
  const bar = new SingleBar({
    stream: process.stderr,
    format: '{bar} {percentage}% | {value}/{total} B',
    hideCursor: true,
  });
  bar.start(total, 0);
  return bar;
}

function summaryRows(summary: ImportSummary, report: string | null, locale: Locale): string[][] {
  const rows: string[][] = [
    [say(locale, 'encoding'), summary.encoding],
    [say(locale, 'rows'), String(summary.rows)],
    [say(locale, 'imported'), String(summary.imported)],
    [say(locale, 'skipped'), String(summary.skipped)],
    [say(locale, 'refused'), String(summary.refused)],
    [say(locale, 'points'), String(summary.points)],
  ];
  if (summary.ignoredColumns.length > 0) rows.push([say(locale, 'ignoredColumns'), summary.ignoredColumns.join(', ')]);
  if (summary.stoppedAtLine !== null) rows.push([say(locale, 'stoppedAt', { line: summary.stoppedAtLine }), '']);
  if (report !== null) rows.push([say(locale, 'errorReport'), report]);
  return rows;
}

async function runImport(options: GlobalOptions, file: string, own: ImportOptions): Promise<ExitCode> {
  const encoding = encodingOption(own.encoding);
  const size = fileSize(file);
  const { core, locale } = openTill(options);
  const reportPath = own.errors ?? join(dirname(file), `${basename(file, extname(file))}.errors.csv`);
  const report = errorReportFile(reportPath, locale);
  const bar = progressBar(size, options);
  try {
    const summary = await importMembers(core.ctx, {
      source: createReadStream(file, { highWaterMark: 256 * 1024 }),
      encoding,
      onIssue: report.add,
      onProgress: (bytes) => bar?.update(bytes),
      fileName: basename(file),
    });
    bar?.update(size);
    bar?.stop();
    const written = await report.close();
    if (options.json) printJson({ ok: true, summary, errorReport: written });
    else printTable(summaryRows(summary, written, locale));
    return summary.refused > 0 ? EXIT.partial : EXIT.ok;
  } catch (error) {
    bar?.stop();
    await report.close();
    if (!(error instanceof ImportFileError)) throw error;
    const message = importFileProblemText(error.problem, error.fields, locale);
    if (options.json) printJson({ ok: false, error: { code: error.problem, fields: error.fields, message } });
    else console.error(`tillcard: ${message}`);
    return EXIT.failure;
  } finally {
    core.close();
  }
}

export const registerImport: RegisterCommand = (program: Command, locale: Locale) => {
  const importing = program.command('import').description(say(locale, 'importDescription'));
  importing
    .command('members')
    .description(say(locale, 'importMembersDescription'))
    .argument('<file>', 'CSV')
    .option('--encoding <name>', say(locale, 'encodingOption'))
    .option('--errors <file>', say(locale, 'errorsOption'))
    .action(action((options, file: string, own: ImportOptions) => runImport(options, file, own)));
};
