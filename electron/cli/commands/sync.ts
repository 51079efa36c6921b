import type { Command } from 'commander';
import { syncNow } from '../../sync/networkCalls';
import { cliLocale, opsText } from '../opsText';
import { runCommand } from '../runCommand';
import { dataDirOf, withTerminal } from '../terminalFolder';

/**
 * `tillcard sync --now`: one push and pull with the enrolled head office, through the sync code the
 * till runs (the sync lease keeps it from overlapping a running till's own sync).
 */
export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('Sync with head office')
    .requiredOption('--now', 'send waiting records and fetch head office changes once, now')
    .action(async (_options: unknown, command: Command) => {
      const locale = cliLocale();
      await runCommand(locale, () =>
        withTerminal(dataDirOf(command.optsWithGlobals()), locale, async (core) => {
          const result = await syncNow(core.ctx, { owner: `cli-${process.pid}` });
          console.log(opsText(locale, 'synced', { pushed: result.pushed, pulled: result.pulled }));
        }),
      );
    });
}
