import { and, eq, sql } from 'drizzle-orm';
import { DomainError, type ParsedInput, type SaleQuote, type SaleReceipt } from '../../shared/contract';
import { formatMoney } from '../../shared/domain/money';
import { saleVerdict } from '../../shared/domain/rules/saleConfirm';
import type { LedgerRecord } from '../../shared/sync/records';
import { members, pointsLedger, saleLines, sales } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { businessDay } from './businessDay';
import { expiringSoonAfterSale } from './expiry';
import { appendOutbox, type UnstampedPayload } from '../core/outbox';
import { direct } from '../platform/compiledStatements';
import { atomic, perDb } from '../platform/transactions';
import { writeBonusRows } from './campaigns';
import { guardPointsSpend } from './memberCheck';
import { quoteSale, type SaleWork } from './saleQuote';
import { largeSaleLimitOf } from './shop';
import { requireRedeemAllowed } from './staffSettings';

const p = sql.placeholder;

// The sale is the till's hot path: every statement is compiled once per connection and run
// without drizzle's per-call work (platform/compiledStatements.ts).
const statements = perDb((db) => ({
  sale: direct(
    db
      .insert(sales)
      .values({
        id: p('id'),
        memberId: p('memberId'),
        cardNumber: p('cardNumber'),
        subtotalMinor: p('subtotalMinor'),
        discountMinor: p('discountMinor'),
        totalMinor: p('totalMinor'),
        pointsEarned: p('pointsEarned'),
        pointsSpent: p('pointsSpent'),
        ruleVersion: p('ruleVersion'),
        earnSummary: p('earnSummary'),
        explanationJson: p('explanationJson'),
        currency: p('currency'),
        businessDay: p('businessDay'),
        terminalId: p('terminalId'),
        createdAt: p('createdAt'),
        staffId: p('staffId'),
      })
      .prepare(),
  ),
  line: direct(
    db
      .insert(saleLines)
      .values({
        saleId: p('saleId'),
        lineNo: p('lineNo'),
        sku: p('sku'),
        name: p('name'),
        category: p('category'),
        quantity: p('quantity'),
        unitPriceMinor: p('unitPriceMinor'),
        lineTotalMinor: p('lineTotalMinor'),
        points: p('points'),
      })
      .prepare(),
  ),
  ledger: direct(
    db
      .insert(pointsLedger)
      .values({
        id: p('id'),
        memberId: p('memberId'),
        kind: p('kind'),
        delta: p('delta'),
        balanceAfter: p('balanceAfter'),
        saleId: p('saleId'),
        redemptionId: p('redemptionId'),
        ruleVersion: p('ruleVersion'),
        campaignId: p('campaignId'),
        summary: p('summary'),
        terminalId: p('terminalId'),
        createdAt: p('createdAt'),
        expiresAt: p('expiresAt'),
      })
      .prepare(),
  ),
  // Guarded by the balance read in this transaction: a change underneath fails the sale.
  member: direct(
    db
      .update(members)
      .set({
        pointsBalance: sql`${p('balance')}`,
        pointsEarnedTotal: sql`${p('earnedTotal')}`,
        visits: sql`${members.visits} + 1`,
        lastVisitAt: sql`${p('at')}`,
        tierCode: sql`${p('tierCode')}`,
        updatedAt: sql`${p('at')}`,
        // A lower bound (services/expiry.ts): a new lot can only bring it forward.
        nextExpiryAt: sql`min(coalesce(${members.nextExpiryAt}, ${p('lotExpiresAt')}),
                              coalesce(${p('lotExpiresAt')}, ${members.nextExpiryAt}))`,
      })
      .where(and(eq(members.id, p('id')), eq(members.pointsBalance, p('balanceBefore'))))
      .prepare(),
  ),
}));

export type LedgerStatement = ReturnType<typeof statements>['ledger'];
/** The prepared ledger insert, shared with redemptions so every ledger row is written the same way. */
export const ledgerInsert = (ctx: ServiceContext): LedgerStatement => statements(ctx.db).ledger;

/** What the sale would do, with the explanation; writes nothing. */
export function previewSale(ctx: ServiceContext, input: ParsedInput<'previewSale'>): SaleQuote {
  return quoteSale(ctx, input).quote;
}

