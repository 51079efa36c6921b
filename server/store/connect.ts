import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as schema from './schema';

/** Head office's database, whichever driver is underneath (PGlite or node-postgres). */
export type HoDb = PgDatabase<PgQueryResultHKT, typeof schema>;

/**
 * One pooled PostgreSQL connection as a drizzle database of its own, plus COPY FROM STDIN on
 * that same connection — so a transaction begun through `db` can bulk-load rows with COPY
 * (PostgreSQL's fastest way in: no JSON to parse on the server) and stay one transaction.
 */
export interface CopyConnection {
  db: HoDb;
  /** `COPY <table> (<columns>) FROM STDIN` with `data` in COPY's text format. */
  copyIn(statement: string, data: string): Promise<void>;
}

/** Runs `work` on a connection of its own (released after); only head office on a PostgreSQL server has one. */
export type WithCopyConnection = <T>(work: (connection: CopyConnection) => Promise<T>) => Promise<T>;

export interface HoDatabase {
  db: HoDb;
  /**
   * Where statistics and exports read: a PostgreSQL hot standby when TILLCARD_HO_READ_URL names one
   * (server/store/readReplica.ts), else `db` itself. Nothing ever writes through it.
   */
  readDb: HoDb;
  /** PostgreSQL server only; PGlite has no COPY FROM STDIN through drizzle (callers fall back). */
  withCopyConnection?: WithCopyConnection;
  /** PGlite only: its whole data directory as a tarball, to start another database from. */
  dumpDataDir?: () => Promise<Blob>;
  /** 'pglite:<dir>' or 'postgres' (never the URL: it may carry a password). */
  describe: string;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../db/migrations', import.meta.url));

/** Any fixed number: the advisory lock every head-office instance takes while migrating. */
export const MIGRATION_LOCK_KEY = 7_302_114_001;

/**
 * Embedded PostgreSQL (PGlite) in `dataDir`, or in memory when dataDir is null (tests). `startFrom`:
 * a data directory PGlite dumped earlier (tests copy one migrated database instead of running initdb).
 */
export async function openPglite(dataDir: string | null, startFrom?: Blob): Promise<HoDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({ ...(dataDir ? { dataDir } : {}), ...(startFrom ? { loadDataDir: startFrom } : {}) });
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return {
    db,
    readDb: db,
    dumpDataDir: () => client.dumpDataDir('none'),
    describe: dataDir ? `pglite:${dataDir}` : 'pglite:memory',
    close: () => client.close(),
  };
}

/**
 * Runs the migrations on ONE connection holding a session advisory lock, so two instances
 * starting together take turns: the second waits, then finds everything applied. The lock
 * goes with the session if the process dies mid-migration (each migration is transactional).
 */
async function migrateUnderLock(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/**
 * Head office stores members' names and shops' text in every script: a database in another
 * encoding (SQL_ASCII is what initdb makes without a locale) would store or refuse them differently.
 */
async function requireUtf8(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ server_encoding: string }>('SHOW server_encoding');
  const encoding = rows[0]?.server_encoding ?? 'unknown';
  if (encoding !== 'UTF8') {
    throw new Error(
      `head office needs a UTF8 database, and this one is ${encoding}: ` +
        "create it with CREATE DATABASE … ENCODING 'UTF8' TEMPLATE template0 (or initdb -E UTF8)",
    );
  }
}

/** A real PostgreSQL server through a node-postgres pool. */
export async function openPostgres(url: string, poolSize = 10): Promise<HoDatabase> {
  // JIT off for head office's sessions: its queries are short OLTP statements whose row
  // estimates (tables that grew by a burst of pushes since the last ANALYZE) can cross
  // jit_above_cost, and compiling one then costs far more than the query saves (the snapshot's
  // member page). A DBA can still enable it per role or database.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
  // An idle client's network error must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('head office: idle PostgreSQL connection failed', error.message));
  const db = drizzlePg(pool, { schema });
  try {
    await requireUtf8(pool);
    await migrateUnderLock(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  // One drizzle wrapper per pooled connection, not per push: building one walks the whole schema.
  const wrapped = new WeakMap<pg.PoolClient, HoDb>();
  const dbOn = (client: pg.PoolClient): HoDb => {
    let clientDb = wrapped.get(client);
    if (!clientDb) {
      clientDb = drizzlePg(client, { schema });
      wrapped.set(client, clientDb);
    }
    return clientDb;
  };
  const withCopyConnection: WithCopyConnection = async (work) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      return await work({
        db: dbOn(client),
        copyIn: (statement, data) => pipeline(Readable.from([data]), client.query(copyFrom(statement))),
      });
    } catch (error) {
      // A connection that failed mid-COPY may be in any protocol state: drop it, never reuse it.
      broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
  };
  return { db, readDb: db, withCopyConnection, describe: 'postgres', close: () => pool.end() };
}
