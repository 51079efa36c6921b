import type { Command } from 'commander';
import type { Locale } from '../../../shared/contract/primitives';
import { syncNow } from '../../sync/networkCalls';
import { opsText } from '../opsText';
import { runCommand } from '../runCommand';
import { dataDirOf, withTerminal } from '../terminalFolder';

/**
 * `tillcard sync --now`: one push and pull with the enrolled head office, through the sync code the
 * till runs (the sync lease keeps it from overlapping a running till's own sync).
 */
export function registerSync(program: Command, locale: Locale): void {
  program
    .command('sync')
    .description(opsText(locale, 'help.sync'))
    .requiredOption('--now', opsText(locale, 'help.syncNow'))
    .action(async (_options: unknown, command: Command) => {
      await runCommand(locale, () =>
        withTerminal(dataDirOf(command.optsWithGlobals()), locale, async (core) => {
          const result = await syncNow(core.ctx, { owner: `cli-${process.pid}` });
          console.log(opsText(locale, 'synced', { pushed: result.pushed, pulled: result.pulled }));
        }),
      );
    });
}
