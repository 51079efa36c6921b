import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { MEMBER_DETAIL_SALES, type MemberDetailAnswer, type MemberDetailQuery } from '../../../shared/admin/members';
import type { HoDb } from '../../store/connect';
import { cards, ledger, members, redemptions, saleLines, sales, tierChanges } from '../../store/schema';
import { HoError } from '../../http/errors';
import type { ShopFilter } from '../reports';
import { balancesOf, inShops, memberHit } from './findMembers';

/** The member the caller may see (a shop manager: their shops' members), or 404 as for a missing one. */
export async function visibleMember(db: HoDb, memberId: string, shops: ShopFilter) {
  const [member] = await db
    .select()
    .from(members)
    .where(and(eq(members.id, memberId), inShops(shops)));
  if (!member) throw new HoError('NOT_FOUND', `No member ${memberId}.`);
  return member;
}

/**
 * Everything the console shows of one member, each part by its member index: cards, the tier history
 * (ho_tier_changes), one page of the ledger (newest first), the newest sales with their lines, redemptions.
 */
export async function memberDetail(
  db: HoDb,
  memberId: string,
  query: MemberDetailQuery,
  shops: ShopFilter,
): Promise<MemberDetailAnswer> {
  const member = await visibleMember(db, memberId, shops);
  const cardRows = await db
    .select({ number: cards.number, status: cards.status, at: cards.at })
    .from(cards)
    .where(eq(cards.memberId, memberId))
    .orderBy(desc(cards.at), asc(cards.number));
  const history = await db
    .select({
      at: tierChanges.at,
      fromTier: tierChanges.fromTier,
      toTier: tierChanges.toTier,
      reason: tierChanges.reason,
      shopId: tierChanges.shopId,
      recordId: tierChanges.recordId,
    })
    .from(tierChanges)
    .where(eq(tierChanges.memberId, memberId))
    .orderBy(desc(tierChanges.at), desc(tierChanges.id));
  const [ledgerTotal] = await db.select({ n: count() }).from(ledger).where(eq(ledger.memberId, memberId));
  const ledgerRows = await db
    .select({
      id: ledger.id,
      kind: ledger.kind,
      delta: ledger.delta,
      shopId: ledger.shopId,
      saleId: ledger.saleId,
      redemptionId: ledger.redemptionId,
      createdAt: ledger.createdAt,
    })
    .from(ledger)
    .where(eq(ledger.memberId, memberId))
    .orderBy(desc(ledger.createdAt), desc(ledger.id))
    .limit(query.ledgerPageSize)
    .offset((query.ledgerPage - 1) * query.ledgerPageSize);
  const saleRows = await db
    .select({
      id: sales.id,
      shopId: sales.shopId,
      businessDay: sales.businessDay,
      totalMinor: sales.totalMinor,
      pointsEarned: sales.pointsEarned,
      pointsSpent: sales.pointsSpent,
      currency: sales.currency,
      createdAt: sales.createdAt,
    })
    .from(sales)
    .where(eq(sales.memberId, memberId))
    .orderBy(desc(sales.createdAt), desc(sales.id))
    .limit(MEMBER_DETAIL_SALES);
  const lines =
    saleRows.length === 0
      ? []
      : await db
          .select()
          .from(saleLines)
          .where(
            inArray(
              saleLines.saleId,
              saleRows.map((s) => s.id),
            ),
          )
          .orderBy(asc(saleLines.saleId), asc(saleLines.lineNo));
  const redemptionRows = await db
    .select({
      id: redemptions.id,
      shopId: redemptions.shopId,
      rewardId: redemptions.rewardId,
      quantity: redemptions.quantity,
      points: redemptions.points,
      createdAt: redemptions.createdAt,
    })
    .from(redemptions)
    .where(eq(redemptions.memberId, memberId))
    .orderBy(desc(redemptions.createdAt), desc(redemptions.id))
    .limit(MEMBER_DETAIL_SALES);
  const balance = (await balancesOf(db, [memberId])).get(memberId) ?? 0;
  return {
    member: { ...memberHit(member, balance), birthday: member.birthday },
    cards: cardRows,
    tierHistory: history,
    ledger: {
      rows: ledgerRows,
      total: Number(ledgerTotal?.n ?? 0),
      page: query.ledgerPage,
      pageSize: query.ledgerPageSize,
    },
    sales: saleRows.map((s) => ({
      ...s,
      lines: lines
        .filter((l) => l.saleId === s.id)
        .map((l) => ({
          lineNo: l.lineNo,
          sku: l.sku,
          name: l.name,
          quantity: l.quantity,
          unitPriceMinor: l.unitPriceMinor,
          lineTotalMinor: l.lineTotalMinor,
          points: l.points,
        })),
    })),
    redemptions: redemptionRows,
  };
}

/** A member's whole phone (the route's audit row records the reveal in the same transaction). */
export async function memberPhone(
  db: HoDb,
  memberId: string,
  shops: ShopFilter,
): Promise<{ memberId: string; phone: string }> {
  const member = await visibleMember(db, memberId, shops);
  if (member.erasedAt !== null) throw new HoError('NOT_FOUND', `Member ${memberId} was erased.`);
  return { memberId, phone: member.phone };
}
