import { Command, CommanderError } from 'commander';
import { Locale } from '../../shared/contract/primitives';
import { APP_VERSION } from './appVersion';
import { envLocale, say } from './cliText';
import { commands } from './commands';
import { EXIT } from './exitCodes';

// `npx tillcard <command>`: the till's command line for shop IT (build/scripts/tillcard.mjs runs this bundled).
// Exit codes for scripts: electron/cli/exitCodes.ts (0 ok, 1 failure, 2 bad usage, ...).

/** --help is worded before any database opens: --lang from the command line, else LANG. */
function helpLocale(argv: readonly string[]): Locale {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = at < 0 ? undefined : (argv[at]?.split('=')[1] ?? argv[at + 1]);
  const parsed = Locale.safeParse(value);
  return parsed.success ? parsed.data : envLocale();
}

export function buildProgram(locale: Locale): Command {
  const program = new Command('tillcard')
    .version(APP_VERSION)
    .description(say(locale, 'description'))
    .option('--data-dir <dir>', say(locale, 'dataDirOption'))
    .option('--lang <lang>', say(locale, 'langOption'))
    .option('--json', say(locale, 'jsonOption'))
    .showHelpAfterError()
    .exitOverride();
  // Commands made after exitOverride inherit it: their usage errors end up below too.
  for (const register of commands) register(program, locale);
  return program;
}

const program = buildProgram(helpLocale(process.argv));
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CommanderError)) throw error;
  // Help and version are not errors; everything else commander refuses is a usage error.
  process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
}
