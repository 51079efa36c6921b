import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyKey } from '../../db/encryption';
import { openKeyedSqlite } from '../../db/open';
import { aSale, databaseFingerprint, everyRow, namesIn } from '../services/backups.testkit';
import { runBackup } from '../services/backups';
import { openTestShop, type TestCore } from '../services/services.testkit';
import { DB_FILE_NAME, openTerminalCore } from '../terminal/terminalCore';
import { KEY_FILE_NAME } from './databaseKey';
import { BEFORE_RESTORE_SUFFIX, restoreDatabase, type RestoreRefusal } from './restoreDatabase';
import { TILL_LOCK_FILE } from './tillLock';

// Restores on real, encrypted terminal databases in temp folders: a backup comes back row for row,
// and every bad file is refused with the current database byte for byte as it was.

const cleanup: string[] = [];
let c: TestCore;
let backup: string;
let key: Buffer;

beforeEach(async () => {
  c = await openTestShop('demo');
  key = c.backupPlace.key;
  await aSale(c);
  const outcome = runBackup(c.ctx, c.backupPlace);
  if (!outcome.ok) throw new Error(outcome.code);
  backup = outcome.file;
  // The till goes on after the backup: a restore must bring back the backup, not this.
  await aSale(c, 50_000);
  c.close();
});
afterEach(() => {
  rmSync(c.dir, { recursive: true, force: true });
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const restore = (file: string) => restoreDatabase({ dataDir: c.dir, dbFileName: DB_FILE_NAME, key, backup: file });
const scratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'tillcard-restore-'));
  cleanup.push(dir);
  return dir;
};

describe('restoreDatabase', () => {
  it('brings a backup back row for row, every table, and keeps the replaced database aside', () => {
    const dbFile = join(c.dir, DB_FILE_NAME);
    const before = everyRow(dbFile, key);
    const expected = everyRow(backup, key);
    expect(before).not.toEqual(expected);

    const outcome = restore(backup);
    expect(outcome).toMatchObject({ ok: true, replaced: `${dbFile}${BEFORE_RESTORE_SUFFIX}` });
    expect(everyRow(dbFile, key)).toEqual(expected);
    expect(everyRow(`${dbFile}${BEFORE_RESTORE_SUFFIX}`, key)).toEqual(before);
    expect(namesIn(c.dir).filter((name) => name.includes('restoring') || name === TILL_LOCK_FILE)).toEqual([]);

    // And the till opens it and goes on selling.
    const salesIn = (rows: Record<string, string[]>) => rows.sales?.length;
    const core = openTerminalCore({ dataDir: c.dir, log: () => undefined });
    try {
      expect(core.db.$client.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(salesIn(expected));
    } finally {
      core.close();
    }
  });

  it('restores into a data folder that has only the key (a new machine)', () => {
    const dir = scratch();
    copyFileSync(join(c.dir, KEY_FILE_NAME), join(dir, KEY_FILE_NAME));
    const outcome = restoreDatabase({ dataDir: dir, dbFileName: DB_FILE_NAME, key, backup });
    expect(outcome).toMatchObject({ ok: true, replaced: null });
    expect(everyRow(join(dir, DB_FILE_NAME), key)).toEqual(everyRow(backup, key));
  });
});

describe('restoreDatabase refuses, leaving the current database exactly as it was', () => {
  /** A copy of the good backup, changed by `damage`. */
  const damaged = (damage: (file: string) => void): string => {
    const file = join(scratch(), 'bad.db');
    copyFileSync(backup, file);
    damage(file);
    return file;
  };

  /** Another terminal's database (its own id), encrypted with `withKey`. */
  const otherTerminal = (withKey: 'same key' | 'own key'): string => {
    const dir = scratch();
    if (withKey === 'same key') copyFileSync(join(c.dir, KEY_FILE_NAME), join(dir, KEY_FILE_NAME));
    const other = openTerminalCore({ dataDir: dir, log: () => undefined });
    const outcome = runBackup(other.ctx, other.backupPlace);
    other.close();
    if (!outcome.ok) throw new Error(outcome.code);
    return outcome.file;
  };

  /** A SQLite file that is not a till's: encrypted with the key, or plain. */
  const foreignSqlite = (encrypted: boolean): string => {
    const file = join(scratch(), 'other.db');
    const sqlite = new Database(file);
    if (encrypted) applyKey(sqlite, key);
    sqlite.exec(`CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello');`);
    sqlite.close();
    return file;
  };

  const cases: [string, () => string, RestoreRefusal][] = [
    ['a missing file', () => join(scratch(), 'none.db'), 'BACKUP_NOT_FOUND'],
    ['a file cut mid-page', () => damaged((f) => truncateSync(f, readFileSync(f).length - 1000)), 'BACKUP_TRUNCATED'],
    ['a file cut at a page', () => damaged((f) => truncateSync(f, 4096 * 2)), 'BACKUP_CORRUPT'],
    [
      'a damaged page',
      () =>
        damaged((f) => {
          const bytes = readFileSync(f);
          bytes.fill(0, 4096 * 3 + 100, 4096 * 3 + 400);
          writeFileSync(f, bytes);
        }),
      'BACKUP_CORRUPT',
    ],
    ['an empty file', () => damaged((f) => truncateSync(f, 0)), 'BACKUP_TRUNCATED'],
    ['another terminal’s database (same key)', () => otherTerminal('same key'), 'BACKUP_OTHER_TERMINAL'],
    ['another terminal’s backup (its own key)', () => otherTerminal('own key'), 'BACKUP_WRONG_KEY'],
    ['an encrypted SQLite file that is not a till’s', () => foreignSqlite(true), 'BACKUP_NOT_TILLCARD'],
    ['a plain SQLite file', () => foreignSqlite(false), 'BACKUP_NOT_ENCRYPTED'],
    [
      'a backup from a newer build',
      () =>
        damaged((f) => {
          const sqlite = openKeyedSqlite(f, key);
          sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 4e12);
          sqlite.close();
        }),
      'BACKUP_NEWER_SCHEMA',
    ],
  ];

  for (const [what, make, code] of cases) {
    it(`${what}: ${code}`, () => {
      const file = make();
      const dbFile = join(c.dir, DB_FILE_NAME);
      const before = databaseFingerprint(dbFile);
      const folder = namesIn(c.dir);
      expect(restore(file)).toMatchObject({ ok: false, code });
      expect(databaseFingerprint(dbFile)).toEqual(before);
      expect(namesIn(c.dir)).toEqual(folder);
    });
  }

  describe('while a till runs on the folder', () => {
    let till: ChildProcess;
    beforeEach(() => {
      // A live process standing in for the till: its id in till.lock, as a host writes it.
      till = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      writeFileSync(join(c.dir, TILL_LOCK_FILE), `${till.pid}\n`);
    });
    afterEach(() => {
      till.kill();
    });

    it('refuses TILL_RUNNING, and restores once the till has gone (a stale lock)', async () => {
      const dbFile = join(c.dir, DB_FILE_NAME);
      const before = databaseFingerprint(dbFile);
      expect(restore(backup)).toMatchObject({ ok: false, code: 'TILL_RUNNING', detail: String(till.pid) });
      expect(databaseFingerprint(dbFile)).toEqual(before);
      const exited = new Promise((resolve) => till.once('exit', resolve));
      till.kill();
      await exited;
      expect(restore(backup).ok).toBe(true);
      expect(existsSync(join(c.dir, TILL_LOCK_FILE))).toBe(false);
    });
  });
});
