import { asc, eq } from 'drizzle-orm';
import type { HoDb } from '../store/connect';
import { ledger } from '../store/schema';
import type { FeedItem } from './feed';

// The two steps every head-office writer of a member's points shares (its expiry, a merge's moves):
// read the member's ledger as the lot rule reads it, and send each row it writes to every till.

/** A member's ledger as the lot rules read it (shared/domain/pointLots.ts, mergePoints.ts): oldest first. */
export async function lotLedgerOf(tx: HoDb, memberId: string) {
  return tx
    .select({
      id: ledger.id,
      kind: ledger.kind,
      delta: ledger.delta,
      createdAt: ledger.createdAt,
      expiresAt: ledger.expiresAt,
      lotId: ledger.lotId,
    })
    .from(ledger)
    .where(eq(ledger.memberId, memberId))
    .orderBy(asc(ledger.createdAt), asc(ledger.id));
}

/** A ledger row head office wrote itself, as the pull change every till gets (none caused it). */
export function officeLedgerChange(row: typeof ledger.$inferInsert & { id: string }): FeedItem {
  const { kind, ...rest } = row;
  return { kind: 'ledger', entityId: row.id, originTerminalId: null, payload: { ...rest, type: kind } };
}
