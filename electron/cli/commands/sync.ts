import { syncNow } from '../../sync/networkCalls';
import { action, type RegisterCommand } from '../cliContext';
import { EXIT } from '../exitCodes';
import { opsText } from '../opsText';
import { withTerminal } from '../terminalFolder';

/**
 * `tillcard sync --now`: one push and pull with the enrolled head office, through the sync code the
 * till runs (the sync lease keeps it from overlapping a running till's own sync).
 */
export const registerSync: RegisterCommand = (program, run) => {
  program
    .command('sync')
    .description(opsText(run.locale, 'help.sync'))
    .requiredOption('--now', opsText(run.locale, 'help.syncNow'))
    .action(
      action(run, (options) =>
        withTerminal(run, options, async (core) => {
          const result = await syncNow(core.ctx, { owner: `cli-${process.pid}` });
          console.log(opsText(run.locale, 'synced', { pushed: result.pushed, pulled: result.pulled }));
          return EXIT.ok;
        }),
      ),
    );
};
