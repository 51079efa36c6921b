import { randomBytes } from 'node:crypto';
import type { TerminalDb } from '../../../db/open';

/**
 * The phones and cards one import has met, with the line each was first on, kept in a TEMP table on the
 * import's connection rather than in memory: a file of millions of rows stays within bounded memory.
 * Its rows roll back with the batch that wrote them; the table is dropped when the import ends.
 */
export function seenKeys(db: TerminalDb) {
  const client = db.$client;
  const table = `temp.import_seen_${randomBytes(6).toString('hex')}`;
  client.exec(`CREATE TABLE ${table} (key TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID`);
  const get = client.prepare<[string], { line: number }>(`SELECT line FROM ${table} WHERE key = ?`);
  const put = client.prepare<[string, number]>(`INSERT OR IGNORE INTO ${table} (key, line) VALUES (?, ?)`);
  return {
    firstLine: (key: string): number | null => get.get(key)?.line ?? null,
    add: (key: string, line: number): void => void put.run(key, line),
    drop: (): void => void client.exec(`DROP TABLE IF EXISTS ${table}`),
  };
}
