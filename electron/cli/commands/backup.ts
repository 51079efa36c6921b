import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backupKeep, runBackup } from '../../services/backups';
import { action, type RegisterCommand } from '../cliContext';
import { CliError } from '../cliError';
import { EXIT } from '../exitCodes';
import { opsText } from '../opsText';
import { formatBytes } from '../output';
import { withTerminal } from '../terminalFolder';

/**
 * `tillcard backup [--out file]`: a checked, encrypted copy of the database, while the till runs
 * or not. Without --out it goes into backups/ (named by time, the oldest beyond the kept N deleted).
 */
export const registerBackup: RegisterCommand = (program, run) => {
  const { locale } = run;
  program
    .command('backup')
    .description(opsText(locale, 'help.backup'))
    .option('--out <file>', opsText(locale, 'help.backupOut'))
    .action(
      action(run, async (options, own: { out?: string }) => {
        const out = own.out === undefined ? undefined : resolve(own.out);
        if (out !== undefined && !existsSync(dirname(out)))
          throw new CliError(EXIT.refused, 'NO_SUCH_FILE_DIR', opsText(locale, 'NO_SUCH_FILE_DIR', { file: out }));
        return withTerminal(run, options, (core, dir) => {
          const outcome = runBackup(core.ctx, core.backupPlace, out === undefined ? {} : { out });
          if (!outcome.ok) {
            const text = opsText(locale, outcome.code, { file: out ?? dir, detail: outcome.detail });
            throw new CliError(EXIT.failure, outcome.code, text);
          }
          console.log(opsText(locale, 'backedUp', { file: outcome.file, size: formatBytes(outcome.sizeBytes) }));
          if (outcome.removed.length > 0)
            console.log(opsText(locale, 'rotated', { count: outcome.removed.length, keep: backupKeep(core.ctx) }));
          return EXIT.ok;
        });
      }),
    );
};
