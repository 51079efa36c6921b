import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migrationsFolder } from '../../../server/store/connect';
import { generateHeadOffice, readHoFacts, type HoDatasetFacts } from '../generate/headOffice/generateHeadOffice';
import type { HoDatasetSize } from '../generate/headOffice/hoSize';
import { migrateForward } from '../generate/headOffice/migrateForward';

/** Bump when the generated rows change: a kept database of an older generator is made again. */
export const HO_GENERATOR_VERSION = 2;

/** Head office's migrations as shipped: a kept database made under other migrations is migrated forward. */
function hoMigrationsHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(migrationsFolder);
  return hash.digest('hex').slice(0, 12);
}

const sizePrefix = (size: HoDatasetSize): string =>
  `tillcard_bench_ho_m${size.members}_s${size.sales}_sh${size.shops}_d${size.days}_`;

export interface HoDataset extends HoDatasetFacts {
  url: string;
  /** Seconds it took to generate, or null when it was kept from an earlier run. */
  generatedSeconds: number | null;
}

const withDatabase = (url: string, name: string): string => {
  const named = new URL(url);
  named.pathname = `/${name}`;
  return named.toString();
};

/**
 * The head-office data set on the server of `baseUrl`, as the terminal's in .bench/: one database
 * named by the size and the generator, made once and kept (10M sales take a while); kept databases of
 * the same size but another generator are dropped. One made under other migrations is migrated forward
 * and its summaries rebuilt (migrateForward.ts), as a real head office is upgraded. An interrupted
 * generation leaves no facts row (one transaction) and is made again.
 */
export async function ensureHoDataset(
  baseUrl: string,
  size: HoDatasetSize,
  log: (message: string) => void,
): Promise<HoDataset> {
  const name = `${sizePrefix(size)}g${HO_GENERATOR_VERSION}`;
  const migrations = hoMigrationsHash();
  const url = withDatabase(baseUrl, name);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [sizePrefix(size)],
    );
    if (rows.some((r) => r.datname === name)) {
      const kept = new pg.Client({ connectionString: url });
      await kept.connect();
      const keptSet = await readKept(kept).finally(() => kept.end());
      if (keptSet) {
        if (keptSet.migrations !== migrations) {
          log(`bench: migrating the kept head-office set ${name} forward to this checkout's migrations`);
          await migrateForward(url, log);
          await stampMigrations(url, migrations);
        }
        return { ...keptSet.facts, url, generatedSeconds: null };
      }
    }
    for (const old of rows) await admin.query(`DROP DATABASE IF EXISTS ${old.datname} WITH (FORCE)`);
    // UTF8 whatever the server's default, as head office requires (server/store/connect.ts).
    await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  log(
    `bench: generating head office's ${size.members.toLocaleString('en')} members and ` +
      `${size.sales.toLocaleString('en')} sales into database ${name} (once; kept afterwards)`,
  );
  const facts = await generateHeadOffice(url, size, Date.now(), log);
  await stampMigrations(url, migrations);
  return { ...facts, url, generatedSeconds: facts.seconds };
}

/** The kept set's facts and the migrations it was last brought to, or null when it holds none. */
async function readKept(client: pg.Client): Promise<{ facts: HoDatasetFacts; migrations: string | null } | null> {
  const facts = await readHoFacts(client);
  if (!facts) return null;
  const { rows } = await client.query<{ m: string | null }>(`SELECT facts->>'migrations' AS m FROM bench_ho_dataset`);
  return { facts, migrations: rows[0]?.m ?? null };
}

async function stampMigrations(url: string, migrations: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`UPDATE bench_ho_dataset SET facts = jsonb_set(facts, '{migrations}', to_jsonb($1::text))`, [
      migrations,
    ]);
  } finally {
    await client.end();
  }
}
