import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { copyDatabase, inspectDatabaseFile, type BackupRefusal, type Inspection } from '../../db/backupFile';
import { backupInWorker } from '../../db/backupInWorker';
import { defaultMigrationsDir } from '../../db/open';
import { BackupKeep } from '../../shared/contract/terminal';
import { clearState, readState, writeState } from '../platform/syncStateTable';
import type { ServiceContext } from '../core/context';

/**
 * Backups of the terminal database into `backups/` in the data folder: named by time, each checked
 * after writing (opened with the key, integrity_check), the newest N kept. The copy keeps the
 * database's encryption and key (db/backupFile.ts), so a backup is as secret as the database.
 */

export const BACKUP_DIR = 'backups';
export const DEFAULT_BACKUP_KEEP = 7;
/** The status bar warns when the last good backup is older than this. */
export const BACKUP_OVERDUE_MS = 2 * 86_400_000;
/** The daily backup runs when the last good one is at least this old. */
export const BACKUP_EVERY_MS = 86_400_000;

/** Where a till's backups go and what opens them (the database's own key). */
export interface BackupPlace {
  dataDir: string;
  key: Buffer;
  migrationsDir?: string;
}

export type BackupOutcome =
  | { ok: true; file: string; sizeBytes: number; removed: string[] }
  | { ok: false; code: BackupRefusal | 'BACKUP_FAILED'; detail: string };

const NAME_RE = /^tillcard-(\d{8})T(\d{6})(\d{3})Z\.db$/;

/** `tillcard-20261203T213000123Z.db`: UTC, sorts by time, no characters Windows refuses. */
export function backupFileName(at: number): string {
  const iso = new Date(at).toISOString(); // 2026-12-03T21:30:00.123Z
  const day = iso.slice(0, 10).replaceAll('-', '');
  const time = iso.slice(11, 19).replaceAll(':', '');
  return `tillcard-${day}T${time}${iso.slice(20, 23)}Z.db`;
}

/** The daily backups in the folder, oldest first (only files named as backupFileName names them). */
export function listBackups(dataDir: string): string[] {
  const dir = join(dataDir, BACKUP_DIR);
  try {
    return readdirSync(dir)
      .filter((name) => NAME_RE.test(name))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

export function backupKeep(ctx: ServiceContext): number {
  const kept = BackupKeep.safeParse(Number(readState(ctx.db, 'backupKeep')));
  return kept.success ? kept.data : DEFAULT_BACKUP_KEEP;
}

export function lastGoodBackupAt(ctx: ServiceContext): number | null {
  const at = Number(readState(ctx.db, 'lastGoodBackupAt') ?? Number.NaN);
  return Number.isFinite(at) ? at : null;
}

/**
 * Overdue: the last good backup is more than two days old, or there has never been one and the
 * last attempt failed (a till that has not tried yet, a test or the bench, is not warned).
 */
export function backupOverdue(ctx: ServiceContext): boolean {
  const last = lastGoodBackupAt(ctx);
  if (last === null) return readState(ctx.db, 'lastBackupProblem') !== null;
  return ctx.clock.now() - last > BACKUP_OVERDUE_MS;
}

/** Deletes the oldest daily backups beyond `keep`; answers what it deleted. */
export function rotateBackups(dataDir: string, keep: number): string[] {
  const all = listBackups(dataDir);
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const file of removed) rmSync(file, { force: true });
  return removed;
}

function failed(ctx: ServiceContext, code: BackupRefusal | 'BACKUP_FAILED', detail: string): BackupOutcome {
  writeState(ctx.db, 'lastBackupProblem', code);
  return { ok: false, code, detail };
}

/** Where this backup goes: `out`, else a new name in backups/ (made if need be). */
function backupTarget(place: BackupPlace, at: number, out: string | undefined): string {
  if (out) return out;
  mkdirSync(join(place.dataDir, BACKUP_DIR), { recursive: true });
  return join(place.dataDir, BACKUP_DIR, backupFileName(at));
}

/** After the copy and its check: a bad copy is deleted and reported; a good one recorded, the oldest rotated. */
function settle(ctx: ServiceContext, place: BackupPlace, file: string, at: number, out: boolean, check: Inspection) {
  if (!check.ok) {
    rmSync(file, { force: true });
    return failed(ctx, check.code, check.detail);
  }
  writeState(ctx.db, 'lastGoodBackupAt', String(at));
  clearState(ctx.db, 'lastBackupProblem');
  const removed = out ? [] : rotateBackups(place.dataDir, backupKeep(ctx));
  return { ok: true, file, sizeBytes: statSync(file).size, removed } satisfies BackupOutcome;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Writes one backup and checks it; a copy that fails its check is deleted and reported, never kept.
 * `out` names a file elsewhere (the command line's --out); without it the backup goes into
 * backups/ and the oldest beyond the manager's N are deleted. `copy` lets a test damage the copy.
 */
export function runBackup(
  ctx: ServiceContext,
  place: BackupPlace,
  options: { out?: string; copy?: typeof copyDatabase } = {},
): BackupOutcome {
  const { out, copy = copyDatabase } = options;
  const at = ctx.clock.now();
  let file = out ?? '';
  try {
    file = backupTarget(place, at, out);
    copy(ctx.db.$client, file);
  } catch (error) {
    if (file !== '') rmSync(file, { force: true });
    return failed(ctx, 'BACKUP_FAILED', reasonOf(error));
  }
  const check = inspectDatabaseFile(file, place.key, place.migrationsDir ?? defaultMigrationsDir);
  return settle(ctx, place, file, at, out !== undefined, check);
}

/**
 * runBackup with the copy and its check on a worker thread (db/backupInWorker.ts), its own connection on
 * the same file: the till keeps selling while a large database is copied. The outcome is recorded here.
 */
export async function runBackupInWorker(
  ctx: ServiceContext,
  place: BackupPlace,
  options: { out?: string; onCopying?: () => void } = {},
): Promise<BackupOutcome> {
  const at = ctx.clock.now();
  let file = options.out ?? '';
  let check: Inspection;
  try {
    file = backupTarget(place, at, options.out);
    check = await backupInWorker(
      {
        dbFile: ctx.db.$client.name,
        key: place.key,
        dest: file,
        migrationsDir: place.migrationsDir ?? defaultMigrationsDir,
      },
      options.onCopying,
    );
  } catch (error) {
    if (file !== '') rmSync(file, { force: true });
    return failed(ctx, 'BACKUP_FAILED', reasonOf(error));
  }
  return settle(ctx, place, file, at, options.out !== undefined, check);
}

/** The daily job's step: a backup (on a worker thread) when the last good one is a day old or there is none. */
export async function backupIfDue(ctx: ServiceContext, place: BackupPlace): Promise<BackupOutcome | null> {
  const last = lastGoodBackupAt(ctx);
  if (last !== null && ctx.clock.now() - last < BACKUP_EVERY_MS) return null;
  return runBackupInWorker(ctx, place);
}
