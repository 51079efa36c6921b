import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { openTerminalDb, defaultMigrationsDir } from './open';
import * as tillSchema from './schema';
import * as syncSchema from './schemaSync';

// The schema guard: the database every migration builds must match the committed snapshot, so
// a schema change is always a deliberate, reviewed change of db/schema.snapshot.txt too.

const SNAPSHOT_FILE = fileURLToPath(new URL('./schema.snapshot.txt', import.meta.url));
const UPDATE_HINT =
  'If the schema change is intended, update the snapshot with: UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run ' +
  'db/schemaGuard.test.ts';

const dir = mkdtempSync(join(tmpdir(), 'tillcard-schema-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const normalise = (sql: string | null): string =>
  (sql ?? '').replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();

function dumpSchema(): string {
  const db = openTerminalDb(join(dir, 'guard.db'), randomBytes(32));
  try {
    const rows = db.$client
      .prepare(
        "SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
      )
      .all() as { type: string; name: string; tbl: string; sql: string | null }[];
    return `${rows.map((r) => `${r.type} ${r.name} ON ${r.tbl}: ${normalise(r.sql)}`).join('\n')}\n`;
  } finally {
    db.$client.close();
  }
}

describe('schema guard', () => {
  it('the schema built from every migration matches db/schema.snapshot.txt', () => {
    const actual = dumpSchema();
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT_FILE, actual);
    let expected: string;
    try {
      expected = readFileSync(SNAPSHOT_FILE, 'utf8');
    } catch {
      throw new Error(`db/schema.snapshot.txt is missing. ${UPDATE_HINT}`);
    }
    if (actual !== expected) {
      expect(actual, `The migrated schema differs from db/schema.snapshot.txt. ${UPDATE_HINT}`).toBe(expected);
    }
  });

  it('the drizzle schema files have no change that is missing from the migrations', async () => {
    const { generateSQLiteDrizzleJson, generateSQLiteMigration } = await import('drizzle-kit/api');
    const metaDir = join(defaultMigrationsDir, 'meta');
    const lastSnapshot = readdirSync(metaDir)
      .filter((f) => f.endsWith('_snapshot.json'))
      .sort()
      .at(-1);
    if (!lastSnapshot) throw new Error('no drizzle snapshot in db/migrations/meta');
    const previous = JSON.parse(readFileSync(join(metaDir, lastSnapshot), 'utf8')) as Awaited<
      ReturnType<typeof generateSQLiteDrizzleJson>
    >;
    const current = await generateSQLiteDrizzleJson({ ...tillSchema, ...syncSchema }, previous.id);
    const pending = await generateSQLiteMigration(previous, current);
    expect(
      pending,
      'db/schema.ts changed without a migration: run npm run db:generate (before the first release: regenerate ' +
        'the initial migration)',
    ).toEqual([]);
  });
});
