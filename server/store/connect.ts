import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

/** Head office's database, whichever driver is underneath (PGlite or node-postgres). */
export type HoDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface HoDatabase {
  db: HoDb;
  /** 'pglite:<dir>' or 'postgres' (never the URL: it may carry a password). */
  describe: string;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../db/migrations', import.meta.url));

async function prepare(db: HoDb): Promise<void> {
  // The change-feed counter's one row; ON CONFLICT makes this safe for several instances starting at once.
  await db.insert(schema.changeCounter).values({ id: 1, value: 0 }).onConflictDoNothing();
}

/** Embedded PostgreSQL (PGlite) in `dataDir`, or in memory when dataDir is null (tests). */
export async function openPglite(dataDir: string | null): Promise<HoDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  await prepare(db);
  return { db, describe: dataDir ? `pglite:${dataDir}` : 'pglite:memory', close: () => client.close() };
}

/** A real PostgreSQL server through a node-postgres pool. */
export async function openPostgres(url: string, poolSize = 10): Promise<HoDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's network error must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('head office: idle PostgreSQL connection failed', error.message));
  const db = drizzlePg(pool, { schema });
  try {
    await migratePg(db, { migrationsFolder });
    await prepare(db);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { db, describe: 'postgres', close: () => pool.end() };
}
