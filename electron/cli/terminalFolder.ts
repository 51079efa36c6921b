import { join, resolve } from 'node:path';
import { isDatabaseKeyError } from '../../db/databaseKeyError';
import { databaseFileState } from '../../db/encryption';
import type { Locale } from '../../shared/contract/primitives';
import { openTerminalCore, DB_FILE_NAME, type TerminalCore } from '../terminal/terminalCore';
import type { CliRun, GlobalOptions } from './cliContext';
import { CliError } from './cliError';
import type { CliHost } from './cliHost';
import { EXIT } from './exitCodes';
import { opsText } from './opsText';

/** The data folder a command works on: --data-dir, else TILLCARD_DATA_DIR, else the host's till folder. */
export function dataDirOf(options: { dataDir?: string }, host: CliHost, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = options.dataDir ?? env.TILLCARD_DATA_DIR?.trim();
  return chosen ? resolve(chosen) : host.defaultDataDir();
}

/** The data folder's key, never a new one, through the host's keeper (KEY_SEALED when it is the other host's). */
export function folderKey(host: CliHost, dir: string, locale: Locale): Buffer {
  const keeper = host.keyStore(dir, locale);
  try {
    return keeper.keyFor('encrypted');
  } catch (error) {
    if (isDatabaseKeyError(error, 'DATABASE_KEY_MISSING'))
      throw new CliError(EXIT.noDatabase, 'KEY_MISSING', opsText(locale, 'KEY_MISSING', { dir, file: keeper.file }));
    if (isDatabaseKeyError(error, 'DATABASE_KEY_WRONG'))
      throw new CliError(EXIT.noDatabase, 'KEY_WRONG', opsText(locale, 'KEY_WRONG', { dir, file: keeper.file }));
    throw error;
  }
}

/** Opens the till's database as the till does (migrations and all); refuses a folder without one. */
export function openTerminalFor(host: CliHost, dir: string, locale: Locale): TerminalCore {
  if (databaseFileState(join(dir, DB_FILE_NAME)) === 'absent')
    throw new CliError(EXIT.noDatabase, 'NO_DATABASE', opsText(locale, 'NO_DATABASE', { dir }));
  const file = host.keyStore(dir, locale).file;
  const key = folderKey(host, dir, locale);
  try {
    return openTerminalCore({
      dataDir: dir,
      databaseKey: { file, keyFor: () => key },
      log: () => undefined,
    });
  } catch (error) {
    if (isDatabaseKeyError(error, 'DATABASE_KEY_WRONG'))
      throw new CliError(EXIT.noDatabase, 'KEY_WRONG', opsText(locale, 'KEY_WRONG', { dir, file }));
    throw error;
  }
}

/** Runs `work` on the opened terminal of the command's data folder and closes it whatever happens. */
export async function withTerminal<T>(
  run: CliRun,
  options: GlobalOptions,
  work: (core: TerminalCore, dir: string) => T | Promise<T>,
): Promise<T> {
  const dir = dataDirOf(options, run.host);
  const core = openTerminalFor(run.host, dir, run.locale);
  try {
    return await work(core, dir);
  } finally {
    core.close();
  }
}
