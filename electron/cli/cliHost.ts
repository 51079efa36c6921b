import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../shared/contract/primitives';
import { defaultDataDir } from '../browser-host/dataDir';
import {
  fileKeyStore,
  KEY_FILE_NAME,
  SEALED_KEY_FILE_NAME,
  sealedKeyStore,
  type DatabaseKeyStore,
  type SafeStorageLike,
} from '../platform/databaseKey';
import { CliError } from './cliError';
import { EXIT } from './exitCodes';
import { opsText } from './opsText';

/**
 * Where the command line runs: plain Node (`npx tillcard`, the browser host's key file) or inside the
 * installed Electron app (`tillcard-app --cli …`, the key sealed by the OS keyring through safeStorage).
 */
export interface CliHost {
  /** The data folder when neither --data-dir nor TILLCARD_DATA_DIR names one. */
  defaultDataDir(): string;
  /** The folder's key keeper; refuses (KEY_SEALED) a key only the other host can open. */
  keyStore(dir: string, locale: Locale): DatabaseKeyStore;
}

const hasFile = (dir: string, name: string): boolean => existsSync(join(dir, name));

/** Plain Node: the browser host's 0600 terminal.key; a sealed key is Electron's to open. */
export const nodeCliHost: CliHost = {
  defaultDataDir: () => defaultDataDir(),
  keyStore(dir, locale) {
    if (!hasFile(dir, KEY_FILE_NAME) && hasFile(dir, SEALED_KEY_FILE_NAME))
      throw new CliError(EXIT.noDatabase, 'KEY_SEALED', opsText(locale, 'KEY_SEALED', { dir }));
    return fileKeyStore(dir);
  },
};

/**
 * Inside the installed app: the key sealed with Electron's safeStorage, as the till keeps it (a folder a
 * browser host made, with only terminal.key, opens with that). `userData` answers the till's own data folder.
 */
export function electronCliHost(safeStorage: SafeStorageLike, userData: () => string): CliHost {
  return {
    defaultDataDir: userData,
    keyStore(dir) {
      if (hasFile(dir, KEY_FILE_NAME) && !hasFile(dir, SEALED_KEY_FILE_NAME)) return fileKeyStore(dir);
      return sealedKeyStore(dir, safeStorage);
    },
  };
}
