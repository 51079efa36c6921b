import { createReadStream, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { ImportEncoding, type ImportSummary } from '../../../shared/contract/memberImport';
import type { Locale } from '../../../shared/contract/primitives';
import { describeUnknown } from '../../../shared/describeUnknown';
import { importMembers } from '../../services/memberImport/importMembers';
import { action, openTill, refusal, type CliRun, type GlobalOptions, type RegisterCommand } from '../cliContext';
import { say } from '../cliText';
import { EXIT, type ExitCode } from '../exitCodes';
import { printJson, printTable } from '../output';
import { errorReportFile } from '../reportFile';

interface ImportOptions {
  encoding?: string;
  errors?: string;
}

/** --encoding as the import knows it (gbk is read as GB18030, its superset). */
function encodingOption(run: CliRun, text: string | undefined): ImportEncoding | undefined {
  if (text === undefined) return undefined;
  const name = text
    .toLowerCase()
    .replace(/^utf8$/, 'utf-8')
    .replace(/^(gbk|gb2312)$/, 'gb18030');
  const parsed = ImportEncoding.safeParse(name);
  if (!parsed.success) throw refusal(run.locale, 'badEncoding', { encoding: text });
  return parsed.data;
}

/** The file's size, or a refusal naming it (missing, a folder, unreadable). */
function fileSize(run: CliRun, file: string): number {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    return stat.size;
  } catch (error) {
    throw refusal(run.locale, 'fileUnreadable', {
      file,
      reason: error instanceof Error ? error.message : describeUnknown(error),
    });
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

async function runImport(run: CliRun, options: GlobalOptions, file: string, own: ImportOptions): Promise<ExitCode> {
  const encoding = encodingOption(run, own.encoding);
  const size = fileSize(run, file);
  const { core, locale } = openTill(run, options);
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
    // A refused file (binary, no phone column) is worded by the command line's one failure path.
    bar?.stop();
    await report.close();
    throw error;
  } finally {
    core.close();
  }
}

export const registerImport: RegisterCommand = (program, run) => {
  const { locale } = run;
  const importing = program.command('import').description(say(locale, 'importDescription'));
  importing
    .command('members')
    .description(say(locale, 'importMembersDescription'))
    .argument('<file>', 'CSV')
    .option('--encoding <name>', say(locale, 'encodingOption'))
    .option('--errors <file>', say(locale, 'errorsOption'))
    .action(action(run, (options, file: string, own: ImportOptions) => runImport(run, options, file, own)));
};
