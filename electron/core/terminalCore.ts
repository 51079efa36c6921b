import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createApi, type Locale, type TillApi } from '../../shared/contract';
import { openTerminalDb, type TerminalDb } from '../../db/open';
import { terminal } from '../../db/schema';
import { handlers, resultMemories } from '../services/handlers';
import { ensureTerminalRow } from '../services/terminalRow';
import type { ServiceContext } from './context';
import { createDispatcher, type Dispatch } from './dispatch';
import { randomIds, systemClock, type Clock, type IdSource } from '../platform/sources';

export interface TerminalCoreOptions {
  /** The terminal's data folder; the database is terminal.db inside it. */
  dataDir: string;
  clock?: Clock;
  ids?: IdSource;
  timeZone?: string;
  validateOutput?: boolean;
  migrationsDir?: string;
  log?: (message: string, error?: unknown) => void;
}

/** The terminal core both hosts (Electron's IPC and the browser host's HTTP) sit on. */
export interface TerminalCore {
  dispatch: Dispatch;
  /** The same typed API the renderer uses, called in process (tests, scripts, bench). */
  api: TillApi;
  ctx: ServiceContext;
  db: TerminalDb;
  dbFile: string;
  close(): void;
}

export const DB_FILE_NAME = 'terminal.db';

export function openTerminalCore(options: TerminalCoreOptions): TerminalCore {
  mkdirSync(options.dataDir, { recursive: true });
  const dbFile = join(options.dataDir, DB_FILE_NAME);
  const db = openTerminalDb(dbFile, options.migrationsDir ? { migrationsDir: options.migrationsDir } : {});
  const ctx: ServiceContext = {
    db,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomIds,
    timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
  ensureTerminalRow(ctx);
  const log = options.log ?? ((message, error) => console.error(message, error));
  const dispatch = createDispatcher(ctx, handlers, {
    validateOutput: options.validateOutput ?? process.env.NODE_ENV !== 'production',
    locale: (): Locale => {
      const row = db.select({ locale: terminal.locale }).from(terminal).get();
      return row?.locale === 'en' ? 'en' : 'zh-CN';
    },
    onInternalError: (channel, error) => log(`tillcard: ${channel} failed`, error),
    resultMemories,
  });
  const api = createApi(async (channel, input) => dispatch(channel, input));
  return { dispatch, api, ctx, db, dbFile, close: () => db.$client.close() };
}
