import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseKeyError } from '../../db/databaseKeyError';
import { DATABASE_KEY_BYTES, databaseFileState, type DatabaseFileState } from '../../db/encryption';

/**
 * Where a host keeps the terminal database's key. A new key is 32 random bytes, made when the
 * database does not exist yet or is still plain (it is then encrypted in place on opening); an
 * encrypted database whose key is gone cannot be opened, ever: DATABASE_KEY_MISSING.
 */
export interface DatabaseKeyStore {
  /** The file the key is kept in (for messages and the README's backup advice). */
  readonly file: string;
  keyFor(state: DatabaseFileState): Buffer;
}

/** The browser host's key file, beside the database, readable by its owner only. */
export const KEY_FILE_NAME = 'terminal.key';
/** Electron's key file: the key sealed by the OS keyring through safeStorage. */
export const SEALED_KEY_FILE_NAME = 'terminal.key.sealed';

/** The part of Electron's `safeStorage` the key needs (faked in electron.fake.testkit.ts). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Written beside, synced, then renamed over: a crash leaves no half-written key. */
function writeOwnerOnly(file: string, content: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(temp, 0o600); // whatever the umask
  renameSync(temp, file);
  const dir = openSync(dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

function decodeKey(hex: string, file: string): Buffer {
  const key = Buffer.from(hex.trim(), 'hex');
  if (key.length !== DATABASE_KEY_BYTES) throw new DatabaseKeyError('DATABASE_KEY_WRONG', file);
  return key;
}

function keeper(file: string, seal: (hex: string) => Buffer, unseal: (stored: Buffer) => string): DatabaseKeyStore {
  return {
    file,
    keyFor(state) {
      if (existsSync(file)) return decodeKey(unseal(readFileSync(file)), file);
      if (state === 'encrypted') throw new DatabaseKeyError('DATABASE_KEY_MISSING', file);
      const key = randomBytes(DATABASE_KEY_BYTES);
      writeOwnerOnly(file, seal(key.toString('hex')));
      return key;
    },
  };
}

/** The browser host's (and every tool's) keeper: the key in hex in a 0600 file in the data folder. */
export function fileKeyStore(dataDir: string): DatabaseKeyStore {
  return keeper(
    join(dataDir, KEY_FILE_NAME),
    (hex) => Buffer.from(`${hex}\n`, 'utf8'),
    (stored) => stored.toString('utf8'),
  );
}

/**
 * Electron's keeper: the key sealed with safeStorage (the OS keyring: DPAPI, Keychain, libsecret)
 * in a file in the data folder (userData). No keyring means DATABASE_KEY_UNAVAILABLE, never a plain
 * database or a key in the clear.
 */
export function sealedKeyStore(dataDir: string, safeStorage: SafeStorageLike): DatabaseKeyStore {
  const file = join(dataDir, SEALED_KEY_FILE_NAME);
  const available = (): void => {
    if (!safeStorage.isEncryptionAvailable()) throw new DatabaseKeyError('DATABASE_KEY_UNAVAILABLE', file);
  };
  return keeper(
    file,
    (hex) => {
      available();
      return safeStorage.encryptString(hex);
    },
    (stored) => {
      available();
      try {
        return safeStorage.decryptString(stored);
      } catch {
        // Sealed by another user or machine: the keyring cannot open it.
        throw new DatabaseKeyError('DATABASE_KEY_WRONG', file);
      }
    },
  );
}

/** Tests and tools that open a terminal database file directly: its key, from the key file beside it. */
export function keyBeside(dbFile: string): Buffer {
  return fileKeyStore(dirname(dbFile)).keyFor(databaseFileState(dbFile));
}
