import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTerminalDb } from '../../db/open';
import { testBackends } from '../../server/testing/databases';
import { startHarness, type Harness } from '../../server/testing/harness';
import { aSale, databaseFingerprint, backupsIn } from '../services/backups.testkit';
import {
  assertLedgerConsistent,
  assertOutboxGapFree,
  openTestShop,
  TEST_SHOP,
  type TestCore,
} from '../services/services.testkit';
import { systemClock } from '../platform/sources';
import { TILL_LOCK_FILE } from '../platform/tillLock';
import { DB_FILE_NAME } from '../terminal/terminalCore';
import type { TerminalReport } from './commands/status';
import { runCli, type CliRun } from './cli.testkit';
import { EXIT } from './exitCodes';

// The command line as shop IT runs it: real processes on a temp data folder, their exit statuses
// and output, the data folder's real (encrypted) database, and a real head office on loopback.

const cli = (dir: string, ...args: string[]): Promise<CliRun> => runCli(dir, args, { TILLCARD_LANG: 'en' });

const status = async (dir: string): Promise<TerminalReport> => {
  const ran = await cli(dir, 'status', '--json');
  expect(ran).toMatchObject({ code: EXIT.ok, stderr: '' });
  return JSON.parse(ran.stdout) as TerminalReport;
};

// Each command is a fresh process: a second each on a shared machine.
const SLOW = { timeout: 240_000 };

describe('tillcard backup, restore and status', SLOW, () => {
  let c: TestCore;
  beforeEach(async () => {
    c = await openTestShop('demo');
  });
  afterEach(() => {
    c.dispose();
  });

  it('status --json, backup, then status shows the backup; the table is for people', async () => {
    c.close();
    const before = await status(c.dir);
    expect(before).toMatchObject({ lastGoodBackupAt: null, backupsKept: 0, backupKeep: 7, appVersion: '0.1.0' });
    expect(before.outboxPending).toBeGreaterThan(0);
    expect(before.databaseBytes).toBeGreaterThan(0);

    const backup = await cli(c.dir, 'backup');
    expect(backup.code).toBe(EXIT.ok);
    expect(backup.stdout).toContain('Backup written and checked');
    expect(backupsIn(c.dir)).toHaveLength(1);
    const after = await status(c.dir);
    expect(after.backupsKept).toBe(1);
    expect(after.lastGoodBackupAt).not.toBeNull();

    const table = await cli(c.dir, 'status');
    expect(table.code).toBe(EXIT.ok);
    expect(table.stdout).toMatch(/Waiting to sync\s+\d+/);
    expect(table.stdout).toMatch(/Backups kept\s+1 \/ 7/);
  });

  it('backs up while the till records sales: the backup is one consistent moment', async () => {
    const out = join(c.dir, 'while-selling.db');
    const salesNow = () => Number(c.db.$client.prepare('SELECT count(*) FROM sales').pluck().get());
    const before = salesNow();
    const running = cli(c.dir, 'backup', '--out', out);
    let finished = false;
    void running.then(() => (finished = true));
    let sold = 0;
    while (!finished) {
      await aSale(c, 1_000 + sold);
      sold += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect((await running).code).toBe(EXIT.ok);
    expect(sold).toBeGreaterThan(0);
    const copy = openTerminalDb(out, c.backupPlace.key);
    try {
      assertLedgerConsistent(copy);
      assertOutboxGapFree(copy);
      const inCopy = Number(copy.$client.prepare('SELECT count(*) FROM sales').pluck().get());
      expect(inCopy).toBeGreaterThanOrEqual(before);
      expect(inCopy).toBeLessThanOrEqual(before + sold);
      // Every sale in the copy has its outbox record: no half of a transaction.
      const orphans = copy.$client
        .prepare(
          `SELECT count(*) FROM sales s
           WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_type = 'sale' AND o.record_id = s.id)`,
        )
        .pluck()
        .get();
      expect(orphans).toBe(0);
    } finally {
      copy.$client.close();
    }
  });

  it('restore: refuses a damaged file (exit 3) and a running till (exit 4), restores a good one (exit 0)', async () => {
    c.close();
    expect((await cli(c.dir, 'backup')).code).toBe(EXIT.ok);
    const [name] = backupsIn(c.dir);
    const good = join(c.dir, 'backups', String(name));
    const dbFile = join(c.dir, DB_FILE_NAME);
    const fingerprint = databaseFingerprint(dbFile);

    const bad = join(c.dir, 'bad.db');
    const bytes = readFileSync(good);
    bytes.fill(1, 4096 * 2, 4096 * 2 + 300);
    writeFileSync(bad, bytes);
    const refused = await cli(c.dir, 'restore', bad);
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stderr).toContain('[BACKUP_CORRUPT]');
    expect(databaseFingerprint(dbFile)).toEqual(fingerprint);

    // This test's own process stands in for a running till.
    writeFileSync(join(c.dir, TILL_LOCK_FILE), `${process.pid}\n`);
    const running = await cli(c.dir, 'restore', good);
    expect(running.code).toBe(EXIT.tillRunning);
    expect(running.stderr).toContain(`process ${process.pid}`);
    expect(databaseFingerprint(dbFile)).toEqual(fingerprint);
    rmSync(join(c.dir, TILL_LOCK_FILE));

    const restored = await cli(c.dir, 'restore', good);
    expect(restored).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(restored.stdout).toContain('before-restore');
  });

  it('usage mistakes exit 2; a folder without a database exits 5', async () => {
    expect((await cli(c.dir, 'restore')).code).toBe(EXIT.usage);
    expect((await cli(c.dir, 'sync')).code).toBe(EXIT.usage);
    const empty = await cli(join(c.dir, 'nothing-here'), 'status', '--json');
    expect(empty.code).toBe(EXIT.noDatabase);
    // With --json a refusal is the JSON answer on stdout, as every command gives it.
    expect(JSON.parse(empty.stdout)).toMatchObject({
      ok: false,
      error: { exit: EXIT.noDatabase, code: 'NO_DATABASE' },
    });
    const table = await cli(join(c.dir, 'nothing-here'), 'status');
    expect(table.stderr).toContain('[NO_DATABASE]');
  });
});

