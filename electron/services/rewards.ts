import { and, asc, eq, gte, isNull, or, sql } from 'drizzle-orm';
import { DomainError, type ParsedInput, type RedemptionReceipt, type RewardView } from '../../shared/contract';
import { rewardCost } from '../../shared/domain/rules/redeem';
import { rewardPrice, type RewardPricing } from '../../shared/domain/rules/rewardPricing';
import { takeFromStock } from '../../shared/domain/rules/rewardStock';
import { currentRules } from './rules';
import type { LedgerRecord } from '../../shared/sync/records';
import { members, redemptions, rewards } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { businessDay } from './businessDay';
import { guardPointsSpend } from './memberCheck';
import { requireTierFor } from './rewardTier';
import { requireMember } from './memberView';
import { refuseMergedMember } from './mergedMember';
import { appendOutbox } from '../core/outbox';
import { atomic, perDb } from '../platform/transactions';
import { ledgerInsert } from './sales';
import { expireDueLots } from './expiry';
import { assertCanSpend } from './spendLimit';
import { requireConfigured } from './terminalRow';
import { requireRedeemAllowed } from './staffSettings';

type RewardRow = typeof rewards.$inferSelect;
const p = sql.placeholder;

const statements = perDb((db) => ({
  all: db.select().from(rewards).orderBy(asc(rewards.pointsCost), asc(rewards.code)).prepare(),
  active: db
    .select()
    .from(rewards)
    .where(eq(rewards.active, true))
    .orderBy(asc(rewards.pointsCost), asc(rewards.code))
    .prepare(),
  byId: db
    .select()
    .from(rewards)
    .where(eq(rewards.id, p('id')))
    .prepare(),
  // Guarded: the decrement happens only if the stock is still there (null = unlimited).
  takeStock: db
    .update(rewards)
    .set({ stock: sql`${rewards.stock} - ${p('quantity')}`, updatedAt: sql`${p('at')}` })
    .where(and(eq(rewards.id, p('id')), or(isNull(rewards.stock), gte(rewards.stock, p('quantity')))))
    .prepare(),
  redemption: db
    .insert(redemptions)
    .values({
      id: p('id'),
      memberId: p('memberId'),
      rewardId: p('rewardId'),
      quantity: p('quantity'),
      points: p('points'),
      terminalId: p('terminalId'),
      businessDay: p('businessDay'),
      createdAt: p('createdAt'),
    })
    .prepare(),
  balance: db
    .update(members)
    .set({ pointsBalance: sql`${p('balance')}`, updatedAt: sql`${p('at')}` })
    .where(and(eq(members.id, p('id')), eq(members.pointsBalance, p('balanceBefore'))))
    .prepare(),
}));

export const rewardView = (r: RewardRow, pricing?: RewardPricing): RewardView => {
  const price = rewardPrice(r, pricing, r.stock);
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    category: r.category,
    pointsCost: r.pointsCost,
    cashValueMinor: r.cashValueMinor,
    stock: r.stock,
    active: r.active,
    price: price.points,
    priceReasons: price.reasons,
    minTierCode: r.minTierCode,
  };
};

/** The catalogue, cheapest first; inactive rewards only when asked (the manager's screen). */
export function listRewards(ctx: ServiceContext, input: ParsedInput<'listRewards'>): RewardView[] {
  const st = statements(ctx.db);
  const pricing = currentRules(ctx)?.rewardPricing;
  return (input.includeInactive ? st.all.all() : st.active.all()).map((r) => rewardView(r, pricing));
}

/**
 * A member spends points on a reward: the redemption, the stock, the ledger row, the cached
 * balance and the outbox record are written in ONE transaction, after every check passed.
 */
export function redeemReward(ctx: ServiceContext, input: ParsedInput<'redeemReward'>): RedemptionReceipt {
  return atomic(ctx, () => {
    const term = requireConfigured(ctx);
    const st = statements(ctx.db);
    // Lots due expire first (an expiry row each): expired points cannot be spent.
    const member = expireDueLots(ctx, refuseMergedMember(ctx, requireMember(ctx, input.memberId)));
    const reward = st.byId.get({ id: input.rewardId });
    if (!reward) throw new DomainError('NOT_FOUND', { entity: 'reward', rewardId: input.rewardId });
    if (!reward.active) throw new DomainError('REWARD_INACTIVE', { rewardId: reward.id });
    requireTierFor(ctx, member, reward.minTierCode);
    // The shop's stock as this till last pulled it, less what it gave since (offline too): never past it.
    const take = takeFromStock(reward.stock, input.quantity);
    if (!take.ok) throw new DomainError('OUT_OF_STOCK', { stock: take.left, requested: input.quantity });
    // The price at the stock before this redemption, by the shop's rules in force (rewardPricing.ts).
    const cost = rewardCost(rewardPrice(reward, currentRules(ctx)?.rewardPricing, reward.stock).points, input.quantity);
    const balance = member.pointsBalance;
    // The balance online; the offline allowance while head office is out of reach.
    assertCanSpend(ctx, member.id, balance, cost);
    requireRedeemAllowed(ctx, term, cost, 'redeemReward');
    // Above the shop's threshold, the member's PIN or identity check, passed just before.
    guardPointsSpend(ctx, member, cost, input.memberCheck);

    const now = ctx.clock.now();
    const day = businessDay(now, ctx.timeZone);
    const redemptionId = ctx.ids.uuid();
    const balanceAfter = balance - cost;
    st.redemption.run({
      id: redemptionId,
      memberId: member.id,
      rewardId: reward.id,
      quantity: input.quantity,
      points: cost,
      terminalId: term.terminalId,
      businessDay: day,
      createdAt: now,
    });
    if (st.takeStock.run({ id: reward.id, quantity: input.quantity, at: now }).changes !== 1) {
      throw new DomainError('OUT_OF_STOCK', { stock: reward.stock ?? 0, requested: input.quantity });
    }
    const ledger: LedgerRecord[] = [];
    if (cost > 0) {
      const row: LedgerRecord = {
        id: ctx.ids.uuid(),
        memberId: member.id,
        kind: 'redeem',
        delta: -cost,
        ruleVersion: null,
        campaignId: null,
        createdAt: now,
      };
      ledgerInsert(ctx).run({
        ...row,
        balanceAfter,
        saleId: null,
        redemptionId,
        summary: `${input.quantity} × ${reward.name} (${reward.code})`,
        terminalId: term.terminalId,
        expiresAt: null,
      });
      ledger.push(row);
      if (st.balance.run({ id: member.id, balanceBefore: balance, balance: balanceAfter, at: now }).changes !== 1) {
        throw new Error(`member ${member.id} changed during the redemption`);
      }
    }
    appendOutbox(ctx, 'redemption', redemptionId, {
      id: redemptionId,
      memberId: member.id,
      rewardId: reward.id,
      quantity: input.quantity,
      points: cost,
      businessDay: day,
      createdAt: now,
      ledger,
    });
    return {
      redemptionId,
      memberId: member.id,
      rewardId: reward.id,
      rewardName: reward.name,
      quantity: input.quantity,
      pointsSpent: cost,
      balanceAfter,
      stockAfter: take.stockAfter,
      createdAt: now,
    };
  });
}
