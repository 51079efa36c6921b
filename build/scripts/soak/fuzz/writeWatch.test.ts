// The cheap "nothing written" proof must never hide a write: these tests write behind the
// watch's back (real SQLite under the terminal core, real PGlite) and check that every write
// is seen, that a write rolled back is not blamed, and that an accepted write between two
// refusals is not blamed on the second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTerminalCore, type TerminalCore } from '../../../../electron/terminal/terminalCore';
import type { HoDatabase } from '../../../../server/store/connect';
import { openMigratedPglite } from '../../../../server/testing/pgliteTemplate';
import { stateFingerprint } from './fingerprint';
import { postgresMarker, sqliteMarker, writeWatch } from './writeWatch';

describe('writeWatch on the terminal database', () => {
  let dir = '';
  let core: TerminalCore;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tillcard-watch-'));
    core = openTerminalCore({ dataDir: dir, log: () => undefined });
    expect(core.dispatch('setupDemoShop', {}).ok).toBe(true);
  });
  afterAll(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const watchOf = () => writeWatch({ marker: sqliteMarker(core.db), fingerprint: () => stateFingerprint(core.db) });
  const c = () => core.db.$client;

  it('proves a read wrote nothing without a fingerprint, and sees an in-place update', async () => {
    const watch = watchOf();
    await watch.start();
    core.dispatch('getStatus', {});
    expect(await watch.afterRefusal()).toBeNull();
    await watch.start();
    c()
      .prepare('UPDATE members SET points_balance = points_balance + 1 WHERE rowid = (SELECT min(rowid) FROM members)')
      .run();
    const change = await watch.afterRefusal();
    expect(change).not.toBeNull();
    expect(change?.after).not.toBe(change?.before);
    c()
      .prepare('UPDATE members SET points_balance = points_balance - 1 WHERE rowid = (SELECT min(rowid) FROM members)')
      .run();
  });

  it('judges a rolled-back write by the fingerprint: the marker moved, the state did not', async () => {
    const watch = watchOf();
    await watch.start();
    const undone = c().transaction(() => {
      c().prepare('DELETE FROM cards WHERE rowid = (SELECT min(rowid) FROM cards)').run();
      throw new Error('refused');
    });
    expect(() => undone()).toThrow('refused');
    const change = await watch.afterRefusal();
    expect(change).not.toBeNull();
    expect(change?.after).toBe(change?.before);
  });

  it('takes a new baseline after an accepted write, so the next refusal is judged from there', async () => {
    const watch = watchOf();
    await watch.start();
    expect(core.dispatch('setLocale', { locale: 'en' }).ok).toBe(true);
    watch.accepted();
    await watch.start();
    expect(await watch.afterRefusal()).toBeNull();
  });
});

describe('writeWatch on head office (PGlite)', () => {
  let database: HoDatabase;
  beforeAll(async () => {
    database = await openMigratedPglite();
    await database.db.execute(sql`CREATE TABLE fuzz_probe (n int)`);
  });
  afterAll(async () => {
    await database.close();
  });

  it('moves on every write, committed or rolled back, and stays put on reads', async () => {
    const marker = postgresMarker(database);
    const m0 = await marker();
    await database.db.execute(sql`SELECT count(*) FROM fuzz_probe`);
    expect(await marker()).toBe(m0);
    await database.db.execute(sql`INSERT INTO fuzz_probe VALUES (1)`);
    const m1 = await marker();
    expect(m1).not.toBe(m0);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE fuzz_probe SET n = 2`);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await marker()).not.toBe(m1);
  });
});
