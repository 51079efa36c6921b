import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyDatabase, inspectDatabaseFile } from '../../db/backupFile';
import { openKeyedSqlite } from '../../db/open';
import { writeState } from '../platform/syncStateTable';
import { aSale, backupsIn, everyRow } from './backups.testkit';
import {
  BACKUP_OVERDUE_MS,
  backupFileName,
  backupIfDue,
  backupOverdue,
  lastGoodBackupAt,
  runBackup,
  runBackupInWorker,
} from './backups';
import { getStatus } from './shop';
import { checkAndDispose, errorOf, openTestShop, TEST_START_MS, unwrap, type TestCore } from './services.testkit';

// Backups on a real, encrypted terminal database in a temp folder; the clock is the test's.

const DAY = 86_400_000;
let c: TestCore;
beforeEach(async () => {
  c = await openTestShop('demo');
});
afterEach(() => checkAndDispose(c));

describe('runBackup', () => {
  it('writes an encrypted copy that opens with the key, row for row the database', async () => {
    await aSale(c);
    const outcome = runBackup(c.ctx, c.backupPlace);
    if (!outcome.ok) throw new Error(outcome.code);
    expect(backupsIn(c.dir)).toEqual([backupFileName(TEST_START_MS)]);
    // Row for row, but for the backup's own mark, written once the copy passed its check.
    const live = everyRow(c.dbFile, c.backupPlace.key);
    live.sync_state = (live.sync_state ?? []).filter((row) => !row.includes('lastGoodBackupAt'));
    expect(everyRow(outcome.file, c.backupPlace.key)).toEqual(live);
    // No member's name in the clear, and another key does not open it.
    const name = String(c.db.$client.prepare('SELECT name FROM members LIMIT 1').pluck().get());
    expect(readFileSync(outcome.file).includes(Buffer.from(name))).toBe(false);
    const other = inspectDatabaseFile(outcome.file, Buffer.alloc(32, 7));
    expect(other).toMatchObject({ ok: false, code: 'BACKUP_WRONG_KEY' });
    expect(lastGoodBackupAt(c.ctx)).toBe(TEST_START_MS);
  });

  it('keeps the newest N (the manager’s setting), deleting the oldest', () => {
    writeState(c.db, 'backupKeep', '3');
    const written: string[] = [];
    for (let day = 0; day < 5; day++) {
      const outcome = runBackup(c.ctx, c.backupPlace);
      if (!outcome.ok) throw new Error(outcome.code);
      written.push(backupFileName(c.clock.now()));
      c.clock.advance(DAY);
    }
    expect(backupsIn(c.dir)).toEqual(written.slice(2));
  });

  it('keeps what the manager sets (setBackupKeep, audited; 1 to 365)', async () => {
    const status = unwrap(await c.api.setBackupKeep({ keep: 2 }));
    expect(status.backupKeep).toBe(2);
    expect(errorOf(await c.api.setBackupKeep({ keep: 0 })).code).toBe('VALIDATION');
    expect(errorOf(await c.api.setBackupKeep({ keep: 366 })).code).toBe('VALIDATION');
    const audit = c.db.$client
      .prepare(`SELECT details_json FROM audit_log WHERE action = 'settings.changed' AND subject = 'backupKeep'`)
      .pluck()
      .all();
    expect(audit.map((d) => JSON.parse(String(d)))).toEqual([{ from: 7, to: 2 }]);
    for (let day = 0; day < 4; day++) {
      runBackup(c.ctx, c.backupPlace);
      c.clock.advance(DAY);
    }
    expect(backupsIn(c.dir)).toHaveLength(2);
  });

  it('keeps 7 by default', () => {
    for (let day = 0; day < 9; day++) {
      runBackup(c.ctx, c.backupPlace);
      c.clock.advance(DAY);
    }
    expect(backupsIn(c.dir)).toHaveLength(7);
  });

  it('deletes a copy that fails its check and reports it; the last good backup stays', () => {
    const good = runBackup(c.ctx, c.backupPlace);
    expect(good.ok).toBe(true);
    c.clock.advance(DAY);
    const damaged = runBackup(c.ctx, c.backupPlace, {
      copy: (sqlite, file) => {
        copyDatabase(sqlite, file);
        truncateSync(file, 4096 * 3); // a copy cut short, as a full disk would leave it
      },
    });
    expect(damaged).toMatchObject({ ok: false, code: 'BACKUP_CORRUPT' });
    expect(backupsIn(c.dir)).toEqual([backupFileName(TEST_START_MS)]);
    expect(lastGoodBackupAt(c.ctx)).toBe(TEST_START_MS);
    c.clock.advance(DAY);
    const garbled = runBackup(c.ctx, c.backupPlace, {
      copy: (sqlite, file) => {
        copyDatabase(sqlite, file);
        const bytes = readFileSync(file);
        bytes.fill(0x5a, 4096 * 2, 4096 * 2 + 512); // a damaged page in the middle
        writeFileSync(file, bytes);
      },
    });
    expect(garbled).toMatchObject({ ok: false, code: 'BACKUP_CORRUPT' });
    expect(backupsIn(c.dir)).toEqual([backupFileName(TEST_START_MS)]);
  });

  it('a till whose every backup has failed is warned at once', () => {
    expect(backupOverdue(c.ctx)).toBe(false); // never tried
    runBackup(c.ctx, c.backupPlace, { copy: (_sqlite, file) => writeFileSync(file, 'not a database') });
    expect(getStatus(c.ctx)).toMatchObject({ lastGoodBackupAt: null, backupOverdue: true });
  });
});

