import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migrationsFolder } from '../../../server/store/connect';
import { generateHeadOffice, readHoFacts, type HoDatasetFacts } from '../generate/headOffice/generateHeadOffice';
import type { HoDatasetSize } from '../generate/headOffice/hoSize';

/** Bump when the generated rows change: a kept database of an older generator is made again. */
export const HO_GENERATOR_VERSION = 2;

/** Head office's migrations as shipped: a database made under other migrations is not reused. */
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
 * named by the size, the generator and the migrations, made once and kept (10M sales take a while);
 * kept databases of the same size but another generator or migrations are dropped. An interrupted
 * generation leaves no facts row (one transaction) and is made again.
 */
export async function ensureHoDataset(
  baseUrl: string,
  size: HoDatasetSize,
  log: (message: string) => void,
): Promise<HoDataset> {
  const name = `${sizePrefix(size)}g${HO_GENERATOR_VERSION}_${hoMigrationsHash()}`;
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
      const facts = await readHoFacts(kept).finally(() => kept.end());
      if (facts) return { ...facts, url, generatedSeconds: null };
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
  return { ...facts, url, generatedSeconds: facts.seconds };
}
