import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { CardConflictRow, DayCloseRow, FlagRow, QuarantineRow, TerminalRow } from '../../shared/admin/answers';
import type { HoDb } from '../store/connect';
import {
  balanceFlags,
  cardConflicts,
  dayCloses,
  quarantine,
  sales,
  shops as shopTable,
  terminals,
} from '../store/schema';

/**
 * A caller limited to some shops (a shop manager) passes them as `shops`; null is the whole chain.
 * Rows that name a terminal are kept when that terminal belongs to one of the shops.
 */
export type ShopFilter = readonly string[] | null;

function ofShops(db: HoDb, terminalColumn: PgColumn, shops: ShopFilter): SQL | undefined {
  if (shops === null) return undefined;
  return inArray(
    terminalColumn,
    db
      .select({ id: terminals.id })
      .from(terminals)
      .where(inArray(terminals.shopId, [...shops])),
  );
}

/** The shop a terminal belongs to, or null when head office has no such terminal. */
export async function shopOfTerminal(db: HoDb, terminalId: string): Promise<string | null> {
  const [row] = await db.select({ shopId: terminals.shopId }).from(terminals).where(eq(terminals.id, terminalId));
  return row?.shopId ?? null;
}

/** The shop of a quarantined record's terminal, or null when there is no such record. */
export async function shopOfQuarantined(db: HoDb, id: number): Promise<string | null> {
  const [row] = await db
    .select({ shopId: terminals.shopId })
    .from(quarantine)
    .innerJoin(terminals, eq(terminals.id, quarantine.terminalId))
    .where(eq(quarantine.id, id));
  return row?.shopId ?? null;
}

/** Head office IT's view: each terminal, when it was last seen, what it says is waiting, and lag. */
export async function terminalOverview(db: HoDb, now: number, shops: ShopFilter = null): Promise<TerminalRow[]> {
  const rows = await db
    .select({
      id: terminals.id,
      shopId: terminals.shopId,
      shopName: shopTable.name,
      terminalCode: terminals.terminalCode,
      name: terminals.name,
      status: terminals.status,
      enrolledAt: terminals.enrolledAt,
      ackedSeq: terminals.ackedSeq,
      derivedSeq: terminals.derivedSeq,
      lastDerivedAt: terminals.lastDerivedAt,
      lastSeenAt: terminals.lastSeenAt,
      lastPushAt: terminals.lastPushAt,
      reportedPending: terminals.reportedPending,
      oldestPendingAt: terminals.oldestPendingAt,
      quarantined: sql<number>`(SELECT count(*)::int FROM ${quarantine} q
        WHERE q.terminal_id = ${terminals.id} AND q.resolved_at IS NULL)`,
      lastCloseDay: sql<
        string | null
      >`(SELECT max(d.business_day) FROM ${dayCloses} d WHERE d.terminal_id = ${terminals.id})`,
      lastCloseMatches: sql<boolean | null>`(SELECT d.matches FROM ${dayCloses} d WHERE d.terminal_id = ${terminals.id}
        ORDER BY d.business_day DESC LIMIT 1)`,
    })
    .from(terminals)
    .leftJoin(shopTable, eq(shopTable.id, terminals.shopId))
    .where(shops === null ? undefined : inArray(terminals.shopId, [...shops]))
    .orderBy(terminals.shopId, terminals.terminalCode);
  // derivationLag: records received (acknowledged) but not yet derived into sales, ledger and the feed.
  return rows.map((r) => ({
    ...r,
    derivationLag: Math.max(0, r.ackedSeq - r.derivedSeq),
    syncLagMs: r.lastSeenAt === null ? null : Math.max(0, now - r.lastSeenAt),
  }));
}

export async function openQuarantine(db: HoDb, shops: ShopFilter = null, limit = 200): Promise<QuarantineRow[]> {
  return db
    .select()
    .from(quarantine)
    .where(and(isNull(quarantine.resolvedAt), ofShops(db, quarantine.terminalId, shops)))
    .orderBy(desc(quarantine.id))
    .limit(limit);
}

export async function balanceFlagList(
  db: HoDb,
  openOnly: boolean,
  shops: ShopFilter = null,
  limit = 200,
): Promise<FlagRow[]> {
  return db
    .select()
    .from(balanceFlags)
    .where(and(openOnly ? isNull(balanceFlags.resolvedAt) : undefined, ofShops(db, balanceFlags.terminalId, shops)))
    .orderBy(desc(balanceFlags.id))
    .limit(limit);
}

/**
 * Card numbers brought a second time by another member's registration (server/sync/bulkPlan.ts), newest
 * first: the open ones (not yet marked dealt with, server/admin/cardConflicts.ts).
 */
export async function cardConflictList(db: HoDb, shops: ShopFilter = null, limit = 200): Promise<CardConflictRow[]> {
  return db
    .select()
    .from(cardConflicts)
    .where(and(isNull(cardConflicts.resolvedAt), ofShops(db, cardConflicts.terminalId, shops)))
    .orderBy(desc(cardConflicts.id))
    .limit(limit);
}

export async function dayCloseList(
  db: HoDb,
  terminalId: string | null,
  shops: ShopFilter = null,
  limit = 200,
): Promise<DayCloseRow[]> {
  // The day's sales say its currency (a terminal's money never changes); null when none has arrived yet.
  // The outer columns are named with their table: drizzle writes a one-table select's columns bare.
  const currency = sql<string | null>`(SELECT s.currency FROM ${sales} s
    WHERE s.terminal_id = ${dayCloses}.terminal_id AND s.business_day = ${dayCloses}.business_day LIMIT 1)`;
  const { terminalId: terminal, businessDay, reported, computed, matches, closedAt } = dayCloses;
  return db
    .select({ terminalId: terminal, businessDay, reported, computed, matches, closedAt, currency })
    .from(dayCloses)
    .where(and(terminalId ? eq(dayCloses.terminalId, terminalId) : undefined, ofShops(db, dayCloses.terminalId, shops)))
    .orderBy(desc(dayCloses.businessDay))
    .limit(limit);
}

export async function revokeTerminal(db: HoDb, now: number, terminalId: string): Promise<boolean> {
  const rows = await db
    .update(terminals)
    .set({ status: 'revoked', revokedAt: now })
    .where(and(eq(terminals.id, terminalId), eq(terminals.status, 'active')))
    .returning({ id: terminals.id });
  return rows.length > 0;
}

export async function resolveQuarantine(db: HoDb, now: number, id: number): Promise<boolean> {
  const rows = await db
    .update(quarantine)
    .set({ resolvedAt: now })
    .where(and(eq(quarantine.id, id), isNull(quarantine.resolvedAt)))
    .returning({ id: quarantine.id });
  return rows.length > 0;
}
