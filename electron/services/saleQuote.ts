import { DomainError, type ParsedInput, type SaleQuote } from '../../shared/contract';
import { MAX_SALE_MINOR } from '../../shared/domain/money';
import { computeEarn, lineTotalMinor, type EarnResult } from '../../shared/domain/rules/earn';
import { checkPointsEntry, spendLimits, type SpendLimits } from '../../shared/domain/rules/pointsEntry';
import { quotePointsDiscount } from '../../shared/domain/rules/redeem';
import { redemptionForTier } from '../../shared/domain/rules/rewardPricing';
import type { RuleSet } from '../../shared/domain/rules/ruleSet';
import type { ServiceContext } from '../core/context';
import type { CampaignBonus } from '../../shared/domain/campaigns/applyCampaigns';
import { saleBonuses } from './campaigns';
import { resolveLines } from './categories';
import { currentCard, requireMember, type CardRow, type MemberRow } from './memberView';
import { refuseMergedMember } from './mergedMember';
import { currentRules } from './rules';
import { expireDueLots } from './expiry';
import { lotExpiresAt } from '../../shared/domain/rules/expiryPolicy';
import { requireConfigured, type ConfiguredTerminal } from './terminalRow';
import { birthdayBonusFor, type BirthdayBonus } from './birthdayBonus';
import { memberTierStatus } from './memberTier';
import { loadTiers, tierView } from './tiers';
import { spendableNow } from './spendLimit';

/** Everything a sale needs, worked out once: the preview shows it, the record writes it. */
export interface SaleWork {
  term: ConfiguredTerminal;
  rules: RuleSet;
  member: MemberRow | null;
  /** The sale's lines, each category resolved to the shop's code: what is priced, earned and stored. */
  lines: ParsedInput<'previewSale'>['lines'];
  /** The member's active card, named on the receipt (null for a lost card or no member). */
  card: CardRow | null;
  lineTotals: number[];
  earn: EarnResult;
  /** What running campaigns give on top (each its own ledger row); empty for an anonymous sale. */
  bonuses: CampaignBonus[];
  /** The tier code to store after the sale (the computed tier, a cache): raised at the crossing sale. */
  tierCodeAfter: string | null;
  /** When the lot this sale earns expires, by the policy in force now (null: never). */
  lotExpiresAt: number | null;
  /** The member's birthday bonus given with this sale, if any. */
  birthdayBonus: BirthdayBonus | null;
  quote: SaleQuote;
}

function subtotalOf(lines: ParsedInput<'previewSale'>['lines']): { lineTotals: number[]; subtotal: number } {
  const lineTotals = lines.map(lineTotalMinor);
  const subtotal = lineTotals.reduce((a, b) => a + b, 0);
  // Each line fits the contract, but 200 of them can add up past the absurd-amount guard.
  if (subtotal > MAX_SALE_MINOR)
    throw new DomainError('VALIDATION', { field: 'lines', reason: 'sale_too_large', maxMinor: MAX_SALE_MINOR });
  return { lineTotals, subtotal };
}

/**
 * Refuses points the points field would refuse (pointsEntry.ts), each with its own code, so the
 * till and the API say the same thing; the balance case keeps INSUFFICIENT_POINTS.
 */
function assertSpendable(requested: number, limits: SpendLimits, balance: number): void {
  const entry = checkPointsEntry(requested, limits);
  switch (entry.kind) {
    case 'ok':
      return;
    case 'belowMinimum':
      throw new DomainError('POINTS_BELOW_MINIMUM', { requested, minPoints: entry.minPoints });
    case 'aboveSaleCap':
      throw new DomainError('POINTS_ABOVE_SALE_CAP', { requested, maxPoints: entry.maxPoints });
    case 'aboveBalance': {
      // Below the balance only while offline: then the cashier is told it is the offline cap.
      const capped = entry.balance < Math.max(0, balance);
      const offline = capped ? { spendable: entry.balance, reason: 'offline_cap' } : {};
      throw new DomainError('INSUFFICIENT_POINTS', { balance, requested, ...offline });
    }
    case 'notWhole':
      throw new DomainError('VALIDATION', { field: 'pointsToSpend', reason: 'not_whole' });
  }
}

const bonusTotal = (bonuses: readonly CampaignBonus[]): number => bonuses.reduce((sum, b) => sum + b.points, 0);

/**
 * THE sale calculation, shared by previewSale and recordSale so the cashier is shown exactly
 * what will be written. Reads only; recordSale calls it inside its transaction.
 */
