import type { Command } from 'commander';
import type { Locale } from '../../../shared/contract/primitives';
import { resolve } from 'node:path';
import { restoreDatabase } from '../../platform/restoreDatabase';
import { DB_FILE_NAME } from '../../terminal/terminalCore';
import { CliError } from '../cliError';
import { EXIT } from '../exitCodes';
import { opsText } from '../opsText';
import { runCommand } from '../runCommand';
import { dataDirOf, folderKey } from '../terminalFolder';

/**
 * `tillcard restore <file>`, with the till stopped: the backup is checked (whole, sound, this
 * terminal's, opened by its key, not from a newer build) before the database is touched.
 */
export function registerRestore(program: Command, locale: Locale): void {
  program
    .command('restore')
    .description(opsText(locale, 'help.restore'))
    .argument('<file>', opsText(locale, 'help.restoreFile'))
    .action(async (file: string, _options: unknown, command: Command) => {
      await runCommand(locale, () => {
        const dir = dataDirOf(command.optsWithGlobals());
        const backup = resolve(file);
        const outcome = restoreDatabase({
          dataDir: dir,
          dbFileName: DB_FILE_NAME,
          key: folderKey(dir, locale),
          backup,
        });
        if (!outcome.ok) {
          const running = outcome.code === 'TILL_RUNNING';
          const text = opsText(locale, outcome.code, { file: backup, dir, pid: outcome.detail });
          throw new CliError(running ? EXIT.tillRunning : EXIT.refused, outcome.code, text);
        }
        console.log(
          outcome.replaced === null
            ? opsText(locale, 'restoredFresh', { file: backup, dir })
            : opsText(locale, 'restored', { file: backup, aside: outcome.replaced }),
        );
      });
    });
}
