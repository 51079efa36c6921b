import type { Command } from 'commander';
import type { Locale } from '../../../shared/contract/primitives';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backupKeep, runBackup } from '../../services/backups';
import { CliError } from '../cliError';
import { EXIT } from '../exitCodes';
import { opsText } from '../opsText';
import { formatBytes, runCommand } from '../runCommand';
import { dataDirOf, withTerminal } from '../terminalFolder';

/**
 * `tillcard backup [--out file]`: a checked, encrypted copy of the database, while the till runs
 * or not. Without --out it goes into backups/ (named by time, the oldest beyond the kept N deleted).
 */
export function registerBackup(program: Command, locale: Locale): void {
  program
    .command('backup')
    .description(opsText(locale, 'help.backup'))
    .option('--out <file>', opsText(locale, 'help.backupOut'))
    .action(async (options: { out?: string }, command: Command) => {
      await runCommand(locale, async () => {
        const dir = dataDirOf(command.optsWithGlobals());
        const out = options.out === undefined ? undefined : resolve(options.out);
        if (out !== undefined && !existsSync(dirname(out)))
          throw new CliError(EXIT.refused, 'NO_SUCH_FILE_DIR', opsText(locale, 'NO_SUCH_FILE_DIR', { file: out }));
        await withTerminal(dir, locale, (core) => {
          const outcome = runBackup(core.ctx, core.backupPlace, out === undefined ? {} : { out });
          if (!outcome.ok) {
            const text = opsText(locale, outcome.code, { file: out ?? dir, detail: outcome.detail });
            throw new CliError(EXIT.failure, outcome.code, text);
          }
          console.log(opsText(locale, 'backedUp', { file: outcome.file, size: formatBytes(outcome.sizeBytes) }));
          if (outcome.removed.length > 0)
            console.log(opsText(locale, 'rotated', { count: outcome.removed.length, keep: backupKeep(core.ctx) }));
        });
      });
    });
}
