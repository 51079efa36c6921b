import Database from 'better-sqlite3';
import { existsSync, linkSync, renameSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyDatabase, inspectDatabaseFile, type BackupRefusal } from '../../db/backupFile';
import { unlockDatabase } from '../../db/encryption';
import { defaultMigrationsDir } from '../../db/open';
import { acquireTillLock, tillHolding } from './tillLock';

/**
 * Puts a backup in place of the terminal database, with the till stopped. Everything is checked
 * before the current database is touched: the backup is copied to a temp file beside it, the copy
 * is checked, and only then renamed over (atomic); the replaced file stays as `*.before-restore`.
 * A refusal leaves the current database exactly as it was.
 */

export const BEFORE_RESTORE_SUFFIX = '.before-restore';

export type RestoreRefusal = BackupRefusal | 'TILL_RUNNING';
export type RestoreOutcome =
  { ok: true; terminalId: string; replaced: string | null } | { ok: false; code: RestoreRefusal; detail: string };

export interface RestoreRequest {
  dataDir: string;
  /** The database file's name in the data folder (terminal.db). */
  dbFileName: string;
  /** The terminal's key: the backup must open with it. */
  key: Buffer;
  backup: string;
  migrationsDir?: string;
}

function keyed(file: string, key: Buffer, readonly: boolean): Database.Database {
  const sqlite = new Database(file, { readonly, fileMustExist: true });
  try {
    unlockDatabase(sqlite, key);
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * The current database's terminal id, read without writing to it; null when there is no database.
 * A read-only look at a WAL database leaves an empty -wal and a -shm behind: removed again if they
 * were not there before (the till is stopped and this process holds the folder).
 */
function currentTerminalId(file: string, key: Buffer): string | null {
  if (!existsSync(file) || statSync(file).size === 0) return null;
  const sides = [`${file}-wal`, `${file}-shm`].filter((side) => !existsSync(side));
  const sqlite = keyed(file, key, true);
  try {
    const id = sqlite.prepare('SELECT terminal_id FROM terminal LIMIT 1').pluck().get();
    return typeof id === 'string' ? id : null;
  } finally {
    sqlite.close();
    for (const side of sides)
      if (existsSync(side) && (side.endsWith('-shm') || statSync(side).size === 0)) rmSync(side);
  }
}

/** Folds the current database's WAL into its file and closes it, so the file alone is the database. */
function settle(file: string, key: Buffer): void {
  const sqlite = keyed(file, key, false);
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.close();
  }
  if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0)
    throw new Error(`${file}-wal could not be folded in; nothing was replaced`);
}

function keepAside(file: string): string {
  const aside = `${file}${BEFORE_RESTORE_SUFFIX}`;
  rmSync(aside, { force: true });
  try {
    linkSync(file, aside); // the same bytes under a second name: the rename below replaces only the first
  } catch {
    copyFileSync(file, aside);
  }
  return aside;
}

export function restoreDatabase(request: RestoreRequest): RestoreOutcome {
  const { dataDir, key, backup } = request;
  const migrationsDir = request.migrationsDir ?? defaultMigrationsDir;
  const holder = tillHolding(dataDir);
  if (holder !== null) return { ok: false, code: 'TILL_RUNNING', detail: String(holder) };
  const release = acquireTillLock(dataDir);
  const current = join(dataDir, request.dbFileName);
  const temp = `${current}.restoring`;
  try {
    const checked = inspectDatabaseFile(backup, key, migrationsDir);
    if (!checked.ok) return checked;
    const currentId = currentTerminalId(current, key);
    if (currentId !== null && currentId !== checked.facts.terminalId)
      return { ok: false, code: 'BACKUP_OTHER_TERMINAL', detail: checked.facts.terminalId };
    rmSync(temp, { force: true });
    const source = keyed(backup, key, true);
    try {
      copyDatabase(source, temp);
    } finally {
      source.close();
    }
    const copy = inspectDatabaseFile(temp, key, migrationsDir);
    if (!copy.ok) return copy;
    let replaced: string | null = null;
    if (currentId !== null) {
      settle(current, key);
      replaced = keepAside(current);
    }
    renameSync(temp, current);
    rmSync(`${current}-wal`, { force: true });
    rmSync(`${current}-shm`, { force: true });
    return { ok: true, terminalId: checked.facts.terminalId, replaced };
  } finally {
    rmSync(temp, { force: true });
    release();
  }
}
