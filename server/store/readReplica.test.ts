import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DailyShopRow } from '../../shared/admin/stats';
import { fixedClock } from '../../shared/sources';
import { enrolledTerminal } from '../../electron/sync/enrolledTerminal.testkit';
import { syncOnce } from '../../electron/sync/job';
import type { TerminalCore } from '../../electron/terminal/terminalCore';
import { unwrap } from '../../electron/services/services.testkit';
import {
  findPostgresBin,
  startStreamingStandby,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../../build/scripts/test-env/postgres.mjs';
import { configFromEnv, openFromConfig } from '../config';
import { startHarness, type Harness } from '../testing/harness';
import { until } from '../testing/until';

// Head office on a primary with TILLCARD_HO_READ_URL naming a streaming hot standby of it: a till's sales
// are pushed to the primary, and statsDaily answers from the standby — frozen while the standby's replay
// is paused, catching up when it resumes, failing when the standby stops while the sync still works.

/** 10:00 on 2 March 2025 in Shanghai (the till's and head office's zone). */
const T0 = Date.UTC(2025, 2, 2, 2);
const DAY = '2025-03-02';
const noServer = findPostgresBin() === null;

async function sql<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

describe.skipIf(noServer)(
  'head office reading statistics from a hot standby (needs PostgreSQL server binaries)',
  () => {
    const clock = fixedClock(T0);
    const dirs: string[] = [];
    let primary: ThrowawayPostgres | null = null;
    let standby: ThrowawayPostgres | null = null;
    let ho: Harness | null = null;
    let till: TerminalCore | null = null;

    beforeAll(async () => {
      const started = await startThrowawayPostgres();
      if ('skipped' in started) throw new Error(started.skipped);
      primary = started;
      const copy = await startStreamingStandby(primary);
      if ('skipped' in copy) throw new Error(copy.skipped);
      standby = copy;
      const config = configFromEnv({ DATABASE_URL: primary.url, TILLCARD_HO_READ_URL: standby.url });
      ho = await startHarness(await openFromConfig(config), clock);
      till = await enrolledTerminal(ho, clock, dirs, { prefix: 7, shopId: 'shopR', code: '77001' });
    }, 30_000);

    afterAll(async () => {
      till?.close();
      await ho?.close();
      standby?.stop();
      primary?.stop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    const live = () => {
      if (!till || !ho || !primary || !standby) throw new Error('not started');
      return { till, ho, primary, standby };
    };
    /** One sale of ¥12.00 at the till, pushed to head office and derived there (on the primary). */
    const sellAndSync = async () => {
      const { till: t, ho: h } = live();
      unwrap(
        await t.api.recordSale({
          requestId: t.ctx.ids.uuid(),
          memberId: null,
          lines: [{ sku: 'S', name: 'Tea', category: 'general', quantity: 1, unitPriceMinor: 1_200 }],
        }),
      );
      expect(await syncOnce({ db: t.db, clock, owner: 'standby-test' })).toMatchObject({ status: 'synced' });
      await h.waitDerived();
    };
    const statsSales = async (): Promise<number> => {
      const { days } = await live().ho.admin.call('statsDaily', { query: { from: DAY, to: DAY } });
      return days.reduce((n: number, d: DailyShopRow) => n + d.salesCount, 0);
    };
    const primarySales = async () =>
      (
        await sql<{ n: string }>(
          live().primary.url,
          `SELECT coalesce(sum(sales_count), 0) AS n FROM ho_daily_shop WHERE day = '${DAY}'`,
        )
      )[0]?.n;
    /** Bounded: the standby replays within milliseconds; 250 checks 20 ms apart is generous. */
    const statsReach = (n: number) =>
      until(`statsDaily from the standby to show ${n} sales`, async () => (await statsSales()) === n, 250);

    it('serves statsDaily from the standby, which follows the primary; sync keeps working without it', async () => {
      const { primary: p, standby: s } = live();
      expect(await sql<{ r: boolean }>(s.url, 'SELECT pg_is_in_recovery() AS r')).toEqual([{ r: true }]);
      expect(await sql<{ r: boolean }>(p.url, 'SELECT pg_is_in_recovery() AS r')).toEqual([{ r: false }]);

      await sellAndSync();
      await sellAndSync();
      await statsReach(2);

      // Replay paused on the standby: the primary has the third sale, statsDaily (the standby) does not.
      await sql(s.url, 'SELECT pg_wal_replay_pause()');
      await sellAndSync();
      expect(await primarySales()).toBe('3');
      expect(await statsSales()).toBe(2);
      // Replay resumed: it follows.
      await sql(s.url, 'SELECT pg_wal_replay_resume()');
      await statsReach(3);
      // statsRfm reads the standby and keeps its trend's month through the primary (a standby takes no writes).
      expect((await live().ho.admin.call('statsRfm', { query: { asOf: DAY, months: 1 } })).trend).toHaveLength(1);
      expect(await sql(p.url, 'SELECT month, buyers FROM ho_rfm_month')).toEqual([{ month: '2025-03', buyers: 0 }]);

      // The standby gone: the statistics read fails, the tills' sync to the primary does not.
      s.stop();
      await expect(statsSales()).rejects.toThrow();
      await sellAndSync();
      expect(await primarySales()).toBe('4');
    }, 20_000);
  },
);
