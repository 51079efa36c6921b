import { setupDemoShop } from '../../services/demoShop';
import { isConfigured, readTerminal } from '../../services/terminalRow';
import { action, openTill, type CliRun, type GlobalOptions, type RegisterCommand } from '../cliContext';
import { say } from '../cliText';
import { EXIT, type ExitCode } from '../exitCodes';
import { printJson } from '../output';

/** The welcome screen's "try the demo shop", for a till with no shop yet; a till with one is left alone. */
function runDemo(run: CliRun, options: GlobalOptions): ExitCode {
  const { core, locale } = openTill(run, options);
  try {
    const before = readTerminal(core.ctx);
    const created = !isConfigured(before);
    if (created) setupDemoShop(core.ctx);
    const shop = readTerminal(core.ctx).shopName ?? '';
    if (options.json) printJson({ ok: true, created, shop });
    else console.log(say(locale, created ? 'demoCreated' : 'demoExists', { shop }));
    return EXIT.ok;
  } finally {
    core.close();
  }
}

export const registerDemo: RegisterCommand = (program, run) => {
  program
    .command('demo')
    .description(say(run.locale, 'demoDescription'))
    .action(action(run, (options) => runDemo(run, options)));
};
