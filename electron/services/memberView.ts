import { desc, eq, sql } from 'drizzle-orm';
import { DomainError, type ExpiringSoon, type MemberSummary, type MemberView } from '../../shared/contract';
import { maskPhone } from '../../shared/domain/phone';
import type { TierDef } from '../../shared/domain/tier';
import { cards, members } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { direct } from '../platform/compiledStatements';
import { perDb } from '../platform/transactions';
import { tierStatusView } from '../../shared/contract/tierStatusView';
import { memberTierStatus } from './memberTier';
import { currentRules } from './rules';
import { loadTiers, tierStanding, tierView } from './tiers';
import { expireDueLots, expiringSoonOf } from './expiry';

export type MemberRow = typeof members.$inferSelect;
export type CardRow = typeof cards.$inferSelect;

const statements = perDb((db) => ({
  member: direct(
    db
      .select()
      .from(members)
      .where(eq(members.id, sql.placeholder('id')))
      .prepare(),
  ),
  // The card a member is known by: the active one, else the most recently issued (which then
  // shows the cashier that it is lost or blocked and needs replacing).
  currentCard: direct(
    db
      .select()
      .from(cards)
      .where(eq(cards.memberId, sql.placeholder('memberId')))
      .orderBy(desc(sql`${cards.status} = 'active'`), desc(cards.issuedAt), desc(sql`rowid`))
      .limit(1)
      .prepare(),
  ),
}));

export function findMember(ctx: ServiceContext, memberId: string): MemberRow | undefined {
  return statements(ctx.db).member.get({ id: memberId });
}

export function requireMember(ctx: ServiceContext, memberId: string): MemberRow {
  const row = findMember(ctx, memberId);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'member', memberId });
  return row;
}

export function currentCard(ctx: ServiceContext, memberId: string): CardRow | undefined {
  return statements(ctx.db).currentCard.get({ memberId });
}

/** The one place a member becomes a view: phone masked, tier and progress from the ladder. */
export function buildMemberView(
  member: MemberRow,
  card: CardRow | undefined,
  ladder: TierDef[],
  expiringSoon: ExpiringSoon | null = null,
): MemberView {
  if (!card) throw new Error(`member ${member.id} has no card`);
  const standing = tierStanding(ladder, member.tierCode, member.pointsEarnedTotal);
  return {
    id: member.id,
    name: member.name,
    // Another shop's member (or an erased one): the till holds only the masked form.
    phoneMasked: member.phone === null ? (member.phoneMasked ?? '') : maskPhone(member.phone),
    birthday: member.birthday,
    cardNumber: card.number,
    cardStatus: card.status,
    spendNotices: member.spendNotices,
    tier: standing.tier ? tierView(standing.tier) : null,
    nextTier: standing.nextTier ? tierView(standing.nextTier) : null,
    pointsToNextTier: standing.pointsToNextTier,
    balance: member.pointsBalance,
    expiringSoon,
    pointsEarnedTotal: member.pointsEarnedTotal,
    visits: member.visits,
    lastVisitAt: member.lastVisitAt,
    createdAt: member.createdAt,
  };
}

/** The member's view with their tier by the shop's qualification rule (memberTier.ts). */
export function memberViewOf(ctx: ServiceContext, member: MemberRow, ladder: TierDef[] = loadTiers(ctx)): MemberView {
  // A member on screen has no due lot left: the balance shown is what may be spent.
  const current = expireDueLots(ctx, member);
  const view = buildMemberView(current, currentCard(ctx, current.id), ladder, expiringSoonOf(ctx, current));
  const rules = currentRules(ctx);
  if (rules === null) return view;
  const status = memberTierStatus(ctx, current, ladder, rules);
  return {
    ...view,
    tier: status.tier ? tierView(status.tier) : null,
    nextTier: status.next ? tierView(status.next) : null,
    pointsToNextTier: status.toNext,
    tierStatus: tierStatusView(status, rules.tierQualification),
  };
}

/** Reads a member fresh from the database (after a write) and builds the view. */
export function memberViewById(ctx: ServiceContext, memberId: string): MemberView {
  return memberViewOf(ctx, requireMember(ctx, memberId));
}

export function summaryOf(view: MemberView): MemberSummary {
  return {
    id: view.id,
    name: view.name,
    phoneMasked: view.phoneMasked,
    cardNumber: view.cardNumber,
    balance: view.balance,
    tier: view.tier,
  };
}
