import { and, eq, sql } from 'drizzle-orm';
import { diffDayTotals, type CloseDayRequest, type CloseDayResponse, type DayTotals } from '../../shared/sync/protocol';
import type { HoDb } from '../store/connect';
import { dayCloses, redemptions, sales } from '../store/schema';
import type { Clock } from '../sources';
import { expireDueAtHeadOffice } from './expiry';
import { deriveTerminal } from './deriver';

/** What head office holds for one terminal's business day, computed from the records it applied. */
export async function headOfficeDayTotals(db: HoDb, terminalId: string, businessDay: string): Promise<DayTotals> {
  const [s] = await db
    .select({
      count: sql<number>`count(*)::int`,
      total: sql<string>`coalesce(sum(${sales.totalMinor}), 0)::text`,
      earned: sql<string>`coalesce(sum(${sales.pointsEarned}), 0)::text`,
      spent: sql<string>`coalesce(sum(${sales.pointsSpent}), 0)::text`,
      minSeq: sql<string | null>`min(${sales.seq})::text`,
      maxSeq: sql<string | null>`max(${sales.seq})::text`,
    })
    .from(sales)
    .where(and(eq(sales.terminalId, terminalId), eq(sales.businessDay, businessDay)));
  const [r] = await db
    .select({
      count: sql<number>`count(*)::int`,
      points: sql<string>`coalesce(sum(${redemptions.points}), 0)::text`,
      minSeq: sql<string | null>`min(${redemptions.seq})::text`,
      maxSeq: sql<string | null>`max(${redemptions.seq})::text`,
    })
    .from(redemptions)
    .where(and(eq(redemptions.terminalId, terminalId), eq(redemptions.businessDay, businessDay)));
  const seqs = [s?.minSeq, s?.maxSeq, r?.minSeq, r?.maxSeq]
    .filter((x): x is string => x !== null && x !== undefined)
    .map(Number);
  return {
    saleCount: s?.count ?? 0,
    salesTotalMinor: Number(s?.total ?? 0),
    pointsEarned: Number(s?.earned ?? 0),
    pointsSpent: Number(s?.spent ?? 0) + Number(r?.points ?? 0),
    redemptionCount: r?.count ?? 0,
    firstSeq: seqs.length > 0 ? Math.min(...seqs) : null,
    lastSeq: seqs.length > 0 ? Math.max(...seqs) : null,
  };
}

/**
 * Compares the terminal's totals with head office's and keeps the outcome (the latest close of a
 * day wins). The terminal closes once everything is acknowledged, but acknowledged records may
 * not be derived yet: they are derived first (waiting for another process deriving them), so
 * the comparison never sees half-derived state.
 */
export async function closeDay(
  db: HoDb,
  clock: Clock,
  terminalId: string,
  req: CloseDayRequest,
): Promise<CloseDayResponse> {
  await deriveTerminal(db, clock, terminalId, { wait: true });
  // The nightly close is also head office's expiry run: lots due that no till expired yet.
  await expireDueAtHeadOffice(db, clock.now());
  const computed = await headOfficeDayTotals(db, terminalId, req.businessDay);
  const differences = diffDayTotals(req.totals, computed);
  const row = {
    terminalId,
    businessDay: req.businessDay,
    reported: req.totals,
    computed,
    matches: differences.length === 0,
    closedAt: clock.now(),
  };
  await db
    .insert(dayCloses)
    .values(row)
    .onConflictDoUpdate({
      target: [dayCloses.terminalId, dayCloses.businessDay],
      set: { reported: row.reported, computed: row.computed, matches: row.matches, closedAt: row.closedAt },
    });
  return {
    businessDay: req.businessDay,
    status: differences.length === 0 ? 'matches' : 'differs',
    headOffice: computed,
    differences,
  };
}
