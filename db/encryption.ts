import type Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { DatabaseKeyError } from './databaseKeyError';

/**
 * Encryption at rest. `better-sqlite3` is installed as better-sqlite3-multiple-ciphers (an npm
 * alias), whose SQLite carries SQLite3 Multiple Ciphers. The terminal uses its SQLCipher 4 scheme
 * (AES-256 pages with an HMAC each), so the file opens in any SQLCipher 4 tool given the key.
 * The key is 32 random bytes handed over raw (`x'…'`): no passphrase, so no slow key derivation
 * on every start.
 */
export const DATABASE_KEY_BYTES = 32;

/** What a terminal database file is before it is opened: none yet, plain SQLite (an earlier version), or encrypted. */
export type DatabaseFileState = 'absent' | 'plain' | 'encrypted';

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function databaseFileState(file: string): DatabaseFileState {
  if (!existsSync(file) || statSync(file).size === 0) return 'absent';
  const head = Buffer.alloc(PLAIN_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  // An encrypted file starts with its random salt where plain SQLite has its magic string.
  return head.equals(PLAIN_HEADER) ? 'plain' : 'encrypted';
}

function rawKey(key: Buffer): string {
  if (key.length !== DATABASE_KEY_BYTES) throw new RangeError(`a database key is ${DATABASE_KEY_BYTES} bytes`);
  return `"x'${key.toString('hex')}'"`;
}

/** The cipher scheme; set on the connection before `key` or `rekey`, as SQLite3 Multiple Ciphers asks. */
function chooseCipher(sqlite: Database.Database): void {
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
}

function isNotADatabase(error: unknown): boolean {
  return (
    error instanceof Error && 'code' in error && (error.code === 'SQLITE_NOTADB' || error.code === 'SQLITE_CORRUPT')
  );
}

/**
 * Gives a fresh connection its cipher and key, unchecked: the first read says whether they fit
 * (SQLITE_NOTADB: another key or a damaged first page; SQLITE_CORRUPT: a damaged or cut-short file).
 */
export function applyKey(sqlite: Database.Database, key: Buffer): void {
  chooseCipher(sqlite);
  sqlite.pragma(`key = ${rawKey(key)}`);
}

/**
 * Unlocks an encrypted (or new) database on a fresh connection; must come before any other
 * statement. A wrong key is refused before anything is written.
 */
export function unlockDatabase(sqlite: Database.Database, key: Buffer): void {
  applyKey(sqlite, key);
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  } catch (error) {
    if (isNotADatabase(error)) throw new DatabaseKeyError('DATABASE_KEY_WRONG', sqlite.name);
    throw error;
  }
}

/**
 * Encrypts a plain database (from a version before encryption) in place with `key`. SQLite3
 * Multiple Ciphers cannot rekey in WAL mode, so the WAL is checkpointed into the file and the
 * journal switched to DELETE first; the rekey then rewrites every page in one journalled
 * transaction, so a crash leaves either the plain or the encrypted file. The caller sets WAL again.
 */
export function encryptInPlace(sqlite: Database.Database, key: Buffer): void {
  sqlite.pragma('journal_mode = DELETE');
  chooseCipher(sqlite);
  sqlite.pragma(`rekey = ${rawKey(key)}`);
}
