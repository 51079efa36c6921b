import type { Command } from 'commander';
import { Locale } from '../../shared/contract/primitives';
import { readTerminal, terminalLocale } from '../services/terminalRow';
import { openTerminalCore, type TerminalCore } from '../terminal/terminalCore';
import { CliError } from './cliError';
import type { CliHost } from './cliHost';
import { envLocale, say, type CliTextKey } from './cliText';
import { EXIT, type ExitCode } from './exitCodes';
import { failureOf } from './failure';
import { printJson } from './output';
import { dataDirOf } from './terminalFolder';

/** The options every command takes (declared on the program: before or after the command's name). */
export interface GlobalOptions {
  dataDir?: string;
  lang?: string;
  json?: boolean;
}

/** One run of the command line: the language its help and refusals use, its host, and its exit status. */
export interface CliRun {
  readonly locale: Locale;
  readonly host: CliHost;
  exit: ExitCode;
}

/** A command module: adds its command(s) to the program, described in the run's language (for --help). */
export type RegisterCommand = (program: Command, run: CliRun) => void;

/** Input the command refuses before anything is opened or changed: `refused` (3), worded in `locale`. */
export function refusal(locale: Locale, key: CliTextKey, values: Record<string, string | number> = {}): CliError {
  return new CliError(EXIT.refused, key, say(locale, key, values));
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** --lang when given (refused when it is neither language), else null. */
export function requestedLocale(options: GlobalOptions): Locale | null {
  if (options.lang === undefined) return null;
  const parsed = Locale.safeParse(options.lang);
  if (!parsed.success) throw refusal(envLocale(), 'badLang', { lang: options.lang });
  return parsed.data;
}

export interface OpenTill {
  core: TerminalCore;
  /** --lang, else the till's own language setting. */
  locale: Locale;
}

/**
 * The terminal's core on its data folder (made when there is none yet, as the demo shop needs), with the
 * host's key keeper. The same services and migrations as both hosts; no background sync runs.
 */
export function openTill(run: CliRun, options: GlobalOptions): OpenTill {
  const asked = requestedLocale(options); // refused before the folder is touched
  const dataDir = dataDirOf(options, run.host);
  const core = openTerminalCore({
    dataDir,
    databaseKey: run.host.keyStore(dataDir, run.locale),
    log: (message, error) => console.error(message, error ?? ''),
  });
  return { core, locale: asked ?? terminalLocale(readTerminal(core.ctx)) };
}

/**
 * A command's action, the one failure path of every command: runs `work` and records the exit status it
 * answers; whatever it throws is mapped by failureOf, printed on stderr (or as
 * `{ ok: false, error }` on stdout with --json) and recorded as the run's exit status.
 */
export function action<A extends unknown[]>(
  run: CliRun,
  work: (options: GlobalOptions, ...args: A) => Promise<ExitCode> | ExitCode,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const command = args.at(-1);
    if (!isCommand(command)) throw new Error('commander passes the command last');
    const options = globalOptions(command);
    try {
      run.exit = await work(options, ...args);
    } catch (error) {
      const failure = failureOf(error, run.locale);
      if (options.json) printJson({ ok: false, error: failure });
      else console.error(`tillcard: ${failure.message} [${failure.code}]`);
      run.exit = failure.exit;
    }
  };
}

function isCommand(value: unknown): value is Command {
  return typeof value === 'object' && value !== null && 'optsWithGlobals' in value;
}
