import type { Command } from 'commander';
import type { Locale } from '../../../shared/contract/primitives';
import { setupDemoShop } from '../../services/demoShop';
import { isConfigured, readTerminal } from '../../services/terminalRow';
import { action, openTill, type GlobalOptions, type RegisterCommand } from '../cliContext';
import { say } from '../cliText';
import { EXIT, type ExitCode } from '../exitCodes';
import { printJson } from '../output';

/** The welcome screen's "try the demo shop", for a till with no shop yet; a till with one is left alone. */
async function runDemo(options: GlobalOptions): Promise<ExitCode> {
  const { core, locale } = openTill(options);
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

export const registerDemo: RegisterCommand = (program: Command, locale: Locale) => {
  program
    .command('demo')
    .description(say(locale, 'demoDescription'))
    .action(action((options) => runDemo(options)));
};
