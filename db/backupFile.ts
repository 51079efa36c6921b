import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyKey, databaseFileState } from './encryption';
import { defaultMigrationsDir } from './open';

/**
 * Copies and checks terminal database files for backups and restores. SQLite's backup API cannot
 * write an encrypted copy here (SQLite3 Multiple Ciphers refuses a backup into a target without
 * the same cipher, and better-sqlite3's db.backup() opens its target without a key), so the copy is
 * `VACUUM INTO`: one read transaction, a consistent snapshot while the till keeps writing (WAL),
 * encrypted with the source connection's key and cipher.
 */

/** Why a file is not a database this till may restore (each worded in electron/cli/opsText.ts). */
export type BackupRefusal =
  | 'BACKUP_NOT_FOUND'
  | 'BACKUP_TRUNCATED'
  | 'BACKUP_WRONG_KEY'
  | 'BACKUP_CORRUPT'
  | 'BACKUP_NOT_ENCRYPTED'
  | 'BACKUP_NOT_TILLCARD'
  | 'BACKUP_OTHER_TERMINAL'
  | 'BACKUP_NEWER_SCHEMA';

export interface BackupFacts {
  terminalId: string;
  sizeBytes: number;
  /** How many of the terminal's migrations the file has (fewer than this build: migrated on open). */
  migrations: number;
}

export type Inspection = { ok: true; facts: BackupFacts } | { ok: false; code: BackupRefusal; detail: string };

/** SQLCipher 4's page size: an encrypted file is whole pages. */
const PAGE_BYTES = 4096;

function syncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes a consistent, encrypted copy of `sqlite`'s database to `dest` (beside, synced, renamed over). */
export function copyDatabase(sqlite: Database.Database, dest: string): void {
  const temp = `${dest}.${process.pid}.partial`;
  rmSync(temp, { force: true });
  try {
    sqlite.prepare('VACUUM INTO ?').run(temp);
    syncFile(temp);
    renameSync(temp, dest);
    syncFile(dirname(dest));
  } finally {
    rmSync(temp, { force: true });
  }
}

const refuse = (code: BackupRefusal, detail: string): Inspection => ({ ok: false, code, detail });

function sqliteCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

/** The checks on an opened (unlocked) file: whole, a terminal database, not from a newer build. */
function inspectOpened(sqlite: Database.Database, file: string, migrationsDir: string): Inspection {
  const size = statSync(file).size;
  const pageCount = sqlite.pragma('page_count', { simple: true });
  if (typeof pageCount === 'number' && size < pageCount * PAGE_BYTES)
    return refuse('BACKUP_TRUNCATED', `${size} bytes, ${pageCount} pages`);
  const check = sqlite.pragma('integrity_check', { simple: true });
  if (check !== 'ok') return refuse('BACKUP_CORRUPT', String(check));
  const tables = new Set(
    sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`)
      .pluck()
      .all()
      .filter((name) => typeof name === 'string'),
  );
  if (!tables.has('terminal') || !tables.has('__drizzle_migrations'))
    return refuse('BACKUP_NOT_TILLCARD', 'no terminal table');
  const terminalId = sqlite.prepare('SELECT terminal_id FROM terminal LIMIT 1').pluck().get();
  if (typeof terminalId !== 'string') return refuse('BACKUP_NOT_TILLCARD', 'no terminal row');
  const known = new Set(readMigrationFiles({ migrationsFolder: migrationsDir }).map((m) => m.folderMillis));
  const applied = sqlite
    .prepare('SELECT created_at FROM __drizzle_migrations')
    .pluck()
    .all()
    .map((at) => Number(at));
  const unknown = applied.filter((at) => !known.has(at));
  if (unknown.length > 0) return refuse('BACKUP_NEWER_SCHEMA', `${unknown.length} migration(s) this build lacks`);
  return { ok: true, facts: { terminalId, sizeBytes: size, migrations: applied.length } };
}

/**
 * Opens `file` read-only with `key` and checks it is a whole, sound terminal database this build can
 * run. Never writes to the file. A first page that does not decrypt reads as a wrong key: with
 * SQLCipher's per-page HMAC, another key and a damaged first page look the same. A file cut short
 * at a page boundary reads as damaged (its schema pages are missing) or as cut short (its header
 * counts more pages than it has).
 */
export function inspectDatabaseFile(file: string, key: Buffer, migrationsDir = defaultMigrationsDir): Inspection {
  if (!existsSync(file) || !statSync(file).isFile()) return refuse('BACKUP_NOT_FOUND', file);
  const size = statSync(file).size;
  const state = databaseFileState(file);
  if (state === 'plain') return refuse('BACKUP_NOT_ENCRYPTED', file);
  if (size === 0 || size % PAGE_BYTES !== 0) return refuse('BACKUP_TRUNCATED', `${size} bytes`);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return refuse('BACKUP_CORRUPT', sqliteCode(error));
  }
  try {
    applyKey(sqlite, key);
    return inspectOpened(sqlite, file, migrationsDir);
  } catch (error) {
    const code = sqliteCode(error);
    if (code.startsWith('SQLITE_NOTADB')) return refuse('BACKUP_WRONG_KEY', file);
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_IOERR_SHORT_READ') return refuse('BACKUP_CORRUPT', code);
    throw error;
  } finally {
    sqlite.close();
  }
}
