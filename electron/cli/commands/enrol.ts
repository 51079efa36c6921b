import { DomainError, EnrolHeadOfficeInput } from '../../../shared/contract';
import { tillHolding } from '../../platform/tillLock';
import { enrolHeadOffice } from '../../sync/networkCalls';
import { action, type RegisterCommand } from '../cliContext';
import { CliError } from '../cliError';
import { EXIT } from '../exitCodes';
import { opsText } from '../opsText';
import { dataDirOf, withTerminal } from '../terminalFolder';

/**
 * `tillcard enrol <code> --url <head office>`: connects this terminal to head office with an
 * enrolment code, as the till's head-office screen does (same input schema, same enrolment). With
 * the till closed: a running till would not start its sync loop for an enrolment it did not make.
 */
export const registerEnrol: RegisterCommand = (program, run) => {
  const { locale } = run;
  program
    .command('enrol')
    .description(opsText(locale, 'help.enrol'))
    .argument('<code>', opsText(locale, 'help.enrolCode'))
    .requiredOption('--url <url>', opsText(locale, 'help.enrolUrl'))
    .action(
      action(run, async (options, code: string, own: { url: string }) => {
        const dir = dataDirOf(options, run.host);
        const holder = tillHolding(dir);
        if (holder !== null)
          throw new CliError(EXIT.tillRunning, 'TILL_RUNNING', opsText(locale, 'TILL_RUNNING', { pid: holder, dir }));
        const input = EnrolHeadOfficeInput.safeParse({ url: own.url, code });
        if (!input.success) {
          const field = input.error.issues[0]?.path.join('.') ?? '';
          throw new DomainError('VALIDATION', { field });
        }
        return withTerminal(run, options, async (core) => {
          const status = await enrolHeadOffice(core.ctx, input.data);
          console.log(opsText(locale, 'enrolled', { url: input.data.url, terminal: status.terminalId }));
          return EXIT.ok;
        });
      }),
    );
};
