import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { ExportRange, ExportTable } from '../../../shared/contract/tableExport';
import { exportTableCsv } from '../../services/tableExport';
import { action, openTill, refusal, type CliRun, type GlobalOptions, type RegisterCommand } from '../cliContext';
import { say } from '../cliText';
import { EXIT, type ExitCode } from '../exitCodes';
import { printJson } from '../output';

interface ExportOptions {
  from?: string;
  to?: string;
  out?: string;
  fullPhones?: boolean;
}

/** Writes each chunk as it comes, waiting when the file or pipe is full: a large table never sits in memory. */
async function writeAll(chunks: Iterable<string>, out: NodeJS.WritableStream): Promise<number> {
  let bytes = 0;
  for (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  return bytes;
}

async function runExport(
  run: CliRun,
  options: GlobalOptions,
  tableName: string,
  own: ExportOptions,
): Promise<ExitCode> {
  const table = ExportTable.safeParse(tableName);
  if (!table.success) throw refusal(run.locale, 'badTable', { table: tableName });
  const range = ExportRange.safeParse({ from: own.from, to: own.to });
  if (!range.success) throw refusal(run.locale, 'badRange');
  const { core, locale } = openTill(run, options);
  try {
    const chunks = exportTableCsv(core.ctx, table.data, range.data, {
      fullPhones: own.fullPhones === true,
      locale,
    });
    if (own.out === undefined) {
      await writeAll(chunks, process.stdout);
      return EXIT.ok;
    }
    const file = createWriteStream(own.out);
    const bytes = await writeAll(chunks, file);
    await new Promise<void>((resolve, reject) =>
      file.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    if (options.json) printJson({ ok: true, table: table.data, file: own.out, bytes });
    else console.log(say(locale, 'exported', { table: table.data, file: own.out }));
    return EXIT.ok;
  } finally {
    core.close();
  }
}

export const registerExport: RegisterCommand = (program, run) => {
  const { locale } = run;
  program
    .command('export')
    .description(say(locale, 'exportDescription'))
    .argument('<table>', 'members | sales | ledger')
    .option('--from <day>', say(locale, 'fromOption'))
    .option('--to <day>', say(locale, 'toOption'))
    .option('--out <file>', say(locale, 'outOption'))
    .option('--full-phones', say(locale, 'fullPhonesOption'))
    .action(action(run, (options, table: string, own: ExportOptions) => runExport(run, options, table, own)));
};
