import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { testDatabaseUrl } from '../testing/databases';
import { openPostgres } from './connect';

describe.skipIf(testDatabaseUrl === null)('head office on PostgreSQL', () => {
  it('refuses a database that is not UTF8, saying how to make one, and creates no table in it', async () => {
    const name = `tillcard_ascii_${process.pid}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl ?? '' });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name} ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
      const url = new URL(testDatabaseUrl ?? '');
      url.pathname = `/${name}`;
      await expect(openPostgres(url.toString(), 1)).rejects.toThrow(/needs a UTF8 database, and this one is SQL_ASCII/);
      const check = new pg.Client({ connectionString: url.toString() });
      await check.connect();
      const { rows } = await check.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      await check.end();
      expect(rows[0].n).toBe(0);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
