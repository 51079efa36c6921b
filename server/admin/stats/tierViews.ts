import { and, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { StatsTierMovesAnswer, StatsTiersAnswer } from '../../../shared/admin/statsViews';
import type { TierDef } from '../../../shared/domain/tier';
import { periodsIn, rateBp } from '../../../shared/stats/periods';
import { officeProgramme } from '../../tiers/officeLadder';
import type { HoDb } from '../../store/connect';
import { tierMoves } from '../../store/schema';
import { MERGED_OUT } from '../../stats/tierMoves';
import { sumsBefore, sumsByPeriod } from './daySums';
import type { RangeAsked } from './rangeViews';

// The tier views (server/stats/README.md "Tier views"): read from ho_tier_moves, an index range by
// day of a few rows per (day, shop, from, to), never ho_tier_changes. '' there is "no tier".
// Members are counted by their home shop, as statsGrowth counts them.

interface MoveSum {
  day: string;
  fromTier: string;
  toTier: string;
  changes: number;
}

const ofShops = (shops: RangeAsked['shops']): SQL | undefined =>
  shops === null ? undefined : inArray(tierMoves.shopId, [...shops]);

const changes = sql<number>`sum(${tierMoves.changes})`.mapWith(Number);

async function movesBefore(db: HoDb, day: string, shops: RangeAsked['shops']): Promise<Omit<MoveSum, 'day'>[]> {
  return db
    .select({ fromTier: tierMoves.fromTier, toTier: tierMoves.toTier, changes })
    .from(tierMoves)
    .where(and(lt(tierMoves.day, day), ofShops(shops)))
    .groupBy(tierMoves.fromTier, tierMoves.toTier);
}

async function movesIn(db: HoDb, q: RangeAsked): Promise<MoveSum[]> {
  return db
    .select({ day: tierMoves.day, fromTier: tierMoves.fromTier, toTier: tierMoves.toTier, changes })
    .from(tierMoves)
    .where(and(gte(tierMoves.day, q.from), lte(tierMoves.day, q.to), ofShops(q.shops)))
    .groupBy(tierMoves.day, tierMoves.fromTier, tierMoves.toTier)
    .orderBy(tierMoves.day);
}

/** The ladder lowest first, then codes the history holds that it no longer has (named by their code). */
function tiersNamed(ladder: readonly TierDef[], seen: Iterable<string>): { code: string; name: string }[] {
  const tiers = [...ladder].sort((a, b) => a.rank - b.rank).map((t) => ({ code: t.code, name: t.name }));
  const known = new Set(tiers.map((t) => t.code));
  for (const code of [...new Set(seen)].sort())
    if (code !== '' && !known.has(code)) {
      known.add(code);
      tiers.push({ code, name: code });
    }
  return tiers;
}

// A merged duplicate's move out (MERGED_OUT) names no tier: it only leaves the one it was on.
const codesOf = (rows: readonly Omit<MoveSum, 'day'>[]): string[] =>
  rows.flatMap((r) => [r.fromTier, r.toTier]).filter((code) => code !== MERGED_OUT);

export async function tiersView(db: HoDb, q: RangeAsked, now: number): Promise<z.infer<typeof StatsTiersAnswer>> {
  // One after another: readDb may be a single connection.
  const { ladder } = await officeProgramme(db, now);
  const before = await movesBefore(db, q.from, q.shops);
  const inRange = await movesIn(db, q);
  const membersBefore = await sumsBefore(db, q.from, q.shops);
  const newByPeriod = await sumsByPeriod(db, q.from, q.to, q.period, q.shops);
  const tiers = tiersNamed(ladder, [...codesOf(before), ...codesOf(inRange)]);
  const held = new Map<string, number>();
  const apply = (m: Omit<MoveSum, 'day'>): void => {
    held.set(m.fromTier, (held.get(m.fromTier) ?? 0) - m.changes);
    held.set(m.toTier, (held.get(m.toTier) ?? 0) + m.changes);
  };
  before.forEach(apply);
  // A member's history starts at the entry tier (tierTimeline.ts) with no row: every member is counted
  // there, and their changes move them on (no ladder: no tier).
  const entry = [...ladder].sort((a, b) => a.rank - b.rank)[0]?.code ?? '';
  let members = membersBefore.newMembers;
  let next = 0;
  const periods = newByPeriod.map(({ key, from, to, sums }) => {
    members += sums.newMembers;
    for (let m = inRange[next]; m && m.day <= to; m = inRange[++next]) apply(m);
    const count = (code: string): number => (held.get(code) ?? 0) + (code === entry ? members : 0);
    const byTier = tiers.map((t) => count(t.code));
    // A merged duplicate is no member any more (its move out is counted on MERGED_OUT).
    const kept = members - (held.get(MERGED_OUT) ?? 0);
    return {
      key,
      from,
      to,
      members: kept,
      noTier: count(''),
      byTier,
      byTierBp: byTier.map((n) => rateBp(n, kept)),
    };
  });
  return { from: q.from, to: q.to, period: q.period, tiers, periods };
}

export async function tierMovesView(
  db: HoDb,
  q: RangeAsked,
  now: number,
): Promise<z.infer<typeof StatsTierMovesAnswer>> {
  const { ladder } = await officeProgramme(db, now);
  const inRange = await movesIn(db, q);
  const tiers = tiersNamed(ladder, codesOf(inRange));
  // No tier is below every tier; a code the ladder dropped ranks below the ladder's (by its place in `tiers`).
  const rank = new Map(tiers.map((t, i) => [t.code, ladder.some((l) => l.code === t.code) ? i + tiers.length : i]));
  const rankOf = (code: string): number => (code === '' ? -1 : (rank.get(code) ?? -1));
  const pairs = new Map<string, { fromTier: string | null; toTier: string | null; changes: number }>();
  const periods = periodsIn(q.from, q.to, q.period).map((span) => ({ ...span, upgrades: 0, downgrades: 0 }));
  // A merge is neither an upgrade nor a downgrade: the duplicate just stops being a member.
  for (const m of inRange.filter((move) => move.toTier !== MERGED_OUT)) {
    const span = periods.find((p) => p.from <= m.day && m.day <= p.to);
    const up = rankOf(m.toTier) > rankOf(m.fromTier);
    if (span) {
      if (up) span.upgrades += m.changes;
      else span.downgrades += m.changes;
    }
    const key = `${m.fromTier}\u0000${m.toTier}`;
    const pair = pairs.get(key) ?? { fromTier: m.fromTier || null, toTier: m.toTier || null, changes: 0 };
    pair.changes += m.changes;
    pairs.set(key, pair);
  }
  const moves = [...pairs.values()].sort(
    (a, b) => rankOf(a.fromTier ?? '') - rankOf(b.fromTier ?? '') || rankOf(a.toTier ?? '') - rankOf(b.toTier ?? ''),
  );
  return { from: q.from, to: q.to, period: q.period, tiers, periods, moves };
}
