import { Command, CommanderError } from 'commander';
import { Locale } from '../../shared/contract/primitives';
import { APP_VERSION } from './appVersion';
import type { CliRun } from './cliContext';
import type { CliHost } from './cliHost';
import { envLocale, say } from './cliText';
import { localizeCommander } from './commanderText';
import { commands } from './commands';
import { EXIT, type ExitCode } from './exitCodes';

/** The flag that starts the installed app as the command line instead of the till: `Tillcard --cli backup`. */
export const CLI_FLAG = '--cli';

/** The words after --cli in the app's own arguments (Electron's and Chromium's come before it), or null: the till. */
export function cliArgsOf(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(CLI_FLAG);
  return at < 0 ? null : argv.slice(at + 1);
}

/** --help is worded before any database opens: --lang from the command line, else LANG. */
export function argvLocale(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Locale {
  const at = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = at < 0 ? undefined : (args[at]?.split('=')[1] ?? args[at + 1]);
  const parsed = Locale.safeParse(value);
  return parsed.success ? parsed.data : envLocale(env);
}

export function buildProgram(run: CliRun): Command {
  const program = localizeCommander(new Command('tillcard'), run.locale)
    .version(APP_VERSION, '-V, --version', say(run.locale, 'versionOption'))
    .description(say(run.locale, 'description'))
    .option('--data-dir <dir>', say(run.locale, 'dataDirOption'))
    .option('--lang <lang>', say(run.locale, 'langOption'))
    .option('--json', say(run.locale, 'jsonOption'))
    .exitOverride();
  // Commands made after exitOverride and the wording inherit them: their usage errors end up below too.
  for (const register of commands) register(program, run);
  return program;
}

/**
 * One run of `tillcard` on `args` (the words after the program's name) in `host`: the same commands and
 * exit codes in plain Node (`npx tillcard`) and inside the installed app (`Tillcard --cli`).
 */
export async function runCli(args: readonly string[], host: CliHost): Promise<ExitCode> {
  const run: CliRun = { locale: argvLocale(args), host, exit: EXIT.ok };
  try {
    await buildProgram(run).parseAsync([...args], { from: 'user' });
    return run.exit;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and version are not errors; everything else commander refuses is a usage error.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
}
