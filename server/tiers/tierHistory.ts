import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { earnedChange } from '../../shared/domain/pointsEarned';
import { tierTimeline, type TimelineEvent, type TimelineOverride } from '../../shared/domain/tierTimeline';
import { officeProgramme } from './officeLadder';
import type { HoDb } from '../store/connect';
import { ledger, memberMerges, members, sales, terminals, tierChanges, tierOverrides } from '../store/schema';
import { shopTimeZone } from '../sync/shopTimeZone';
import { dayIn } from '../stats/summaryDeltas';
import { addTierMoves, type TierMove } from '../stats/tierMoves';

/** Namespace of the per-member advisory locks of the tier history. */
const TIER_HISTORY_LOCK_NAMESPACE = 7_302_117;

/**
 * Brings the tier history of `memberIds` up to `now` (server/tiers/README.md): each member's rows are
 * read by their indexes, THE tier rule finds the changes after the last one kept, and they are
 * appended, in the caller's transaction. Nothing when the programme has no tier ladder.
 */
export async function recordTierChanges(tx: HoDb, memberIds: readonly string[], now: number): Promise<number> {
  const ids = [...new Set(memberIds)].sort();
  if (ids.length === 0) return 0;
  const { rules, ladder } = await officeProgramme(tx, now);
  if (ladder.length === 0) return 0;
  // Two derivations of one member take turns here (in id order: no deadlock), so a change is appended once.
  await tx.execute(
    sql`SELECT count(pg_advisory_xact_lock(${TIER_HISTORY_LOCK_NAMESPACE}, hashtext(id)))
      FROM (SELECT value AS id FROM json_array_elements_text(${JSON.stringify(ids)}::json) ORDER BY 1) AS m`,
  );
  const [memberRows, ledgerRows, saleRows, overrideRows, lastRows, mergeRows] = await Promise.all([
    tx.select({ id: members.id, homeShopId: members.homeShopId }).from(members).where(inArray(members.id, ids)),
    tx
      .select({
        id: ledger.id,
        memberId: ledger.memberId,
        kind: ledger.kind,
        delta: ledger.delta,
        createdAt: ledger.createdAt,
        reversesId: ledger.reversesId,
        saleId: ledger.saleId,
        shopId: ledger.shopId,
      })
      .from(ledger)
      .where(and(inArray(ledger.memberId, ids), inArray(ledger.kind, ['earn', 'reversal']))),
    tx
      .select({
        id: sales.id,
        memberId: sales.memberId,
        totalMinor: sales.totalMinor,
        createdAt: sales.createdAt,
        shopId: sales.shopId,
      })
      .from(sales)
      .where(inArray(sales.memberId, ids)),
    tx
      .select({
        id: tierOverrides.id,
        memberId: tierOverrides.memberId,
        tierCode: tierOverrides.tierCode,
        reason: tierOverrides.reason,
        setAt: tierOverrides.setAt,
        endsAt: tierOverrides.endsAt,
        shopId: terminals.shopId,
      })
      .from(tierOverrides)
      .leftJoin(terminals, eq(terminals.id, tierOverrides.terminalId))
      .where(inArray(tierOverrides.memberId, ids))
      .orderBy(asc(tierOverrides.setAt), asc(tierOverrides.id)),
    tx
      .selectDistinctOn([tierChanges.memberId], {
        memberId: tierChanges.memberId,
        at: tierChanges.at,
        toTier: tierChanges.toTier,
      })
      .from(tierChanges)
      .where(inArray(tierChanges.memberId, ids))
      .orderBy(tierChanges.memberId, desc(tierChanges.at), desc(tierChanges.id)),
    tx
      .select({ duplicateId: memberMerges.duplicateId, mergedAt: memberMerges.mergedAt })
      .from(memberMerges)
      .where(inArray(memberMerges.duplicateId, ids)),
  ]);
  // A merged duplicate is no member of the tier views after its merge (README.md): its history goes on alone.
  const mergedAt = new Map(mergeRows.map((r) => [r.duplicateId, r.mergedAt]));
  const zones = new Map<string | null, string>();
  const zoneOf = async (shopId: string | null): Promise<string> => {
    const known = zones.get(shopId);
    if (known !== undefined) return known;
    const zone = await shopTimeZone(tx, shopId);
    zones.set(shopId, zone);
    return zone;
  };
  const last = new Map(lastRows.map((r) => [r.memberId, r]));
  const rows: (typeof tierChanges.$inferInsert)[] = [];
  const moves: TierMove[] = [];
  for (const member of memberRows) {
    const mine = ledgerRows.filter((r) => r.memberId === member.id);
    const earnedAt = new Map(mine.filter((r) => r.kind === 'earn').map((r) => [r.id, r.createdAt]));
    const events: TimelineEvent[] = [];
    for (const r of mine) {
      const points = earnedChange(r.kind, r.delta);
      if (points === 0) continue;
      const reversed = r.kind === 'reversal' && r.reversesId ? earnedAt.get(r.reversesId) : undefined;
      events.push({
        at: r.createdAt,
        points,
        spendMinor: 0,
        shopId: r.shopId,
        recordId: r.saleId ?? r.id,
        ...(reversed === undefined ? {} : { earnedAt: reversed }),
      });
    }
    for (const s of saleRows)
      if (s.memberId === member.id)
        events.push({ at: s.createdAt, points: 0, spendMinor: s.totalMinor, shopId: s.shopId, recordId: s.id });
    const overrides: TimelineOverride[] = overrideRows
      .filter((o) => o.memberId === member.id)
      .map((o) => ({ ...o, shopId: o.shopId ?? null }));
    const known = last.get(member.id);
    const zone = await zoneOf(member.homeShopId);
    const changes = tierTimeline({
      ladder,
      policy: rules.tierQualification,
      events: events.sort((a, b) => a.at - b.at),
      overrides,
      timeZone: zone,
      after: known?.at ?? null,
      heldTier: known?.toTier ?? null,
      // A till's clock a little ahead of head office's must not hide its own record's change.
      now: events.reduce((latest, e) => Math.max(latest, e.at), now),
    });
    for (const c of changes) {
      if (c.at <= (mergedAt.get(member.id) ?? Infinity))
        moves.push({ shopId: member.homeShopId, day: dayIn(c.at, zone), fromTier: c.fromTier, toTier: c.toTier });
      rows.push({
        memberId: member.id,
        fromTier: c.fromTier,
        toTier: c.toTier,
        reason: c.why,
        at: c.at,
        shopId: c.shopId,
        recordId: c.recordId,
      });
    }
  }
  if (rows.length > 0) await tx.insert(tierChanges).values(rows);
  // The tier views' summary, in the same transaction (server/stats/README.md).
  await addTierMoves(tx, moves);
  return rows.length;
}
