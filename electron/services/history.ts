import { count, desc, eq, sql } from 'drizzle-orm';
import type { ChannelOutput, ParsedInput } from '../../shared/contract';
import { pointsLedger, redemptions, rewards, saleLines, sales } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { ledgerEntryView } from './ledgerDetail';
import { requireMember } from './memberView';
import { perDb } from '../platform/transactions';

const p = sql.placeholder;

// Newest first; rowid breaks ties between rows written in the same millisecond, in write order.
const statements = perDb((db) => ({
  salesPage: db
    .select({
      saleId: sales.id,
      createdAt: sales.createdAt,
      totalMinor: sales.totalMinor,
      discountMinor: sales.discountMinor,
      pointsEarned: sales.pointsEarned,
      pointsSpent: sales.pointsSpent,
      summary: sales.earnSummary,
      lineCount: sql<number>`(SELECT count(*) FROM ${saleLines} WHERE ${saleLines.saleId} = ${sales.id})`,
    })
    .from(sales)
    .where(eq(sales.memberId, p('memberId')))
    .orderBy(desc(sales.createdAt), desc(sql`${sales}.rowid`))
    .limit(p('limit'))
    .offset(p('offset'))
    .prepare(),
  salesCount: db
    .select({ n: count() })
    .from(sales)
    .where(eq(sales.memberId, p('memberId')))
    .prepare(),
  ledgerPage: db
    .select({
      id: pointsLedger.id,
      kind: pointsLedger.kind,
      delta: pointsLedger.delta,
      balanceAfter: pointsLedger.balanceAfter,
      summary: pointsLedger.summary,
      saleId: pointsLedger.saleId,
      redemptionId: pointsLedger.redemptionId,
      ruleVersion: pointsLedger.ruleVersion,
      createdAt: pointsLedger.createdAt,
      explanationJson: sales.explanationJson,
      saleDiscountMinor: sales.discountMinor,
      saleCurrency: sales.currency,
      redeemedQuantity: redemptions.quantity,
      rewardName: rewards.name,
    })
    .from(pointsLedger)
    .leftJoin(sales, eq(sales.id, pointsLedger.saleId))
    .leftJoin(redemptions, eq(redemptions.id, pointsLedger.redemptionId))
    .leftJoin(rewards, eq(rewards.id, redemptions.rewardId))
    .where(eq(pointsLedger.memberId, p('memberId')))
    .orderBy(desc(pointsLedger.createdAt), desc(sql`${pointsLedger}.rowid`))
    .limit(p('limit'))
    .offset(p('offset'))
    .prepare(),
  ledgerCount: db
    .select({ n: count() })
    .from(pointsLedger)
    .where(eq(pointsLedger.memberId, p('memberId')))
    .prepare(),
}));

function pageArgs(memberId: string, input: { page: number; pageSize: number }) {
  return { memberId, limit: input.pageSize, offset: input.page * input.pageSize };
}

/** A member's sales, newest first, one page at a time, with the total for the pager. */
export function memberSales(ctx: ServiceContext, input: ParsedInput<'memberSales'>): ChannelOutput<'memberSales'> {
  const member = requireMember(ctx, input.memberId);
  const st = statements(ctx.db);
  const items = st.salesPage.all(pageArgs(member.id, input));
  const total = st.salesCount.get({ memberId: member.id })?.n ?? 0;
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** A member's points movements, newest first, each with the balance right after it. */
export function memberLedger(ctx: ServiceContext, input: ParsedInput<'memberLedger'>): ChannelOutput<'memberLedger'> {
  const member = requireMember(ctx, input.memberId);
  const st = statements(ctx.db);
  const items = st.ledgerPage.all(pageArgs(member.id, input)).map(ledgerEntryView);
  const total = st.ledgerCount.get({ memberId: member.id })?.n ?? 0;
  return { items, total, page: input.page, pageSize: input.pageSize };
}