describe.each(testBackends.filter((b) => b.name === 'pglite'))(
  'tillcard enrol and sync --now ($name)',
  SLOW,
  (backend) => {
    let ho: Harness;
    let c: TestCore;
    beforeAll(async () => {
      ho = await startHarness(await backend.open(), systemClock);
    });
    afterAll(async () => {
      await ho.close();
    });
    beforeEach(async () => {
      c = await openTestShop('configured');
      c.close();
    });
    afterEach(() => c.dispose());

    it('enrols with a code and syncs once; refusals have their own exit statuses', async () => {
      expect((await cli(c.dir, 'sync', '--now')).code).toBe(EXIT.refused); // not enrolled yet
      expect((await cli(c.dir, 'enrol', 'x', '--url', 'not a url')).code).toBe(EXIT.refused);

      const { code } = await ho.admin.call('createEnrolmentCode', {
        body: { shopId: TEST_SHOP.shopId, terminalCode: TEST_SHOP.terminalCode },
      });
      const enrolled = await cli(c.dir, 'enrol', code, '--url', ho.url);
      expect(enrolled).toMatchObject({ code: EXIT.ok, stderr: '' });
      expect((await status(c.dir)).headOfficeUrl).toBe(ho.url);

      const synced = await cli(c.dir, 'sync', '--now');
      expect(synced).toMatchObject({ code: EXIT.ok, stderr: '' });
      expect(synced.stdout).toMatch(/Synced with head office: \d+ sent/);
      const after = await status(c.dir);
      expect(after.outboxPending).toBe(0);
      expect(after.lastSyncAt).not.toBeNull();

      await ho.close();
      const offline = await cli(c.dir, 'sync', '--now');
      expect(offline.code).toBe(EXIT.headOffice);
      expect(offline.stderr).toContain('[HEADOFFICE_UNREACHABLE]');
      ho = await startHarness(await backend.open(), systemClock);
    });
  },
);