export function quoteSale(ctx: ServiceContext, input: ParsedInput<'previewSale'>): SaleWork {
  const term = requireConfigured(ctx);
  const rules = currentRules(ctx);
  if (!rules) throw new DomainError('NOT_CONFIGURED', { missing: 'rules' });
  const { lineTotals, subtotal } = subtotalOf(input.lines);
  const lines = resolveLines(ctx, input.lines);

  if (input.memberId === null) {
    if (input.pointsToSpend > 0)
      throw new DomainError('VALIDATION', { field: 'pointsToSpend', reason: 'needs_member' });
    const anonymous = { lines, discountMinor: 0, tierCode: null, visitNumber: null, currency: term.currency };
    const earn = computeEarn(rules, anonymous);
    const quote: SaleQuote = {
      subtotalMinor: subtotal,
      discountMinor: 0,
      totalMinor: subtotal,
      pointsSpent: 0,
      maxPointsSpendable: 0,
      pointsEarned: 0,
      ruleVersion: rules.version,
      summary: earn.summary,
      campaignBonuses: [],
      explanation: earn.explanation,
      balanceBefore: null,
      balanceAfter: null,
      tierAfter: null,
      nextTier: null,
      pointsToNextTier: null,
      spendLimits: null,
    };
    return {
      term,
      rules,
      member: null,
      lines,
      card: null,
      lineTotals,
      earn,
      bonuses: [],
      tierCodeAfter: null,
      lotExpiresAt: null,
      birthdayBonus: null,
      quote,
    };
  }

  // Lots due expire first (an expiry row each): what may be spent is then the balance.
  const member = expireDueLots(ctx, refuseMergedMember(ctx, requireMember(ctx, input.memberId)));
  const balance = member.pointsBalance;
  // While offline the sync job's allowance caps what may be spent (README-sync.md).
  const spendable = spendableNow(ctx, member.id, balance);
  const ladder = loadTiers(ctx);
  // The tier by the shop's qualification rule (shared/domain/tierStatus.ts), before and with this sale.
  const before = memberTierStatus(ctx, member, ladder, rules);
  const tierBefore = before.tier;
  // A point's discount value may depend on the member's tier (rewardPricing.ts): one rate for limits and quote.
  const rate = redemptionForTier(rules, tierBefore?.code ?? null);
  const limits = spendLimits(rate, subtotal, spendable);
  assertSpendable(input.pointsToSpend, limits, balance);
  const spend = quotePointsDiscount(rate, {
    requestedPoints: input.pointsToSpend,
    saleTotalMinor: subtotal,
    balance: spendable,
  });
  // A rounding corner (rates that do not divide) can leave a figure the rule took buying nothing.
  if (input.pointsToSpend > 0 && spend.points === 0) {
    throw new DomainError('POINTS_BELOW_MINIMUM', { requested: input.pointsToSpend, minPoints: limits.minPoints });
  }
  const earn = computeEarn(rules, {
    lines,
    discountMinor: spend.discountMinor,
    tierCode: tierBefore?.code ?? null,
    tierName: tierBefore?.name ?? null,
    visitNumber: member.visits + 1,
    currency: term.currency,
  });
  const now = ctx.clock.now();
  const bonus = birthdayBonusFor(ctx, member, rules, tierBefore, now);
  const bonusPoints = bonus?.points ?? 0;
  const bonuses = saleBonuses(ctx, {
    member,
    tierCode: tierBefore?.code ?? null,
    visitNumber: member.visits + 1,
    lines,
    lineEarn: lines.map((_line, i) => earn.lines[i]?.points ?? 0),
    earnedPoints: earn.points,
    paidMinor: subtotal - spend.discountMinor,
  });
  // The programme's points, each campaign's bonus and the birthday bonus: all earned, all qualifying.
  const pointsEarned = earn.points + bonusTotal(bonuses) + bonusPoints;
  const saleEvent = { at: now, points: pointsEarned, spendMinor: subtotal - spend.discountMinor };
  const after = memberTierStatus(ctx, member, ladder, rules, saleEvent);
  const upgraded = after.tier !== null && (tierBefore === null || after.tier.rank > tierBefore.rank);
  const tierUpgrade =
    upgraded && after.tier ? { from: tierBefore ? tierView(tierBefore) : null, to: tierView(after.tier) } : null;
  const explanation: SaleQuote['explanation'] = [...earn.explanation];
  if (bonus) explanation.push({ code: 'birthdayBonus', text: bonus.summary, params: { points: bonus.points } });
  if (tierUpgrade)
    explanation.push({
      code: 'tierUpgrade',
      text: `${tierUpgrade.from?.code ?? '-'} -> ${tierUpgrade.to.code}`,
      params: { from: tierUpgrade.from?.name ?? '', to: tierUpgrade.to.name },
    });
  const card = currentCard(ctx, member.id);
  const quote: SaleQuote = {
    subtotalMinor: subtotal,
    discountMinor: spend.discountMinor,
    totalMinor: subtotal - spend.discountMinor,
    pointsSpent: spend.points,
    maxPointsSpendable: spend.maxPoints,
    pointsEarned,
    ruleVersion: rules.version,
    summary: earn.summary,
    campaignBonuses: bonuses.map((b) => ({ campaignId: b.campaignId, name: b.name, points: b.points })),
    explanation,
    balanceBefore: balance,
    balanceAfter: balance - spend.points + pointsEarned,
    tierAfter: after.tier ? tierView(after.tier) : null,
    nextTier: after.next ? tierView(after.next) : null,
    pointsToNextTier: after.toNext,
    tierUpgrade,
    birthdayBonus: bonusPoints,
    spendLimits: limits,
  };
  return {
    term,
    rules,
    member,
    lines,
    card: card?.status === 'active' ? card : null,
    lineTotals,
    earn,
    bonuses,
    tierCodeAfter: after.computedTier?.code ?? member.tierCode,
    lotExpiresAt: lotExpiresAt(rules.expiry, now, ctx.timeZone),
    birthdayBonus: bonus,
    quote,
  };
}
