import type { Command } from 'commander';
import { DatabaseKeyError, databaseKeyMessages } from '../../db/databaseKeyError';
import { isDomainError } from '../../shared/contract';
import { errorMessage } from '../../shared/contract/errorMessages';
import { Locale } from '../../shared/contract/primitives';
import { describeUnknown } from '../../shared/describeUnknown';
import { fileKeyStore } from '../platform/databaseKey';
import { readTerminal, terminalLocale } from '../services/terminalRow';
import { openTerminalCore, type TerminalCore } from '../terminal/terminalCore';
import { envLocale, say, type CliTextKey } from './cliText';
import { EXIT, type ExitCode } from './exitCodes';
import { dataDirOf } from './terminalFolder';

/** The options every command takes (declared on the program: before or after the command's name). */
export interface GlobalOptions {
  dataDir?: string;
  lang?: string;
  json?: boolean;
}

/** A refusal the command words itself: printed (or put in the JSON), then the process exits with `exit`. */
export class CliFailure extends Error {
  constructor(
    readonly exit: ExitCode,
    readonly key: CliTextKey,
    readonly values: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'CliFailure';
  }
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** --lang when given (refused when it is neither language), else LANG. */
export function requestedLocale(options: GlobalOptions): Locale | null {
  if (options.lang === undefined) return null;
  const parsed = Locale.safeParse(options.lang);
  if (!parsed.success) throw new CliFailure(EXIT.usage, 'badLang', { lang: options.lang });
  return parsed.data;
}

export interface OpenTill {
  core: TerminalCore;
  /** --lang, else the till's own language setting. */
  locale: Locale;
}

/**
 * The terminal's core on its data folder, with the browser host's key keeper (the 0600 key file beside
 * the database). The same services and migrations as both hosts; no background sync runs.
 */
export function openTill(options: GlobalOptions): OpenTill {
  const dataDir = dataDirOf(options);
  const core = openTerminalCore({
    dataDir,
    databaseKey: fileKeyStore(dataDir),
    log: (message, error) => console.error(message, error ?? ''),
  });
  return { core, locale: requestedLocale(options) ?? terminalLocale(readTerminal(core.ctx)) };
}

/** What went wrong, in the person's language. */
function failureText(error: unknown, locale: Locale): { exit: ExitCode; code: string; message: string } {
  if (error instanceof CliFailure)
    return { exit: error.exit, code: error.key, message: say(locale, error.key, error.values) };
  if (error instanceof DatabaseKeyError)
    return {
      exit: EXIT.failure,
      code: error.code,
      message: say(locale, 'keyMissing', { reason: databaseKeyMessages[locale][error.code] }),
    };
  if (isDomainError(error))
    return { exit: EXIT.failure, code: error.code, message: errorMessage(error.code, locale, error.details) };
  return { exit: EXIT.failure, code: 'INTERNAL', message: say(locale, 'failed', { reason: describeUnknown(error) }) };
}

/**
 * A command's action: runs `work` and sets the exit code it answers; a failure is printed on stderr
 * (or as `{ ok: false, error }` on stdout with --json) and exits with its code.
 */
export function action<A extends unknown[]>(
  work: (options: GlobalOptions, ...args: A) => Promise<ExitCode>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const command = args.at(-1);
    if (!isCommand(command)) throw new Error('commander passes the command last');
    const options = globalOptions(command);
    try {
      process.exitCode = await work(options, ...args);
    } catch (error) {
      let locale: Locale;
      try {
        locale = requestedLocale(options) ?? envLocale();
      } catch {
        locale = envLocale();
      }
      const failure = failureText(error, locale);
      if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, error: failure }, null, 2)}\n`);
      else console.error(`tillcard: ${failure.message}`);
      process.exitCode = failure.exit;
    }
  };
}

function isCommand(value: unknown): value is Command {
  return typeof value === 'object' && value !== null && 'optsWithGlobals' in value;
}

/** A command module: adds its command(s) to the program, described in `locale` (for --help). */
export type RegisterCommand = (program: Command, locale: Locale) => void;
