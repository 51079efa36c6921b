import pg from 'pg';
import { openPostgres, type HoDatabase } from '../store/connect';
import { migrationsKey, openMigratedPglite } from './pgliteTemplate';

/**
 * The databases head-office tests run on: always PGlite (in memory), and a real PostgreSQL
 * server too when TILLCARD_TEST_DATABASE_URL names one (CI starts it). Each call makes a
 * fresh database, so test files never see each other's rows.
 */
export interface TestBackend {
  name: 'pglite' | 'postgres';
  open(): Promise<HoDatabase & { url: string | null }>;
}

/**
 * `npm test` starts one server per Vitest worker and project group (TILLCARD_TEST_DATABASE_URLS, VITEST_POOL_ID is
 * 1-based; TILLCARD_TEST_SERVER_GROUP is 0 or 1, set by vitest.config.ts): a pull's feed bound is cluster-wide, so
 * files running side by side must not share one, nor a file with a worker that kept the previous file's modules.
 */
function serverForThisWorker(): string | null {
  const urls = (process.env.TILLCARD_TEST_DATABASE_URLS ?? '').split(' ').filter((url) => url !== '');
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  const group = Number(process.env.TILLCARD_TEST_SERVER_GROUP ?? '0');
  const perGroup = urls.length >= 2 ? Math.floor(urls.length / 2) : Math.max(1, urls.length);
  const slot = (Number.isInteger(worker) && worker > 0 ? worker - 1 : 0) % perGroup;
  const picked = urls[urls.length >= 2 && group === 1 ? perGroup + slot : slot];
  return picked ?? process.env.TILLCARD_TEST_DATABASE_URL ?? null;
}

export const testDatabaseUrl = serverForThisWorker();

let counter = 0;

/** Creates a database on the test server (empty, or a copy of `template`) and returns its URL. */
export async function createTestDatabase(
  baseUrl: string,
  template = 'template0',
): Promise<{ url: string; drop(): Promise<void> }> {
  counter += 1;
  const name = `tillcard_t${process.pid}_${Date.now().toString(36)}_${counter}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    // UTF8 whatever the server's default (a cluster made without a locale is SQL_ASCII).
    await admin.query(
      `CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE ${template} STRATEGY FILE_COPY`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

// Any number that names this lock alone on the test server (pg_advisory_lock's key space is the server's).
const TEMPLATE_LOCK_KEY = 7_316_204_115;

/**
 * The test server's migrated template for the current migrations, made once (under an advisory lock, so
 * two workers or checkouts sharing a server make it once): a copy of it skips the 1–2 s each database
 * would spend migrating. A template left half-made by a killed run is finished by the next copy's migrate.
 */
async function migratedTemplate(baseUrl: string): Promise<string> {
  const name = `tillcard_tpl_${migrationsKey()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      await (await openPostgres(url.toString(), 1)).close();
    }
  } finally {
    await admin.end();
  }
  return name;
}

/** A fresh database on the test server with every migration applied, copied from the migrated template. */
export async function createMigratedTestDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  return createTestDatabase(baseUrl, await migratedTemplate(baseUrl));
}

export const testBackends: TestBackend[] = [
  {
    name: 'pglite',
    open: async () => ({ ...(await openMigratedPglite()), url: null }),
  },
  ...(testDatabaseUrl
    ? [
        {
          name: 'postgres' as const,
          open: async () => {
            const created = await createMigratedTestDatabase(testDatabaseUrl);
            const database = await openPostgres(created.url, 5);
            return {
              ...database,
              url: created.url,
              close: async () => {
                await database.close();
                await created.drop();
              },
            };
          },
        },
      ]
    : []),
];
