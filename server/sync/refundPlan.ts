import { createHash } from 'node:crypto';
import { addRefunded, isRefundProblem, planRefund, refundableSaleOf } from '../../shared/domain/refund';
import type { LedgerRecord, RefundRecord } from '../../shared/sync/records';
import type { HoRefundableSale } from '../../shared/sync/saleForRefund';
import type { refundLines, refunds } from '../store/schema';

/** What head office holds for the refunds of one batch (read before it writes; null: the batch has none). */
export interface RefundKnown {
  sales: Map<string, HoRefundableSale>;
  refundIds: Set<string>;
  /** Rows a limit correction took from: their delta before it (refundableSales.ts). */
  gross?: Map<string, number>;
}

export type RefundOutcome =
  | { ok: false; reason: string }
  | {
      ok: true;
      refund: typeof refunds.$inferInsert;
      lines: (typeof refundLines.$inferInsert)[];
      ledger: LedgerRecord[];
      /** The ledger rows were derived here (an offline refund): every till, the origin too, needs them. */
      derived: boolean;
    };

/** A reversal row's id derived from the refund and the row it reverses: the same on every retry. */
export function derivedReversalId(refundId: string, reversesId: string): string {
  const h = createHash('sha256').update(`refund-reversal:${refundId}:${reversesId}`).digest('hex');
  const variant = ((parseInt(h.slice(16, 17), 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const same = (a: LedgerRecord, b: { reversesId: string; delta: number }): boolean =>
  a.reversesId === b.reversesId && a.delta === b.delta && a.kind === 'reversal';

/**
 * Head office's rule for a refund record: checked against its own record of the sale and of the
 * refunds it already holds (shared/domain/refund.ts, the till's arithmetic). A till's reversal rows
 * must be exactly those; an offline refund gets them derived here. Over-refunds and refunds of
 * unknown sales are refused (quarantined with the reason), nothing applied.
 */
export function planRefundRecord(
  src: { terminalId: string; shopId: string },
  seq: number,
  p: RefundRecord,
  known: RefundKnown,
): RefundOutcome {
  if (known.refundIds.has(p.id)) return { ok: false, reason: `refund ${p.id} already exists` };
  if (known.refundIds.has(p.saleId)) return { ok: false, reason: `refund of a refund (${p.saleId})` };
  const sale = known.sales.get(p.saleId);
  if (!sale) return { ok: false, reason: `refund of sale ${p.saleId}, which head office does not hold` };
  if (p.memberId !== null && sale.memberId !== null && p.memberId !== sale.memberId)
    return { ok: false, reason: `refund names member ${p.memberId}, the sale's is ${sale.memberId}` };
  const before = new Map(sale.refunded.map((r) => [r.lineNo, r.quantity]));
  const plan = planRefund(refundableSaleOf(sale), before, p.lines);
  if (isRefundProblem(plan)) return { ok: false, reason: `refund refused: ${JSON.stringify(plan)}` };
  const derived = p.settlement === 'headOffice';
  let ledger: LedgerRecord[];
  if (derived) {
    ledger =
      sale.memberId === null
        ? []
        : plan.reversals.map((r) => ({
            id: derivedReversalId(p.id, r.reversesId),
            memberId: sale.memberId ?? '',
            kind: 'reversal' as const,
            delta: r.delta,
            ruleVersion: r.ruleVersion,
            campaignId: r.campaignId,
            createdAt: p.createdAt,
            reversesId: r.reversesId,
          }));
  } else {
    const agrees = (reversals: { reversesId: string; delta: number }[]): boolean =>
      p.ledger.length === reversals.length &&
      p.ledger.every((row) => row.memberId === sale.memberId && reversals.some((r) => same(row, r))) &&
      p.amountMinor === plan.amountMinor;
    // A till that had not yet pulled a limit correction reversed the row's delta before it.
    const gross = known.gross;
    const beforeCorrection = (): boolean => {
      if (gross === undefined || !sale.ledger.some((l) => gross.has(l.id))) return false;
      const grossSale = { ...sale, ledger: sale.ledger.map((l) => ({ ...l, delta: gross.get(l.id) ?? l.delta })) };
      const grossPlan = planRefund(refundableSaleOf(grossSale), before, p.lines);
      return !isRefundProblem(grossPlan) && agrees(grossPlan.reversals);
    };
    const matches = agrees(plan.reversals) || beforeCorrection();
    if (!matches)
      return {
        ok: false,
        reason:
          `refund differs from head office's record of sale ${p.saleId} ` +
          `(expected ${JSON.stringify(plan.reversals)})`,
      };
    ledger = p.ledger;
  }
  known.refundIds.add(p.id);
  known.sales.set(sale.id, {
    ...sale,
    refunded: [...addRefunded(before, p.lines)].map(([lineNo, quantity]) => ({ lineNo, quantity })),
  });
  return {
    ok: true,
    derived,
    ledger,
    refund: {
      id: p.id,
      saleId: p.saleId,
      terminalId: src.terminalId,
      shopId: src.shopId,
      seq,
      memberId: sale.memberId,
      settlement: p.settlement,
      amountMinor: plan.amountMinor,
      pointsReversed: plan.pointsReversed,
      pointsReturned: plan.pointsReturned,
      businessDay: p.businessDay,
      createdAt: p.createdAt,
      staffId: p.staffId,
    },
    lines: plan.lines.map((l) => ({
      refundId: p.id,
      lineNo: l.lineNo,
      quantity: l.quantity,
      amountMinor: l.amountMinor,
    })),
  };
}

/** A sale of this batch, for a refund later in the same batch. */
export function rememberSale(
  known: RefundKnown | null,
  p: { id: string; memberId: string | null; lines: HoRefundableSale['lines']; ledger: LedgerRecord[] } & Omit<
    HoRefundableSale,
    'id' | 'memberId' | 'lines' | 'ledger' | 'refunded'
  >,
): void {
  if (!known) return;
  known.sales.set(p.id, {
    id: p.id,
    memberId: p.memberId,
    subtotalMinor: p.subtotalMinor,
    discountMinor: p.discountMinor,
    totalMinor: p.totalMinor,
    pointsEarned: p.pointsEarned,
    pointsSpent: p.pointsSpent,
    ruleVersion: p.ruleVersion,
    currency: p.currency,
    createdAt: p.createdAt,
    lines: p.lines,
    ledger: p.ledger
      .filter((l) => l.kind === 'earn' || l.kind === 'spend')
      .map((l) => ({ id: l.id, kind: l.kind, delta: l.delta, ruleVersion: l.ruleVersion, campaignId: l.campaignId })),
    refunded: [],
  });
}
