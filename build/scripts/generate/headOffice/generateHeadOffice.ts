import { sql } from 'drizzle-orm';
import pg from 'pg';
import { rebuildSummaries } from '../../../../server/stats/rebuildSummaries';
import { rebuildTierMoves } from '../../../../server/stats/tierMoves';
import { campaigns } from '../../../../server/store/schema';
import { openPostgres } from '../../../../server/store/connect';
import { benchCampaigns } from './hoCampaigns';
import { hoFunctionsSql } from './hoFunctions';
import { tierHistorySql } from './hoTiers';
import { ledgerSql, membersSql, refundsSql, salesSql, shopsSql } from './hoRows';
import { DAY_MS, type HoDatasetSize } from './hoSize';

/** What was generated, kept in the database itself (bench_ho_dataset) so a kept set is described. */
export interface HoDatasetFacts extends HoDatasetSize {
  /** The history's last business day and its end (epoch ms). */
  endDay: string;
  endMs: number;
  campaignIds: string[];
  seconds: number;
}

const TIME_ZONE_DAY = (ms: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(new Date(ms));

/**
 * Fills an EMPTY PostgreSQL database (migrated here by openPostgres) with a head office's history:
 * shops and tills, members, sales, refunds, the ledger and campaigns, by set-based statements in
 * one transaction; then the statistics summaries by head office's own rebuild
 * (server/stats/rebuildSummaries.ts), a tier history and its moves (hoTiers.ts), and VACUUM ANALYZE so
 * the planner knows the sizes.
 */
export async function generateHeadOffice(
  url: string,
  size: HoDatasetSize,
  endMs: number,
  log: (message: string) => void = () => undefined,
): Promise<HoDatasetFacts> {
  const started = performance.now();
  const database = await openPostgres(url, 1);
  try {
    const startMs = endMs - size.days * DAY_MS;
    const chosen = benchCampaigns(endMs);
    const step = async (what: string, statement: string, run: (q: string) => Promise<unknown>) => {
      const t = performance.now();
      await run(statement);
      log(`ho generate: ${what} ${((performance.now() - t) / 1000).toFixed(1)} s`);
    };
    await database.db.transaction(async (tx) => {
      const run = (q: string) => tx.execute(sql.raw(q));
      for (const fn of hoFunctionsSql(size, endMs)) await run(fn);
      for (const q of shopsSql(size, startMs)) await run(q);
      await step(`${size.members} members`, membersSql(size), run);
      await step(`${size.sales} sales`, salesSql(size, startMs, endMs), run);
      await step('refunds', refundsSql(), run);
      await tx.insert(campaigns).values(chosen.map((c) => ({ id: c.id, campaign: c })));
      await step('ledger', ledgerSql(endMs, chosen), run);
      await step('summaries (rebuildSummaries)', '', () => rebuildSummaries(tx));
      for (const q of tierHistorySql(endMs)) await step('tier history', q, run);
      await step('tier moves (rebuildTierMoves)', '', () => rebuildTierMoves(tx));
      const facts = {
        ...size,
        endDay: TIME_ZONE_DAY(endMs),
        endMs,
        campaignIds: chosen.map((c) => c.id),
        seconds: 0,
      };
      await run(`CREATE TABLE bench_ho_dataset (facts jsonb NOT NULL)`);
      await tx.execute(sql`INSERT INTO bench_ho_dataset (facts) VALUES (${JSON.stringify(facts)}::jsonb)`);
    });
  } finally {
    await database.close();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t = performance.now();
    await client.query('VACUUM ANALYZE');
    log(`ho generate: VACUUM ANALYZE ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    await client.query(`UPDATE bench_ho_dataset SET facts = jsonb_set(facts, '{seconds}', $1::jsonb)`, [
      String(seconds),
    ]);
    return (await readHoFacts(client)) ?? fail();
  } finally {
    await client.end();
  }
}

const fail = (): never => {
  throw new Error('bench_ho_dataset has no row after generating');
};

/** The facts of a generated database, or null when it holds none (not generated, or interrupted). */
export async function readHoFacts(pool: pg.Pool | pg.Client): Promise<HoDatasetFacts | null> {
  const exists = await pool.query<{ t: string | null }>(`SELECT to_regclass('bench_ho_dataset')::text AS t`);
  if (!exists.rows[0]?.t) return null;
  const { rows } = await pool.query<{ facts: HoDatasetFacts }>('SELECT facts FROM bench_ho_dataset');
  return rows[0]?.facts ?? null;
}
