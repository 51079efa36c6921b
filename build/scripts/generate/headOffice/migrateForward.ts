import pg from 'pg';
import { rebuildSummaries } from '../../../../server/stats/rebuildSummaries';
import { rebuildTierMoves } from '../../../../server/stats/tierMoves';
import { openPostgres } from '../../../../server/store/connect';

/**
 * A kept head-office set made under older migrations, brought forward as a real head office is upgraded:
 * the new migrations applied (openPostgres), every summary rebuilt from the stored rows by head office's own
 * rebuild, then VACUUM ANALYZE. At 10,000,000 sales this takes minutes where generating again takes an hour.
 */
export async function migrateForward(url: string, log: (message: string) => void): Promise<void> {
  const step = async (what: string, run: () => Promise<unknown>): Promise<void> => {
    const t = performance.now();
    await run();
    log(`ho migrate forward: ${what} ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  const database = await openPostgres(url, 1);
  try {
    await step('summaries (rebuildSummaries)', () =>
      database.db.transaction(async (tx) => {
        await rebuildSummaries(tx);
        await rebuildTierMoves(tx);
      }),
    );
  } finally {
    await database.close();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await step('VACUUM ANALYZE', () => client.query('VACUUM ANALYZE'));
  } finally {
    await client.end();
  }
}