function ledgerRows(ctx: ServiceContext, work: SaleWork, saleId: string, now: number): LedgerRecord[] {
  const { member, quote } = work;
  if (!member) return [];
  const rows: LedgerRecord[] = [];
  const insert = ledgerInsert(ctx);
  const terminalId = work.term.terminalId;
  // Spend first: the points paid out of the balance, then the points this sale earned. Whole
  // literals, no spreads or tuples: each costs the sale path, which runs as V8 baseline code.
  let balance = member.pointsBalance;
  if (quote.pointsSpent > 0) {
    const id = ctx.ids.uuid();
    balance -= quote.pointsSpent;
    const summary = `${quote.pointsSpent} pt = ${formatMoney(quote.discountMinor, work.term.currency, 'en-US')} off`;
    insert.run({
      id,
      memberId: member.id,
      kind: 'spend',
      delta: -quote.pointsSpent,
      balanceAfter: balance,
      saleId,
      redemptionId: null,
      ruleVersion: quote.ruleVersion,
      campaignId: null,
      summary,
      terminalId,
      createdAt: now,
      expiresAt: null,
    });
    rows.push({
      id,
      kind: 'spend',
      delta: -quote.pointsSpent,
      memberId: member.id,
      ruleVersion: quote.ruleVersion,
      campaignId: null,
      createdAt: now,
    });
  }
  const basePoints = work.earn.points;
  if (basePoints > 0) {
    const id = ctx.ids.uuid();
    balance += basePoints;
    insert.run({
      id,
      memberId: member.id,
      kind: 'earn',
      delta: basePoints,
      balanceAfter: balance,
      saleId,
      redemptionId: null,
      ruleVersion: quote.ruleVersion,
      campaignId: null,
      summary: quote.summary,
      terminalId,
      createdAt: now,
      expiresAt: work.lotExpiresAt,
    });
    rows.push({
      id,
      kind: 'earn',
      delta: basePoints,
      memberId: member.id,
      ruleVersion: quote.ruleVersion,
      campaignId: null,
      createdAt: now,
      expiresAt: work.lotExpiresAt,
    });
  }
  // Each campaign bonus is its own row naming the campaign (campaigns.ts).
  const bonusRows = writeBonusRows(ctx, work.bonuses, {
    insert,
    memberId: member.id,
    balanceBefore: balance,
    saleId,
    ruleVersion: quote.ruleVersion,
    terminalId,
    now,
    expiresAt: work.lotExpiresAt,
  });
  for (const row of bonusRows) {
    rows.push(row);
    balance += row.delta;
  }
  if (work.birthdayBonus) {
    const bonus = work.birthdayBonus;
    balance += bonus.points;
    insert.run({
      id: bonus.id,
      memberId: member.id,
      kind: 'earn',
      delta: bonus.points,
      balanceAfter: balance,
      saleId,
      redemptionId: null,
      ruleVersion: quote.ruleVersion,
      campaignId: null,
      summary: bonus.summary,
      terminalId,
      createdAt: now,
      expiresAt: work.lotExpiresAt,
    });
    rows.push({
      id: bonus.id,
      kind: 'earn',
      delta: bonus.points,
      memberId: member.id,
      ruleVersion: quote.ruleVersion,
      campaignId: null,
      createdAt: now,
      expiresAt: work.lotExpiresAt,
      derived: true,
    });
  }
  return rows;
}

/** The shop's rule for what may be recorded (saleConfirm.ts), the one the till asks before it sends. */
function assertConfirmable(quote: SaleQuote, limitMinor: number, confirmedTotalMinor: number | undefined): void {
  const verdict = saleVerdict(quote, limitMinor, confirmedTotalMinor);
  if (verdict.kind === 'empty') throw new DomainError('EMPTY_SALE', { subtotalMinor: quote.subtotalMinor });
  if (verdict.kind === 'needsLargeSaleConfirmation') {
    throw new DomainError('LARGE_SALE_UNCONFIRMED', { totalMinor: verdict.totalMinor, limitMinor: verdict.limitMinor });
  }
}

/**
 * Records a sale: the sale and its lines, the ledger rows, the member's cached balance, earned
 * total, visits and tier, and one outbox record — all in ONE transaction, or none of it.
 */
