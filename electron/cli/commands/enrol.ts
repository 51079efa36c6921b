import type { Command } from 'commander';
import type { Locale } from '../../../shared/contract/primitives';
import { DomainError, EnrolHeadOfficeInput } from '../../../shared/contract';
import { tillHolding } from '../../platform/tillLock';
import { enrolHeadOffice } from '../../sync/networkCalls';
import { CliError } from '../cliError';
import { EXIT } from '../exitCodes';
import { opsText } from '../opsText';
import { runCommand } from '../runCommand';
import { dataDirOf, withTerminal } from '../terminalFolder';

/**
 * `tillcard enrol <code> --url <head office>`: connects this terminal to head office with an
 * enrolment code, as the till's head-office screen does (same input schema, same enrolment). With
 * the till closed: a running till would not start its sync loop for an enrolment it did not make.
 */
export function registerEnrol(program: Command, locale: Locale): void {
  program
    .command('enrol')
    .description(opsText(locale, 'help.enrol'))
    .argument('<code>', opsText(locale, 'help.enrolCode'))
    .requiredOption('--url <url>', opsText(locale, 'help.enrolUrl'))
    .action(async (code: string, options: { url: string }, command: Command) => {
      await runCommand(locale, async () => {
        const dir = dataDirOf(command.optsWithGlobals());
        const holder = tillHolding(dir);
        if (holder !== null)
          throw new CliError(EXIT.tillRunning, 'TILL_RUNNING', opsText(locale, 'TILL_RUNNING', { pid: holder, dir }));
        const input = EnrolHeadOfficeInput.safeParse({ url: options.url, code });
        if (!input.success) {
          const field = input.error.issues[0]?.path.join('.') ?? '';
          throw new DomainError('VALIDATION', { field });
        }
        await withTerminal(dir, locale, async (core) => {
          const status = await enrolHeadOffice(core.ctx, input.data);
          console.log(opsText(locale, 'enrolled', { url: input.data.url, terminal: status.terminalId }));
        });
      });
    });
}
