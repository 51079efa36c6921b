import { formatMoney } from '../../../shared/domain/money';
import { computeEarn, lineTotalMinor } from '../../../shared/domain/rules/earn';
import { quotePointsDiscount } from '../../../shared/domain/rules/redeem';
import type { RuleSet } from '../../../shared/domain/rules/ruleSet';
import type { TierDef } from '../../../shared/domain/tier';
import { tierStanding } from '../../../electron/services/tiers';
import type { Product } from './catalogue';
import type { Inserts } from './inserts';
import type { Random } from './random';
import type { Roster } from './roster';
import type { LotExpiry } from './expiringLots';

export interface SaleContext {
  random: Random;
  rules: RuleSet;
  ladder: TierDef[];
  products: Product[];
  roster: Roster;
  inserts: Inserts;
  terminalId: string;
  currency: string;
  businessDay: (ms: number) => string;
  /** The rule version and lot expiry at an instant (expiringLots.ts). */
  lots: LotExpiry;
}

export interface MadeSale {
  id: string;
  payloadJson: string;
  ledgerRows: number;
}

interface Line {
  lineNo: number;
  sku: string;
  name: string;
  category: string;
  quantity: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
  points: number;
}

function basket(ctx: SaleContext): Omit<Line, 'lineNo' | 'lineTotalMinor' | 'points'>[] {
  const { random, products } = ctx;
  const count = random.geometric(0.42, 12);
  return Array.from({ length: count }, () => {
    const product = products[random.skewedIndex(products.length, 2)];
    if (!product) throw new Error('empty catalogue');
    const quantity = random.chance(0.75) ? 1 : random.chance(0.6) ? 2 : 3 + random.int(4);
    return {
      sku: product.sku,
      name: product.name,
      category: product.category,
      quantity,
      unitPriceMinor: product.unitPriceMinor,
    };
  });
}

/** The points a member asks to spend: now and then, part or all of what the sale can take. */
function pointsWanted(ctx: SaleContext, balance: number): number {
  if (balance < Math.max(100, ctx.rules.redemption.minPoints) || !ctx.random.chance(0.06)) return 0;
  return Math.min(balance, Math.max(100, Math.round((balance * (0.2 + 0.8 * ctx.random.next())) / 100) * 100));
}

/**
 * Makes one sale the way recordSale does (same rules engine, same rows, same record shape,
 * ledger spend-then-earn with running balances), writes it, and updates the member's state.
 * `member` is the roster index, or -1 for an anonymous sale.
 */
export function makeSale(ctx: SaleContext, member: number, atMs: number): MadeSale {
  const { random, rules, ladder, roster, inserts } = ctx;
  const items = basket(ctx);
  const totals = items.map(lineTotalMinor);
  const subtotal = totals.reduce((a, b) => a + b, 0);
  const saleId = random.uuid();
  const day = ctx.businessDay(atMs);
  const ruleVersion = ctx.lots.versionAt(atMs, rules.version);
  const lotExpiresAt = ctx.lots.expiresAt(atMs);
  const memberId = member >= 0 ? (roster.ids[member] ?? null) : null;
  const cardNumber = member >= 0 ? (roster.cards[member] ?? null) : null;

  let balance = member >= 0 ? (roster.balance[member] ?? 0) : 0;
  const balanceBefore = balance;
  const spend =
    member >= 0
      ? quotePointsDiscount(rules, { requestedPoints: pointsWanted(ctx, balance), saleTotalMinor: subtotal, balance })
      : null;
  const discount = spend?.discountMinor ?? 0;
  const pointsSpent = spend?.points ?? 0;
  const earnedBefore = member >= 0 ? (roster.earned[member] ?? 0) : 0;
  const storedTier = member >= 0 ? (ladder[roster.tier[member] ?? -1] ?? null) : null;
  const tierBefore = member >= 0 ? tierStanding(ladder, storedTier?.code ?? null, earnedBefore).tier : null;
  const earn = computeEarn(rules, {
    lines: items,
    discountMinor: discount,
    tierCode: tierBefore?.code ?? null,
    tierName: tierBefore?.name ?? null,
    visitNumber: member >= 0 ? (roster.visits[member] ?? 0) + 1 : null,
    currency: ctx.currency,
  });

  inserts.sale.run(
    saleId,
    memberId,
    cardNumber,
    subtotal,
    discount,
    subtotal - discount,
    earn.points,
    pointsSpent,
    ruleVersion,
    earn.summary,
    JSON.stringify(earn.explanation),
    ctx.currency,
    day,
    ctx.terminalId,
    atMs,
  );
  const lines: Line[] = items.map((item, i) => ({
    lineNo: i + 1,
    ...item,
    lineTotalMinor: totals[i] ?? 0,
    points: earn.lines[i]?.points ?? 0,
  }));
  for (const l of lines)
    inserts.line.run(
      saleId,
      l.lineNo,
      l.sku,
      l.name,
      l.category,
      l.quantity,
      l.unitPriceMinor,
      l.lineTotalMinor,
      l.points,
    );

  const ledger: object[] = [];
  const writeLedger = (kind: 'spend' | 'earn', delta: number, summary: string): void => {
    if (memberId === null) return;
    balance += delta;
    const id = random.uuid();
    inserts.ledger.run(
      id,
      memberId,
      kind,
      delta,
      balance,
      saleId,
      null,
      ruleVersion,
      null,
      summary,
      ctx.terminalId,
      atMs,
      kind === 'earn' ? lotExpiresAt : null,
    );
    const row = { id, memberId, kind, delta, ruleVersion, campaignId: null, createdAt: atMs };
    ledger.push(kind === 'earn' && lotExpiresAt !== null ? { ...row, expiresAt: lotExpiresAt } : row);
  };
  if (pointsSpent > 0)
    writeLedger('spend', -pointsSpent, `${pointsSpent} pt = ${formatMoney(discount, ctx.currency, 'en-US')} off`);
  if (earn.points > 0) writeLedger('earn', earn.points, earn.summary);

  if (member >= 0) {
    const earnedAfter = earnedBefore + earn.points;
    // As saleQuote's tierAfterSale: raised at the sale that crosses a threshold, never lowered.
    const qualified = tierStanding(ladder, null, earnedAfter).tier;
    const after =
      qualified !== null && (tierBefore === null || qualified.rank > tierBefore.rank) ? qualified : tierBefore;
    roster.balance[member] = balanceBefore - pointsSpent + earn.points;
    roster.earned[member] = earnedAfter;
    roster.visits[member] = (roster.visits[member] ?? 0) + 1;
    roster.lastVisitAt[member] = atMs;
    roster.tier[member] = after ? ladder.indexOf(after) : (roster.tier[member] ?? -1);
    const next = roster.nextExpiry[member] ?? -1;
    if (earn.points > 0 && lotExpiresAt !== null && (next < 0 || lotExpiresAt < next))
      roster.nextExpiry[member] = lotExpiresAt;
  }

  // Key order as the sync schema's output (the service stores the zod-parsed payload).
  const payload = {
    id: saleId,
    memberId,
    cardNumber,
    subtotalMinor: subtotal,
    discountMinor: discount,
    totalMinor: subtotal - discount,
    pointsEarned: earn.points,
    pointsSpent,
    ruleVersion,
    currency: ctx.currency,
    businessDay: day,
    createdAt: atMs,
    lines,
    ledger,
    // Generated history stands for sales from before staff were named on them (issue 14).
    staffId: null,
  };
  return { id: saleId, payloadJson: JSON.stringify(payload), ledgerRows: ledger.length };
}
