// Test kit for backups and restores: every table of a database file, row for row, and a
// fingerprint of the database's files on disk (to prove a refused restore left them as they were).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelInput } from '../../shared/contract';
import { openKeyedSqlite } from '../../db/open';
import type { TestCore } from './services.testkit';
import { unwrap } from './services.testkit';

/** Every table's rows (sorted, as JSON), opened read-only with `key`. */
export function everyRow(file: string, key: Buffer): Record<string, string[]> {
  const sqlite = openKeyedSqlite(file, key, { readonly: true });
  try {
    const tables = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all()
      .map(String);
    return Object.fromEntries(
      tables.map((t) => [
        t,
        sqlite
          .prepare(`SELECT * FROM "${t}"`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
  } finally {
    sqlite.close();
  }
}

/** sha256 of each of terminal.db's files (main, -wal, -shm) that exists. */
export function databaseFingerprint(dbFile: string): Record<string, string> {
  return Object.fromEntries(
    ['', '-wal', '-shm']
      .map((suffix) => `${dbFile}${suffix}`)
      .filter((file) => existsSync(file))
      .map((file) => [file, createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}

/** The names in a folder, sorted. */
export const namesIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);

/** A cash sale to the first member of the shop (the demo shop has several). */
export async function aSale(c: TestCore, minor = 12_800): Promise<void> {
  const memberId = c.db.$client.prepare('SELECT id FROM members ORDER BY rowid LIMIT 1').pluck().get();
  const input: ChannelInput<'recordSale'> = {
    requestId: c.ctx.ids.uuid(),
    memberId: typeof memberId === 'string' ? memberId : null,
    lines: [{ sku: 'SKU-1', name: 'Thing', category: 'general', quantity: 1, unitPriceMinor: minor }],
  };
  unwrap(await c.api.recordSale(input));
}

export const backupsIn = (dir: string): string[] => namesIn(join(dir, 'backups'));
