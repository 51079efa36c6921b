import { eq } from 'drizzle-orm';
import type { TerminalDb } from '../../db/open';
import { syncState } from '../../db/schema';

// The sync_state key-value table: the sync job writes it, the services and the status bar read it.

/** sync_state keys the sync job writes (the status bar reads online, lastSyncAt, lastCloseAt). */
export type SyncKey =
  | 'online'
  | 'lastSyncAt'
  | 'lastCloseAt'
  | 'lastClosedDay'
  | 'lastError'
  | 'pullCursor'
  | 'syncLease'
  | 'defaultOfflineCapPoints'
  | 'lastPullAt'
  /** A first pull's snapshot in progress (electron/sync/snapshot.ts). */
  | 'snapshotBound'
  | 'snapshotAfter'
  /** The shop's item categories as head office last sent them (a CategoryList as JSON). */
  | 'categories'
  /** The chain's phone key (hex) from head office: hashes of phone numbers (services/phoneKey.ts). */
  | 'phoneKey'
  /** The business day whose expiry sweep ran (services/expiry.ts). */
  | 'lastExpirySweepDay'
  /** When the last backup that passed its check was written (electron/services/backups.ts). */
  | 'lastGoodBackupAt'
  /** Why the last backup attempt failed (a BackupRefusal or error code), absent after a good one. */
  | 'lastBackupProblem'
  /** How many daily backups to keep: the manager's setting (default 7). */
  | 'backupKeep';

export function readState(db: TerminalDb, key: SyncKey): string | null {
  return db.select({ value: syncState.value }).from(syncState).where(eq(syncState.key, key)).get()?.value ?? null;
}

export function writeState(db: TerminalDb, key: SyncKey, value: string): void {
  db.insert(syncState).values({ key, value }).onConflictDoUpdate({ target: syncState.key, set: { value } }).run();
}

export function clearState(db: TerminalDb, key: SyncKey): void {
  db.delete(syncState).where(eq(syncState.key, key)).run();
}
