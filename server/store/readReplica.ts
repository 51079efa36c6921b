import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { HoDatabase } from './connect';
import * as schema from './schema';

/**
 * Head office with its statistics and exports read from a PostgreSQL hot standby of its primary
 * (TILLCARD_HO_READ_URL): sync, the deriver and every write stay on the primary; only routes that read
 * through `readDb` go to the standby, so a long report never competes with the tills' pushes. No
 * migrations run here (a standby replays the primary's), and its sessions are read-only by default.
 */
export function withReadReplica(primary: HoDatabase, readUrl: string, poolSize = 5): HoDatabase {
  const pool = new pg.Pool({
    connectionString: readUrl,
    max: poolSize,
    options: '-c jit=off -c default_transaction_read_only=on',
  });
  // A standby that goes away fails the reads made then; it must not crash the process.
  pool.on('error', (error) => console.error('head office: idle read-replica connection failed', error.message));
  return {
    ...primary,
    readDb: drizzle(pool, { schema }),
    describe: `${primary.describe} (statistics read from a standby)`,
    close: async () => {
      await pool.end();
      await primary.close();
    },
  };
}
