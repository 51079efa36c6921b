import type { ParsedInput, SaleReceipt } from '../../shared/contract';
import { DomainError } from '../../shared/contract/errors';
import { SaleQuote } from '../../shared/contract/sales';
import type { SaleDetailView } from '../../shared/contract/salesQuery';
import type { ServiceContext } from '../core/context';
import { atomic } from '../platform/transactions';
import { appendAudit } from './audit';
import { maskCard } from './salesQuery';
import { readTerminal } from './terminalRow';

const Explanation = SaleQuote.shape.explanation;

interface SaleSql {
  id: string;
  memberId: string | null;
  memberName: string | null;
  cardNumber: string | null;
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  pointsEarned: number;
  pointsSpent: number;
  ruleVersion: number;
  earnSummary: string;
  explanationJson: string;
  currency: string;
  createdAt: number;
  cashierName: string | null;
}

function requireSale(ctx: ServiceContext, saleId: string): SaleSql {
  const row = ctx.db.$client
    .prepare(
      `SELECT s.id, s.member_id AS memberId, CASE WHEN m.erased_at IS NULL THEN m.name END AS memberName,
              s.card_number AS cardNumber, s.subtotal_minor AS subtotalMinor, s.discount_minor AS discountMinor,
              s.total_minor AS totalMinor, s.points_earned AS pointsEarned, s.points_spent AS pointsSpent,
              s.rule_version AS ruleVersion, s.earn_summary AS earnSummary, s.explanation_json AS explanationJson,
              s.currency, s.created_at AS createdAt, st.name AS cashierName
       FROM sales s LEFT JOIN members m ON m.id = s.member_id LEFT JOIN staff st ON st.id = s.staff_id
       WHERE s.id = ?`,
    )
    .get(saleId) as SaleSql | undefined;
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'sale', saleId });
  return row;
}

/**
 * The receipt the till printed at the sale, again, from what the sale's rows keep: lines, totals, points,
 * campaign bonuses (the sale's ledger rows with their campaigns' names), the birthday bonus (its
 * explanation line) and the balance (the member's ledger up to the sale). The tier lines and the
 * expiry note described that moment only and are not kept: a copy leaves them out.
 */
export function saleReceiptOf(ctx: ServiceContext, sale: SaleSql): SaleReceipt {
  const client = ctx.db.$client;
  const lines = client
    .prepare(
      `SELECT line_no AS lineNo, sku, name, category, quantity, unit_price_minor AS unitPriceMinor,
              line_total_minor AS lineTotalMinor, points
       FROM sale_lines WHERE sale_id = ? ORDER BY line_no`,
    )
    .all(sale.id) as SaleReceipt['lines'];
  const campaignBonuses = client
    .prepare(
      `SELECT l.campaign_id AS campaignId, coalesce(c.name, '') AS name, sum(l.delta) AS points
       FROM points_ledger l LEFT JOIN campaigns c ON c.id = l.campaign_id
       WHERE l.sale_id = ? AND l.campaign_id IS NOT NULL AND l.kind = 'earn'
       GROUP BY l.campaign_id ORDER BY min(l.rowid)`,
    )
    .all(sale.id) as SaleReceipt['campaignBonuses'];
  const explanation = Explanation.parse(JSON.parse(sale.explanationJson));
  const birthday = explanation.find((e) => e.code === 'birthdayBonus')?.params.points;
  let balanceBefore: number | null = null;
  let balanceAfter: number | null = null;
  if (sale.memberId !== null) {
    // The sale's own rows carry its time; a later refund's reversal does not count.
    const sums = client
      .prepare(
        `SELECT coalesce(sum(delta), 0) AS upTo, coalesce(sum(CASE WHEN sale_id = ? AND kind IN ('earn', 'spend')
                THEN delta ELSE 0 END), 0) AS own
         FROM points_ledger WHERE member_id = ? AND created_at <= ?`,
      )
      .get(sale.id, sale.memberId, sale.createdAt) as { upTo: number; own: number };
    balanceAfter = sums.upTo;
    balanceBefore = sums.upTo - sums.own;
  }
  const term = readTerminal(ctx);
  return {
    subtotalMinor: sale.subtotalMinor,
    discountMinor: sale.discountMinor,
    totalMinor: sale.totalMinor,
    pointsSpent: sale.pointsSpent,
    maxPointsSpendable: sale.pointsSpent,
    pointsEarned: sale.pointsEarned,
    ruleVersion: sale.ruleVersion,
    summary: sale.earnSummary,
    campaignBonuses,
    explanation,
    balanceBefore,
    balanceAfter,
    tierAfter: null,
    nextTier: null,
    pointsToNextTier: null,
    tierUpgrade: null,
    ...(typeof birthday === 'number' ? { birthdayBonus: birthday } : {}),
    saleId: sale.id,
    memberId: sale.memberId,
    memberName: sale.memberName,
    cardNumber: sale.cardNumber,
    lines,
    createdAt: sale.createdAt,
    shopName: term.shopName ?? '',
    terminalName: term.terminalName ?? '',
    currency: sale.currency,
    expiringSoon: null,
  };
}

/** A sale at this till: its receipt, its cashier and every refund against it, oldest first. */
export function saleDetail(ctx: ServiceContext, input: ParsedInput<'saleDetail'>): SaleDetailView {
  const sale = requireSale(ctx, input.saleId);
  const client = ctx.db.$client;
  const refunds = client
    .prepare(
      `SELECT r.id AS refundId, r.created_at AS createdAt, r.amount_minor AS amountMinor,
              r.points_reversed AS pointsReversed, r.points_returned AS pointsReturned, st.name AS staffName
       FROM refunds r LEFT JOIN staff st ON st.id = r.staff_id WHERE r.sale_id = ? ORDER BY r.created_at, r.id`,
    )
    .all(sale.id) as Omit<SaleDetailView['refunds'][number], 'lines'>[];
  const linesOf = client.prepare(
    'SELECT line_no AS lineNo, quantity FROM refund_lines WHERE refund_id = ? ORDER BY line_no',
  );
  const withLines = refunds.map((r) => ({
    ...r,
    lines: linesOf.all(r.refundId) as SaleDetailView['refunds'][number]['lines'],
  }));
  return {
    receipt: saleReceiptOf(ctx, sale),
    cashierName: sale.cashierName,
    cardMasked: maskCard(sale.cardNumber),
    refunds: withLines,
    refundedMinor: withLines.reduce((sum, r) => sum + (r.amountMinor ?? 0), 0),
  };
}

/** The receipt again, to print as a copy: a manager's action, so an audit row says who reprinted which sale. */
export function reprintReceipt(ctx: ServiceContext, input: ParsedInput<'reprintReceipt'>): SaleReceipt {
  return atomic(ctx, () => {
    const sale = requireSale(ctx, input.saleId);
    appendAudit(ctx, {
      action: 'sale.receipt_reprinted',
      memberId: sale.memberId,
      subject: sale.id,
      details: { totalMinor: sale.totalMinor },
    });
    return saleReceiptOf(ctx, sale);
  });
}
