import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDatabaseKeyError } from '../../db/databaseKeyError';
import { databaseFileState } from '../../db/encryption';
import type { Locale } from '../../shared/contract/primitives';
import { defaultDataDir } from '../browser-host/dataDir';
import { fileKeyStore, KEY_FILE_NAME, SEALED_KEY_FILE_NAME } from '../platform/databaseKey';
import { DB_FILE_NAME, openTerminalCore, type TerminalCore } from '../terminal/terminalCore';
import { CliError } from './cliError';
import { EXIT } from './exitCodes';
import { opsText } from './opsText';

/** The data folder a command works on: --data-dir, else TILLCARD_DATA_DIR, else the till's default. */
export function dataDirOf(options: { dataDir?: string }, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = options.dataDir ?? env.TILLCARD_DATA_DIR?.trim();
  return chosen ? resolve(chosen) : defaultDataDir(env);
}

/**
 * The data folder's key, never a new one: the command line reads the browser host's terminal.key.
 * An Electron till's key is sealed by its keyring, which only Electron on that account can open.
 */
export function folderKey(dir: string, locale: Locale): Buffer {
  if (!existsSync(join(dir, KEY_FILE_NAME)) && existsSync(join(dir, SEALED_KEY_FILE_NAME)))
    throw new CliError(EXIT.noDatabase, 'KEY_SEALED', opsText(locale, 'KEY_SEALED', { dir }));
  try {
    return fileKeyStore(dir).keyFor('encrypted');
  } catch (error) {
    if (isDatabaseKeyError(error, 'DATABASE_KEY_MISSING'))
      throw new CliError(EXIT.noDatabase, 'KEY_MISSING', opsText(locale, 'KEY_MISSING', { dir }));
    if (isDatabaseKeyError(error, 'DATABASE_KEY_WRONG'))
      throw new CliError(EXIT.noDatabase, 'KEY_WRONG', opsText(locale, 'KEY_WRONG', { dir }));
    throw error;
  }
}

/** Opens the till's database as the till does (migrations and all); refuses a folder without one. */
export function openTerminalFor(dir: string, locale: Locale): TerminalCore {
  if (databaseFileState(join(dir, DB_FILE_NAME)) === 'absent')
    throw new CliError(EXIT.noDatabase, 'NO_DATABASE', opsText(locale, 'NO_DATABASE', { dir }));
  const key = folderKey(dir, locale);
  try {
    return openTerminalCore({
      dataDir: dir,
      databaseKey: { file: join(dir, KEY_FILE_NAME), keyFor: () => key },
      log: () => undefined,
    });
  } catch (error) {
    if (isDatabaseKeyError(error, 'DATABASE_KEY_WRONG'))
      throw new CliError(EXIT.noDatabase, 'KEY_WRONG', opsText(locale, 'KEY_WRONG', { dir }));
    throw error;
  }
}

/** Runs `work` on the opened terminal and closes it whatever happens. */
export async function withTerminal<T>(dir: string, locale: Locale, work: (core: TerminalCore) => T | Promise<T>) {
  const core = openTerminalFor(dir, locale);
  try {
    return await work(core);
  } finally {
    core.close();
  }
}
