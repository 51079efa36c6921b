import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createApi, isDomainError, type Channel, type Result, type TillApi } from '../../shared/contract';
import { failure } from '../../shared/contract/envelope';
import { openTerminalDb, type TerminalDb } from '../../db/open';
import { databaseFileState } from '../../db/encryption';
import { fileKeyStore, type DatabaseKeyStore } from '../platform/databaseKey';
import { ensureTerminalRow, readTerminal, terminalLocale } from '../services/terminalRow';
import type { ServiceContext } from '../core/context';
import { createDispatcher, type Dispatch } from '../core/dispatch';
import { admit } from '../core/guard';
import { randomIds, systemClock, type Clock, type IdSource } from '../platform/sources';
import { silentLog, type TillLog } from '../platform/log';
import { resultMemories, terminalHandlers } from './handlers';
import { StaffSession } from '../services/staffSession';
import { createSyncLoopHost, type SyncLoopHost, type SyncLoopOptions } from './syncLoopHost';
import type { BackupPlace } from '../services/backups';
import { startBackupJob, type BackupJobOptions } from './backupJob';

export interface TerminalCoreOptions {
  /** The terminal's data folder; the database is terminal.db inside it. */
  dataDir: string;
  clock?: Clock;
  ids?: IdSource;
  timeZone?: string;
  validateOutput?: boolean;
  migrationsDir?: string;
  log?: (message: string, error?: unknown) => void;
  /** The till's structured log (the hosts' files in logs/); silent unless given. */
  logger?: TillLog;
  /** The hosts' background sync with head office (runs while enrolled). Without it, no loop runs. */
  sync?: SyncLoopOptions;
  /**
   * The clock the idle lock, manager approvals and PIN locks are counted on: the till's own clock
   * unless given (tests that move the business clock by days keep real time here).
   */
  staffClock?: Clock;
  /**
   * Who keeps the database key: Electron passes its safeStorage keeper; without one the key is the
   * 0600 file beside the data (the browser host's keeper, and every test's and tool's).
   */
  databaseKey?: DatabaseKeyStore;
  /** The hosts' daily backup into backups/ (electron/terminal/backupJob.ts). Without it, none runs. */
  backups?: BackupJobOptions;
}

export type TerminalDispatch = Dispatch<ReturnType<typeof terminalHandlers>>;

/** The terminal core both hosts (Electron's IPC and the browser host's HTTP) sit on. */
export interface TerminalCore {
  /** Every call of every host: a Result, or a Promise of one for the calls that wait for head office. */
  dispatch: TerminalDispatch;
  /** The same typed API the renderer uses, called in process (tests, scripts, bench). */
  api: TillApi;
  ctx: ServiceContext;
  db: TerminalDb;
  dbFile: string;
  sync: SyncLoopHost;
  /** Where backups go and the key that opens them (the database's). */
  backupPlace: BackupPlace;
  /** Who is signed in at this till (in memory: a restart signs everyone out). */
  session: StaffSession;
  /**
   * The guard's answer to a call of `channel` now (SIGNED_OUT, NOT_ALLOWED, ...), or null when it may
   * run: what dispatch would answer before reading any input. A host asks it before it reads the
   * body, so a caller who may not make the call gets the guard's refusal, not a complaint about the body.
   */
  gateRefusal(channel: Channel): Result<never> | null;
  /** Closes the database; a host with background sync awaits `sync.stop()` first. */
  close(): void;
}

export const DB_FILE_NAME = 'terminal.db';

export function openTerminalCore(options: TerminalCoreOptions): TerminalCore {
  mkdirSync(options.dataDir, { recursive: true });
  const dbFile = join(options.dataDir, DB_FILE_NAME);
  const key = (options.databaseKey ?? fileKeyStore(options.dataDir)).keyFor(databaseFileState(dbFile));
  const logger = options.logger ?? silentLog;
  const db = openTerminalDb(dbFile, key, {
    ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}),
    onMigrated: (applied, total) => logger.info({ event: 'migrations', applied, total }, 'database schema checked'),
  });
  const backupPlace: BackupPlace = {
    dataDir: options.dataDir,
    key,
    ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}),
  };
  const ctx: ServiceContext = {
    db,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomIds,
    timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    actor: null,
    log: logger,
  };
  ensureTerminalRow(ctx);
  const say = options.log ?? ((message, error) => console.error(message, error));
  const log = (message: string, error?: unknown): void => {
    logger.error({ err: error }, message);
    say(message, error);
  };
  const sync = createSyncLoopHost(ctx, options.sync ? { log, ...options.sync } : undefined);
  const afterCall = sync.afterCall;
  const session = new StaffSession(ctx, options.staffClock ?? ctx.clock);
  const dispatch = createDispatcher(ctx, terminalHandlers(sync.link, session), {
    gate: session,
    validateOutput: options.validateOutput ?? process.env.NODE_ENV !== 'production',
    locale: () => terminalLocale(readTerminal(ctx)),
    onInternalError: (channel, error) => log(`tillcard: ${channel} failed`, error),
    resultMemories,
    ...(afterCall ? { afterCall } : {}),
  });
  const api = createApi(async (channel, input) => dispatch(channel, input));
  const gateRefusal = (channel: Channel): Result<never> | null => {
    try {
      admit(channel, session);
      return null;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return failure(error.code, terminalLocale(readTerminal(ctx)), error.details);
    }
  };
  const backups = options.backups ? startBackupJob(ctx, backupPlace, { log, ...options.backups }) : null;
  const close = (): void => {
    backups?.stop();
    db.$client.close();
  };
  return { dispatch, api, ctx, db, dbFile, sync, backupPlace, session, gateRefusal, close };
}
