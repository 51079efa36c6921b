import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { TerminalDb } from '../../db/open';
import { members, pointsLedger, terminal } from '../../db/schema';
import { memberSyncFacts } from '../../db/schemaSync';
import { readState } from '../platform/syncStateTable';

/** Used when head office has never sent a default: spending offline is then limited to this. */
export const FALLBACK_OFFLINE_CAP_POINTS = 5_000;

/**
 * The most points a member may spend at this terminal right now (issue §6). Online: the
 * balance. Offline: min(last known global balance − points spent here since, the member's
 * offline cap − points spent here since). The cached balance already is "global balance at the last pull, plus what
 * happened here since" because pulled ledger rows and local rows update it alike.
 */
export function spendablePoints(db: TerminalDb, memberId: string): number {
  const member = db.select({ balance: members.pointsBalance }).from(members).where(eq(members.id, memberId)).get();
  if (!member) return 0;
  const balance = Math.max(0, member.balance);
  if (readState(db, 'online') === 'true') return balance;
  const facts = db.select().from(memberSyncFacts).where(eq(memberSyncFacts.memberId, memberId)).get();
  const chainDefault = Number(readState(db, 'defaultOfflineCapPoints') ?? FALLBACK_OFFLINE_CAP_POINTS);
  const cap = facts?.offlineCapPoints ?? (Number.isFinite(chainDefault) ? chainDefault : FALLBACK_OFFLINE_CAP_POINTS);
  // The cap covers the whole time offline: what this terminal let the member spend since the
  // last time it heard from head office counts against it.
  const since = Number(readState(db, 'lastPullAt') ?? 0);
  const terminalId = db.select({ id: terminal.terminalId }).from(terminal).get()?.id ?? '';
  const spent =
    db
      .select({ points: sql<number>`coalesce(-sum(${pointsLedger.delta}), 0)` })
      .from(pointsLedger)
      .where(
        and(
          eq(pointsLedger.memberId, memberId),
          eq(pointsLedger.terminalId, terminalId),
          lt(pointsLedger.delta, 0),
          ne(pointsLedger.kind, 'expire'), // expired points were never spent
          gt(pointsLedger.createdAt, since),
        ),
      )
      .get()?.points ?? 0;
  return Math.max(0, Math.min(balance, cap - spent));
}
