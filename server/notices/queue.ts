import { and, desc, eq, sql } from 'drizzle-orm';
import type { DeadNotice } from '../../shared/admin/spendNotices';
import type { HoDb } from '../store/connect';
import { spendNotices } from '../store/schema';

export type Notice = typeof spendNotices.$inferSelect;

/**
 * Takes up to `limit` due notices for one sender: their next_at moves past `leaseMs` first, so
 * another head-office process skips them meanwhile (SKIP LOCKED), and one whose sender died is
 * taken again after the lease. The HTTP calls happen outside any transaction.
 */
export async function claimDue(db: HoDb, now: number, leaseMs: number, limit: number): Promise<Notice[]> {
  return db
    .update(spendNotices)
    .set({ nextAt: now + leaseMs })
    .where(
      sql`${spendNotices.id} IN (SELECT id FROM ${spendNotices} WHERE state = 'pending' AND next_at <= ${now}
        ORDER BY next_at, created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)`,
    )
    .returning();
}

export async function markSent(db: HoDb, id: string, now: number): Promise<void> {
  await db
    .update(spendNotices)
    .set({ state: 'sent', attempts: sql`${spendNotices.attempts} + 1`, lastAttemptAt: now, lastError: null })
    .where(eq(spendNotices.id, id));
}

/** A failed attempt: tried again at `nextAt`, or dead (kept for the page's list) when there is none. */
export async function markFailed(
  db: HoDb,
  id: string,
  now: number,
  error: string,
  nextAt: number | null,
): Promise<void> {
  await db
    .update(spendNotices)
    .set({
      attempts: sql`${spendNotices.attempts} + 1`,
      lastAttemptAt: now,
      lastError: error.slice(0, 500),
      ...(nextAt === null ? { state: 'dead' as const } : { nextAt }),
    })
    .where(eq(spendNotices.id, id));
}

/** The notices given up on, newest first. */
export async function deadNotices(db: HoDb, limit = 200): Promise<DeadNotice[]> {
  const rows = await db
    .select()
    .from(spendNotices)
    .where(eq(spendNotices.state, 'dead'))
    .orderBy(desc(spendNotices.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    memberId: r.memberId,
    shopId: r.shopId,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt,
    lastAttemptAt: r.lastAttemptAt,
  }));
}

/** Puts a dead notice back in the queue, due now, with a fresh count of attempts. False if there is none. */
export async function retryDead(db: HoDb, id: string, now: number): Promise<boolean> {
  const rows = await db
    .update(spendNotices)
    .set({ state: 'pending', attempts: 0, nextAt: now })
    .where(and(eq(spendNotices.id, id), eq(spendNotices.state, 'dead')))
    .returning({ id: spendNotices.id });
  return rows.length > 0;
}
