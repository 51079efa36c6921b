import { and, asc, desc, gt, inArray, lte } from 'drizzle-orm';
import type { HoDb } from '../store/connect';
import { tierChanges } from '../store/schema';
import { officeProgramme } from './officeLadder';

/** Members looked up per query (a bound parameter each). */
const CHUNK = 5_000;

/**
 * Each member's tier at an instant by the kept history (README.md): the latest change at or before
 * it, else the ladder's entry tier (a history starts there with no row; null without a ladder).
 * Reads ho_tier_changes by its (member_id, at) index, a chunk of members at a time.
 */
export async function tiersAt(
  db: HoDb,
  memberIds: readonly string[],
  at: number,
  now: number,
): Promise<Map<string, string | null>> {
  const { ladder } = await officeProgramme(db, now);
  const entry = [...ladder].sort((a, b) => a.rank - b.rank)[0]?.code ?? null;
  const ids = [...new Set(memberIds)];
  const tiers = new Map<string, string | null>(ids.map((id) => [id, entry]));
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectDistinctOn([tierChanges.memberId], { memberId: tierChanges.memberId, toTier: tierChanges.toTier })
      .from(tierChanges)
      .where(and(inArray(tierChanges.memberId, ids.slice(i, i + CHUNK)), lte(tierChanges.at, at)))
      .orderBy(tierChanges.memberId, desc(tierChanges.at), desc(tierChanges.id));
    for (const r of rows) tiers.set(r.memberId, r.toTier);
  }
  return tiers;
}

/**
 * Each member's tier at any instant of (`from`, `to`] as tiersAt would answer it: their tier at `from`,
 * then the changes kept after it, in order (one read of the range per chunk, not one per instant).
 */
export async function tiersDuring(
  db: HoDb,
  memberIds: readonly string[],
  from: number,
  to: number,
  now: number,
): Promise<(memberId: string, at: number) => string | null> {
  const start = await tiersAt(db, memberIds, from, now);
  const ids = [...start.keys()];
  const changes = new Map<string, { at: number; toTier: string | null }[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .select({ memberId: tierChanges.memberId, at: tierChanges.at, toTier: tierChanges.toTier })
      .from(tierChanges)
      .where(
        and(inArray(tierChanges.memberId, ids.slice(i, i + CHUNK)), gt(tierChanges.at, from), lte(tierChanges.at, to)),
      )
      .orderBy(tierChanges.memberId, asc(tierChanges.at), asc(tierChanges.id));
    for (const r of rows) changes.set(r.memberId, [...(changes.get(r.memberId) ?? []), r]);
  }
  return (memberId, at) => {
    let tier = start.get(memberId) ?? null;
    for (const c of changes.get(memberId) ?? []) {
      if (c.at > at) break;
      tier = c.toTier;
    }
    return tier;
  };
}
