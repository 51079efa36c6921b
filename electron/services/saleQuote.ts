import { DomainError, type ParsedInput, type SaleQuote } from '../../shared/contract';
import { MAX_SALE_MINOR } from '../../shared/domain/money';
import { computeEarn, lineTotalMinor, type EarnResult } from '../../shared/domain/rules/earn';
import { quotePointsDiscount } from '../../shared/domain/rules/redeem';
import type { RuleSet } from '../../shared/domain/rules/ruleSet';
import { tierFor, type TierDef } from '../../shared/domain/tier';
import type { ServiceContext } from '../core/context';
import { currentCard, requireMember, type CardRow, type MemberRow } from './memberView';
import { currentRules } from './rules';
import { requireConfigured, type ConfiguredTerminal } from './terminalRow';
import { loadTiers, tierStanding, tierView } from './tiers';
import { assertCanSpend, spendableNow } from './sync';

/** Everything a sale needs, worked out once: the preview shows it, the record writes it. */
export interface SaleWork {
  term: ConfiguredTerminal;
  rules: RuleSet;
  member: MemberRow | null;
  /** The member's active card, named on the receipt (null for a lost card or no member). */
  card: CardRow | null;
  lineTotals: number[];
  earn: EarnResult;
  /** The tier code to store after the sale: raised only at the sale that crosses a threshold. */
  tierCodeAfter: string | null;
  quote: SaleQuote;
}

function subtotalOf(lines: ParsedInput<'previewSale'>['lines']): { lineTotals: number[]; subtotal: number } {
  const lineTotals = lines.map(lineTotalMinor);
  const subtotal = lineTotals.reduce((a, b) => a + b, 0);
  // Each line fits the contract, but 200 of them can add up past the absurd-amount guard.
  if (subtotal > MAX_SALE_MINOR) throw new DomainError('VALIDATION', { field: 'lines', reason: 'sale_too_large', maxMinor: MAX_SALE_MINOR });
  return { lineTotals, subtotal };
}

/** The tier after the sale: the one before, raised if the sale's points qualify for a higher one. */
function tierAfterSale(ladder: TierDef[], before: TierDef | null, earnedAfter: number): TierDef | null {
  const qualified = tierFor(ladder, earnedAfter);
  return qualified !== null && (before === null || qualified.rank > before.rank) ? qualified : before;
}

/**
 * THE sale calculation, shared by previewSale and recordSale so the cashier is shown exactly
 * what will be written. Reads only; recordSale calls it inside its transaction.
 */
export function quoteSale(ctx: ServiceContext, input: ParsedInput<'previewSale'>): SaleWork {
  const term = requireConfigured(ctx);
  const rules = currentRules(ctx);
  if (!rules) throw new DomainError('NOT_CONFIGURED', { missing: 'rules' });
  const { lineTotals, subtotal } = subtotalOf(input.lines);
  const lines = input.lines;

  if (input.memberId === null) {
    if (input.pointsToSpend > 0) throw new DomainError('VALIDATION', { field: 'pointsToSpend', reason: 'needs_member' });
    const anonymous = { lines, discountMinor: 0, tierCode: null, visitNumber: null, currency: term.currency };
    const earn = computeEarn(rules, anonymous);
    const quote: SaleQuote = {
      subtotalMinor: subtotal, discountMinor: 0, totalMinor: subtotal, pointsSpent: 0, maxPointsSpendable: 0,
      pointsEarned: 0, ruleVersion: rules.version, summary: earn.summary, explanation: earn.explanation,
      balanceBefore: null, balanceAfter: null, tierAfter: null, nextTier: null, pointsToNextTier: null,
    };
    return { term, rules, member: null, card: null, lineTotals, earn, tierCodeAfter: null, quote };
  }

  const member = requireMember(ctx, input.memberId);
  const balance = member.pointsBalance;
  // While offline the sync job's allowance caps what may be spent (README-sync.md).
  const spendable = spendableNow(ctx, member.id, balance);
  assertCanSpend(ctx, member.id, balance, input.pointsToSpend, spendable);
  const spend = quotePointsDiscount(rules, { requestedPoints: input.pointsToSpend, saleTotalMinor: subtotal, balance: spendable });
  const ladder = loadTiers(ctx);
  const tierBefore = tierStanding(ladder, member.tierCode, member.pointsEarnedTotal).tier;
  const earn = computeEarn(rules, {
    lines, discountMinor: spend.discountMinor, tierCode: tierBefore?.code ?? null, tierName: tierBefore?.name ?? null, visitNumber: member.visits + 1,
    currency: term.currency,
  });
  const earnedAfter = member.pointsEarnedTotal + earn.points;
  const tierAfter = tierAfterSale(ladder, tierBefore, earnedAfter);
  const after = tierStanding(ladder, tierAfter?.code ?? null, earnedAfter);
  const card = currentCard(ctx, member.id);
  const quote: SaleQuote = {
    subtotalMinor: subtotal,
    discountMinor: spend.discountMinor,
    totalMinor: subtotal - spend.discountMinor,
    pointsSpent: spend.points,
    maxPointsSpendable: spend.maxPoints,
    pointsEarned: earn.points,
    ruleVersion: rules.version,
    summary: earn.summary,
    explanation: earn.explanation,
    balanceBefore: balance,
    balanceAfter: balance - spend.points + earn.points,
    tierAfter: after.tier ? tierView(after.tier) : null,
    nextTier: after.nextTier ? tierView(after.nextTier) : null,
    pointsToNextTier: after.pointsToNextTier,
  };
  return {
    term, rules, member, card: card?.status === 'active' ? card : null, lineTotals, earn,
    tierCodeAfter: after.tier?.code ?? member.tierCode, quote,
  };
}