describe('the daily backup and the status warning (clock driven by the test)', () => {
  it('backs up once a day (on a worker thread) and warns when the last good one is over two days old', async () => {
    const first = await backupIfDue(c.ctx, c.backupPlace);
    expect(first, JSON.stringify(first)).toMatchObject({ ok: true });
    c.clock.advance(DAY - 1);
    expect(await backupIfDue(c.ctx, c.backupPlace)).toBeNull();
    c.clock.advance(1);
    expect((await backupIfDue(c.ctx, c.backupPlace))?.ok).toBe(true);
    const lastGood = c.clock.now();
    expect(backupsIn(c.dir)).toHaveLength(2);

    c.clock.advance(BACKUP_OVERDUE_MS);
    expect(getStatus(c.ctx)).toMatchObject({ lastGoodBackupAt: lastGood, backupOverdue: false });
    c.clock.advance(1);
    expect(getStatus(c.ctx)).toMatchObject({ lastGoodBackupAt: lastGood, backupOverdue: true });
    // The next good backup clears the warning.
    expect((await backupIfDue(c.ctx, c.backupPlace))?.ok).toBe(true);
    expect(getStatus(c.ctx).backupOverdue).toBe(false);
  });

  it('a sale recorded right after a backup is in the database, not in that backup', async () => {
    const outcome = runBackup(c.ctx, c.backupPlace);
    if (!outcome.ok) throw new Error(outcome.code);
    await aSale(c);
    const count = (file: string) => {
      const sqlite = openKeyedSqlite(file, c.backupPlace.key, { readonly: true });
      try {
        return sqlite.prepare('SELECT count(*) FROM sales').pluck().get();
      } finally {
        sqlite.close();
      }
    };
    expect(count(c.dbFile)).toBe(Number(count(outcome.file)) + 1);
  });
});

describe('the backup on a worker thread', () => {
  it('lets the till sell while a big database is copied, and the copy is one consistent moment', async () => {
    // A big database: 10 MB of filler beside the shop's rows, so the copy takes several sales' time.
    c.db.$client.exec('CREATE TABLE filler (x BLOB)');
    c.db.$client
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
         INSERT INTO filler SELECT randomblob(4000) FROM n`,
      )
      .run();
    let copying = (): void => undefined;
    const copyStarted = new Promise<void>((resolve) => (copying = resolve));
    let finished = false;
    const running = runBackupInWorker(c.ctx, c.backupPlace, { onCopying: () => copying() }).finally(
      () => (finished = true),
    );
    // No clock: wait for the worker to start copying (it first loads), then sell until the copy is over.
    await Promise.race([copyStarted, running]);
    expect(finished).toBe(false);
    let soldDuringCopy = 0;
    // A few hundred at most: enough to show the till answers; the copy then ends on its own.
    for (let i = 0; i < 300 && !finished; i++) {
      await aSale(c, 1_000 + i);
      if (!finished) soldDuringCopy += 1;
    }
    const outcome = await running;
    if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.detail}`);
    // On the till's own thread no sale could have ended before the copy did.
    expect(soldDuringCopy).toBeGreaterThan(0);
    expect(lastGoodBackupAt(c.ctx)).toBe(TEST_START_MS);
    const copy = openKeyedSqlite(outcome.file, c.backupPlace.key);
    try {
      expect(copy.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(2_500);
      const orphans = copy
        .prepare(
          `SELECT count(*) FROM sales s
           WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_type = 'sale' AND o.record_id = s.id)`,
        )
        .pluck()
        .get();
      expect(orphans).toBe(0);
    } finally {
      copy.close();
    }
  }, 120_000);

  it('reports a copy that cannot be written as BACKUP_FAILED, and keeps nothing', async () => {
    const outcome = await runBackupInWorker(c.ctx, c.backupPlace, { out: `${c.dir}/no/such/folder/x.db` });
    expect(outcome).toMatchObject({ ok: false, code: 'BACKUP_FAILED' });
    expect(backupsIn(c.dir)).toEqual([]);
  });
});
