import { resolve } from 'node:path';
import { restoreDatabase } from '../../platform/restoreDatabase';
import { DB_FILE_NAME } from '../../terminal/terminalCore';
import { action, type RegisterCommand } from '../cliContext';
import { CliError } from '../cliError';
import { EXIT } from '../exitCodes';
import { opsText } from '../opsText';
import { dataDirOf, folderKey } from '../terminalFolder';

/**
 * `tillcard restore <file>`, with the till stopped: the backup is checked (whole, sound, this
 * terminal's, opened by its key, not from a newer build) before the database is touched.
 */
export const registerRestore: RegisterCommand = (program, run) => {
  const { locale } = run;
  program
    .command('restore')
    .description(opsText(locale, 'help.restore'))
    .argument('<file>', opsText(locale, 'help.restoreFile'))
    .action(
      action(run, (options, file: string) => {
        const dir = dataDirOf(options, run.host);
        const backup = resolve(file);
        const outcome = restoreDatabase({
          dataDir: dir,
          dbFileName: DB_FILE_NAME,
          key: folderKey(run.host, dir, locale),
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
        return EXIT.ok;
      }),
    );
};