export function recordSale(ctx: ServiceContext, input: ParsedInput<'recordSale'>): SaleReceipt {
  return atomic(ctx, () => {
    const work = quoteSale(ctx, input);
    const { term, member, card, quote, earn } = work;
    assertConfirmable(quote, largeSaleLimitOf(term), input.confirmedTotalMinor);
    requireRedeemAllowed(ctx, term, quote.pointsSpent, 'recordSale');
    if (member && quote.pointsSpent > 0) guardPointsSpend(ctx, member, quote.pointsSpent, input.memberCheck);
    const st = statements(ctx.db);
    const now = ctx.clock.now();
    const saleId = ctx.ids.uuid();
    const day = businessDay(now, ctx.timeZone);
    const cardNumber = card?.number ?? null;
    st.sale.run({
      id: saleId,
      memberId: member?.id ?? null,
      cardNumber,
      subtotalMinor: quote.subtotalMinor,
      discountMinor: quote.discountMinor,
      totalMinor: quote.totalMinor,
      pointsEarned: quote.pointsEarned,
      pointsSpent: quote.pointsSpent,
      ruleVersion: quote.ruleVersion,
      earnSummary: quote.summary,
      explanationJson: JSON.stringify(quote.explanation),
      currency: term.currency,
      businessDay: day,
      terminalId: term.terminalId,
      createdAt: now,
      staffId: ctx.actor?.staffId ?? null,
    });
    const lines: SaleReceipt['lines'] = [];
    for (let i = 0; i < work.lines.length; i += 1) {
      const line = work.lines[i];
      if (line === undefined) continue;
      const lineNo = i + 1;
      const lineTotalMinor = work.lineTotals[i] ?? 0;
      const points = earn.lines[i]?.points ?? 0;
      st.line.run({
        saleId,
        lineNo,
        sku: line.sku,
        name: line.name,
        category: line.category,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        lineTotalMinor,
        points,
      });
      lines.push({
        lineNo,
        sku: line.sku,
        name: line.name,
        category: line.category,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        lineTotalMinor,
        points,
      });
    }
    const ledger = ledgerRows(ctx, work, saleId, now);
    if (member) {
      const changed = st.member.run({
        id: member.id,
        balanceBefore: member.pointsBalance,
        balance: quote.balanceAfter,
        earnedTotal: member.pointsEarnedTotal + quote.pointsEarned,
        at: now,
        tierCode: work.tierCodeAfter,
        lotExpiresAt: quote.pointsEarned > 0 ? work.lotExpiresAt : null,
      });
      if (changed.changes !== 1) throw new Error(`member ${member.id} changed during the sale`);
    }
    const record: UnstampedPayload<'sale'> = {
      id: saleId,
      memberId: member?.id ?? null,
      cardNumber,
      subtotalMinor: quote.subtotalMinor,
      discountMinor: quote.discountMinor,
      totalMinor: quote.totalMinor,
      pointsEarned: quote.pointsEarned,
      pointsSpent: quote.pointsSpent,
      ruleVersion: quote.ruleVersion,
      currency: term.currency,
      businessDay: day,
      createdAt: now,
      lines,
      ledger,
    };
    appendOutbox(ctx, 'sale', saleId, record);
    // Written out key by key (the quote's keys first, as a spread would order them): a spread
    // of the quote followed by more keys missed V8's inline caches on every sale.
    const receipt: SaleReceipt = {
      subtotalMinor: quote.subtotalMinor,
      discountMinor: quote.discountMinor,
      totalMinor: quote.totalMinor,
      pointsSpent: quote.pointsSpent,
      maxPointsSpendable: quote.maxPointsSpendable,
      pointsEarned: quote.pointsEarned,
      ruleVersion: quote.ruleVersion,
      summary: quote.summary,
      campaignBonuses: quote.campaignBonuses,
      explanation: quote.explanation,
      balanceBefore: quote.balanceBefore,
      balanceAfter: quote.balanceAfter,
      tierAfter: quote.tierAfter,
      nextTier: quote.nextTier,
      pointsToNextTier: quote.pointsToNextTier,
      tierUpgrade: quote.tierUpgrade,
      birthdayBonus: quote.birthdayBonus,
      saleId,
      memberId: member?.id ?? null,
      memberName: member?.name ?? null,
      cardNumber,
      lines,
      createdAt: now,
      shopName: term.shopName,
      terminalName: term.terminalName,
      currency: term.currency,
      expiringSoon: member
        ? expiringSoonAfterSale(ctx, member, quote.pointsEarned > 0 ? work.lotExpiresAt : null, now)
        : null,
    };
    return receipt;
  });
}
