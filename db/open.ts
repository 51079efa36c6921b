import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';
import * as tillSchema from './schema';
import * as syncSchema from './schemaSync';
import { databaseFileState, encryptInPlace, unlockDatabase } from './encryption';

const schema = { ...tillSchema, ...syncSchema };

export type TerminalDb = BetterSQLite3Database<typeof tillSchema & typeof syncSchema> & { $client: Database.Database };

export const defaultMigrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Durability first: WAL with synchronous=FULL. better-sqlite3 builds SQLite with WAL's
 * default of NORMAL, which can lose the newest commits on power loss; a sale is confirmed
 * to the cashier only after its commit returns, so that commit must be on disk.
 */
export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

export interface OpenOptions {
  /** Where the committed drizzle-kit migrations are (the Electron bundle ships a copy). */
  migrationsDir?: string;
  readonly?: boolean;
  /** Told how many migrations this open applied, and how many the database has in all (the host logs it). */
  onMigrated?: (applied: number, total: number) => void;
}

/** How many migrations the database has had applied (0 for a new file). */
function migrationCount(sqlite: Database.Database): number {
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return 0;
  return Number(sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get());
}

/**
 * A raw connection to a terminal database, unlocked with its key (tests and tools that read the
 * file directly). A plain database from a version before encryption is encrypted in place first,
 * unless opened read-only; a wrong key throws DATABASE_KEY_WRONG and changes nothing.
 */
export function openKeyedSqlite(file: string, key: Buffer, options: { readonly?: boolean } = {}): Database.Database {
  const readonly = options.readonly ?? false;
  const state = databaseFileState(file);
  const sqlite = new Database(file, { readonly });
  try {
    if (state === 'plain' && !readonly) encryptInPlace(sqlite, key);
    else if (state !== 'plain') unlockDatabase(sqlite, key);
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Opens (creating if needed) the terminal database with its key and brings its schema up to date.
 * The key comes from the host's keeper (electron/platform/databaseKey.ts).
 */
export function openTerminalDb(file: string, key: Buffer, options: OpenOptions = {}): TerminalDb {
  const sqlite = openKeyedSqlite(file, key, { readonly: options.readonly ?? false });
  try {
    applyPragmas(sqlite);
    const db = drizzle(sqlite, { schema });
    if (!options.readonly) {
      const before = migrationCount(sqlite);
      migrate(db, { migrationsFolder: options.migrationsDir ?? defaultMigrationsDir });
      const after = migrationCount(sqlite);
      options.onMigrated?.(after - before, after);
    }
    return db;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
