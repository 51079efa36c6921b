import type Database from 'better-sqlite3';

/**
 * Fast loading of a generated terminal database. While loading: no journal, no fsync, no
 * foreign-key checks, secondary indexes dropped (rebuilt once at the end, which is far faster
 * than keeping them up to date row by row). Afterwards the file is put back in WAL mode, the
 * way openTerminalDb expects it, and the indexes are exactly the migration's (their SQL is
 * read from the schema before dropping, so nothing is restated here).
 */
export interface BulkLoad {
  finish(): void;
}

function set(sqlite: Database.Database, pragma: string, expected: string | number): void {
  const [name] = pragma.split(' ');
  sqlite.pragma(pragma);
  const now: unknown = sqlite.pragma(name ?? pragma, { simple: true });
  if (String(now).toLowerCase() !== String(expected))
    throw new Error(`PRAGMA ${pragma} did not take (it is ${String(now)})`);
}

export function beginBulkLoad(sqlite: Database.Database, cacheMiB: number): BulkLoad {
  // better-sqlite3 opens connections in defensive mode, which silently refuses journal_mode=OFF.
  sqlite.unsafeMode(true);
  set(sqlite, 'journal_mode = DELETE', 'delete');
  set(sqlite, 'journal_mode = OFF', 'off');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('locking_mode = EXCLUSIVE');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma(`cache_size = ${-cacheMiB * 1024}`);
  const indexes = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
    .all() as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
  return {
    finish() {
      for (const index of indexes) sqlite.exec(index.sql);
      sqlite.pragma('locking_mode = NORMAL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('synchronous = FULL');
      set(sqlite, 'journal_mode = WAL', 'wal');
      sqlite.unsafeMode(false);
    },
  };
}

/** Runs `work` in transactions of `batch` steps: big enough to be fast, small enough to report progress. */
export function inBatches(
  sqlite: Database.Database,
  total: number,
  batch: number,
  work: (i: number) => void,
  progress?: (done: number) => void,
): void {
  const run = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) work(i);
  });
  for (let from = 0; from < total; from += batch) {
    const to = Math.min(total, from + batch);
    run(from, to);
    progress?.(to);
  }
}
