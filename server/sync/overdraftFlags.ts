import { and, eq, isNull, sql } from 'drizzle-orm';
import type { HoDb } from '../store/connect';
import { balanceFlags, ledger } from '../store/schema';
import type { Applied } from './bulkPlan';
import { idList, insertRows } from './jsonInsert';

/** Namespace of the per-member advisory locks taken while checking for overdrafts. */
const MEMBER_LOCK_NAMESPACE = 7_302_115;

/**
 * Opens a flag for a member whose global balance went below zero, and resolves an open flag
 * once earnings brought it back. Only members who spent, or who earned while flagged, can
 * change state, so a chunk of plain earnings costs one indexed read.
 */
export async function flagNegativeBalances(
  tx: HoDb,
  applied: Applied,
  src: { terminalId: string; seq: number },
  now: number,
): Promise<void> {
  const touched = [...new Set([...applied.spentBy, ...applied.earnedBy])];
  if (touched.length === 0) return;
  const open = await tx
    .select()
    .from(balanceFlags)
    .where(and(sql`${balanceFlags.memberId} IN ${idList(touched)}`, isNull(balanceFlags.resolvedAt)));
  const openByMember = new Map(open.map((f) => [f.memberId, f]));
  const memberIds = [...new Set([...applied.spentBy, ...openByMember.keys()])];
  if (memberIds.length === 0) return;
  // Different terminals are derived side by side (each holds only its own terminal's lock), so
  // two shops' spends of one member could commit together with neither seeing the other's rows and
  // neither flagging the overdraft. A per-member lock, taken in one order, makes the second wait
  // for the first to commit; its next statement (READ COMMITTED) then sees both spends.
  for (const memberId of [...memberIds].sort()) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MEMBER_LOCK_NAMESPACE}, hashtext(${memberId}))`);
  }
  const balances = await tx
    .select({ memberId: ledger.memberId, balance: sql<number>`coalesce(sum(${ledger.delta}), 0)::int` })
    .from(ledger)
    .where(sql`${ledger.memberId} IN ${idList(memberIds)}`)
    .groupBy(ledger.memberId);
  const newFlags: (typeof balanceFlags.$inferInsert)[] = [];
  for (const { memberId, balance } of balances) {
    const flag = openByMember.get(memberId);
    if (balance < 0 && !flag) {
      newFlags.push({ memberId, balanceAtFlag: balance, terminalId: src.terminalId, seq: src.seq, flaggedAt: now });
    } else if (balance >= 0 && flag) {
      // Later earnings netted the overdraft out; the flag stays on record, resolved.
      await tx.update(balanceFlags).set({ resolvedAt: now }).where(eq(balanceFlags.id, flag.id));
    }
  }
  await insertRows(tx, balanceFlags, newFlags);
}
