import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ChangeKind } from '../../shared/sync/protocol';
import type { HoDb } from '../store/connect';
import { changes, type members, type rewards } from '../store/schema';
import { insertJsonRows } from './jsonInsert';

export interface FeedItem {
  kind: ChangeKind;
  entityId: string;
  /** The terminal that caused it (null for head-office changes): it is not sent back there. */
  originTerminalId: string | null;
  payload: Record<string, unknown>;
}

/** A member row as the pull feed carries it. */
export function memberFeed(m: typeof members.$inferSelect): FeedItem {
  return {
    kind: 'member',
    entityId: m.id,
    originTerminalId: m.originTerminalId,
    payload: {
      id: m.id,
      name: m.name,
      phone: m.phone,
      birthday: m.birthday,
      cardNumber: m.cardNumber,
      homeShopId: m.homeShopId,
      offlineCapPoints: m.offlineCapPoints,
      spendNotices: m.spendNotices,
      ...(m.erasedAt === null ? {} : { erased: true }),
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    },
  };
}

/** A reward as the pull feed carries it: an oversold stock (below zero at head office) shows as 0 on the tills. */
export function rewardPayload(r: typeof rewards.$inferSelect): Record<string, unknown> {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    category: r.category,
    pointsCost: r.pointsCost,
    cashValueMinor: r.cashValueMinor,
    stock: r.stock === null ? null : Math.max(0, r.stock),
    active: r.active,
    minTierCode: r.minTierCode,
    updatedAt: r.updatedAt,
  };
}

/**
 * Appends changes in the writing transaction. The row's txid (the transaction's own id) and
 * pos (a sequence, taken without any lock) order the feed; nothing here makes one writer wait
 * for another, so ten terminals pushing at once do not queue behind a counter row.
 */
export async function appendFeed(tx: HoDb, items: FeedItem[]): Promise<void> {
  // payload: the JSON text of each item, taken from the parameter as it is (a text column, see schema.ts).
  await insertJsonRows(
    tx,
    'ho_changes',
    { kind: 'text', entity_id: 'text', origin_terminal_id: 'text', payload: 'text' },
    items.map((item) => ({
      kind: item.kind,
      entity_id: item.entityId,
      origin_terminal_id: item.originTerminalId,
      payload: { kind: item.kind, ...item.payload },
    })),
  );
}

export interface FeedPosition {
  txid: number;
  pos: number;
}

export function parseCursor(cursor: string): FeedPosition {
  const [a, b] = cursor.split(':');
  return { txid: Number(a ?? 0), pos: Number(b ?? 0) };
}
export const formatCursor = (p: FeedPosition): string => `${p.txid}:${p.pos}`;

/**
 * Every transaction below this id has finished (committed or rolled back), and every
 * transaction that has not yet written gets a larger id. So the rows with txid below it are
 * final: a cursor that only moves over them never passes a row that becomes visible later.
 */
export const visibleBound = sql`(pg_snapshot_xmin(pg_current_snapshot())::text::bigint)`;

const BoundRows = z.object({ rows: z.array(z.object({ bound: z.union([z.string(), z.number()]) })) });

export async function readVisibleBound(db: HoDb): Promise<number> {
  const result: unknown = await db.execute(sql`SELECT ${visibleBound} AS bound`);
  const parsed = BoundRows.parse(result);
  return Number(parsed.rows[0]?.bound ?? 0);
}

/** The next `limit` changes after `after` that `terminalId` did not cause itself, up to the visible bound. */
export async function readFeed(db: HoDb, terminalId: string, after: FeedPosition, limit: number) {
  return db
    .select()
    .from(changes)
    .where(
      sql`(${changes.txid}, ${changes.pos}) > (${after.txid}, ${after.pos})
      AND ${changes.txid} < ${visibleBound}
      AND (${changes.originTerminalId} IS NULL OR ${changes.originTerminalId} <> ${terminalId})`,
    )
    .orderBy(changes.txid, changes.pos)
    .limit(limit);
}
