import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { CardConflictRow, DayCloseRow, FlagRow, QuarantineRow, TerminalRow } from '../../shared/admin/answers';
import type { HoDb } from '../store/connect';
import { balanceFlags, cardConflicts, dayCloses, quarantine, sales, shops, terminals } from '../store/schema';

/** Head office IT's view: each terminal, when it was last seen, what it says is waiting, and lag. */
export async function terminalOverview(db: HoDb, now: number): Promise<TerminalRow[]> {
  const rows = await db
    .select({
      id: terminals.id,
      shopId: terminals.shopId,
      shopName: shops.name,
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
    .leftJoin(shops, eq(shops.id, terminals.shopId))
    .orderBy(terminals.shopId, terminals.terminalCode);
  // derivationLag: records received (acknowledged) but not yet derived into sales, ledger and the feed.
  return rows.map((r) => ({
    ...r,
    derivationLag: Math.max(0, r.ackedSeq - r.derivedSeq),
    syncLagMs: r.lastSeenAt === null ? null : Math.max(0, now - r.lastSeenAt),
  }));
}

export async function openQuarantine(db: HoDb, limit = 200): Promise<QuarantineRow[]> {
  return db.select().from(quarantine).where(isNull(quarantine.resolvedAt)).orderBy(desc(quarantine.id)).limit(limit);
}

export async function balanceFlagList(db: HoDb, openOnly: boolean, limit = 200): Promise<FlagRow[]> {
  return db
    .select()
    .from(balanceFlags)
    .where(openOnly ? isNull(balanceFlags.resolvedAt) : undefined)
    .orderBy(desc(balanceFlags.id))
    .limit(limit);
}

/** Card numbers brought a second time by another member's registration (server/sync/bulkPlan.ts), newest first. */
export async function cardConflictList(db: HoDb, limit = 200): Promise<CardConflictRow[]> {
  return db.select().from(cardConflicts).orderBy(desc(cardConflicts.id)).limit(limit);
}

export async function dayCloseList(db: HoDb, terminalId: string | null, limit = 200): Promise<DayCloseRow[]> {
  // The day's sales say its currency (a terminal's money never changes); null when none has arrived yet.
  // The outer columns are named with their table: drizzle writes a one-table select's columns bare.
  const currency = sql<string | null>`(SELECT s.currency FROM ${sales} s
    WHERE s.terminal_id = ${dayCloses}.terminal_id AND s.business_day = ${dayCloses}.business_day LIMIT 1)`;
  const { terminalId: terminal, businessDay, reported, computed, matches, closedAt } = dayCloses;
  return db
    .select({ terminalId: terminal, businessDay, reported, computed, matches, closedAt, currency })
    .from(dayCloses)
    .where(terminalId ? eq(dayCloses.terminalId, terminalId) : undefined)
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
