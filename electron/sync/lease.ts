import type { TerminalDb } from '../../db/open';
import { readState, writeState, clearState } from '../platform/syncStateTable';

interface Lease {
  owner: string;
  expiresAt: number;
}

function parseLease(text: string | null): Lease | null {
  if (!text) return null;
  try {
    const v: unknown = JSON.parse(text);
    if (
      typeof v === 'object' &&
      v !== null &&
      'owner' in v &&
      'expiresAt' in v &&
      typeof v.owner === 'string' &&
      typeof v.expiresAt === 'number'
    ) {
      return { owner: v.owner, expiresAt: v.expiresAt };
    }
  } catch {
    // An unreadable lease is treated as absent.
  }
  return null;
}

/**
 * One sync at a time per terminal, whatever number of windows or processes open the database:
 * the lease row is read and written under BEGIN IMMEDIATE (SQLite's write lock), and it expires,
 * so a process killed mid-sync does not block the next one for longer than the lease.
 */
// better-sqlite3 transactions belong to the connection: `db` inside the callback runs in it.
export function acquireLease(db: TerminalDb, owner: string, now: number, ttlMs: number): boolean {
  return db.transaction(
    () => {
      const current = parseLease(readState(db, 'syncLease'));
      if (current && current.owner !== owner && current.expiresAt > now) return false;
      writeState(db, 'syncLease', JSON.stringify({ owner, expiresAt: now + ttlMs } satisfies Lease));
      return true;
    },
    { behavior: 'immediate' },
  );
}

export function releaseLease(db: TerminalDb, owner: string): void {
  db.transaction(
    () => {
      const current = parseLease(readState(db, 'syncLease'));
      if (current?.owner === owner) clearState(db, 'syncLease');
    },
    { behavior: 'immediate' },
  );
}
