import { and, asc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { ChangeKind } from '../../shared/sync/protocol';
import type { HoDb } from '../store/connect';
import { changeCounter, changes } from '../store/schema';

export interface FeedItem {
  kind: ChangeKind;
  entityId: string;
  /** The terminal that caused it (null for head-office changes): it is not sent back there. */
  originTerminalId: string | null;
  payload: Record<string, unknown>;
}

/**
 * Appends changes under ONE new feed position. Call it last in the writing transaction:
 * the counter's row lock is then held only for the final inserts and the commit, and since
 * positions are given out under that lock, they commit in order (no cursor can skip one).
 */
export async function appendFeed(tx: HoDb, items: FeedItem[]): Promise<void> {
  if (items.length === 0) return;
  const [row] = await tx
    .update(changeCounter)
    .set({ value: sql`${changeCounter.value} + 1` })
    .where(eq(changeCounter.id, 1))
    .returning({ value: changeCounter.value });
  if (!row) throw new Error('ho_change_counter has no row');
  // Bounded chunks keep each INSERT under PostgreSQL's parameter limit.
  for (let start = 0; start < items.length; start += 2_000) {
    await tx.insert(changes).values(
      items.slice(start, start + 2_000).map((item, i) => ({
        changeSeq: row.value,
        idx: start + i,
        kind: item.kind,
        entityId: item.entityId,
        originTerminalId: item.originTerminalId,
        payload: { kind: item.kind, ...item.payload },
      })),
    );
  }
}

export interface FeedPosition {
  changeSeq: number;
  idx: number;
}

export function parseCursor(cursor: string): FeedPosition {
  const [a, b] = cursor.split(':');
  return { changeSeq: Number(a ?? 0), idx: Number(b ?? 0) };
}
export const formatCursor = (p: FeedPosition): string => `${p.changeSeq}:${p.idx}`;

/** The next `limit` changes after `after` that `terminalId` did not cause itself. */
export async function readFeed(db: HoDb, terminalId: string, after: FeedPosition, limit: number) {
  return db
    .select()
    .from(changes)
    .where(
      and(
        or(gt(changes.changeSeq, after.changeSeq), and(eq(changes.changeSeq, after.changeSeq), gt(changes.idx, after.idx))),
        or(isNull(changes.originTerminalId), ne(changes.originTerminalId, terminalId)),
      ),
    )
    .orderBy(asc(changes.changeSeq), asc(changes.idx))
    .limit(limit);
}
