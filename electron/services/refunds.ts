import { and, eq } from 'drizzle-orm';
import { DomainError, type ParsedInput, type RefundReceipt, type SaleForRefundView } from '../../shared/contract';
import { earnedChange } from '../../shared/domain/pointsEarned';
import { isRefundProblem, planRefund, refundableSaleOf, type RefundProblem } from '../../shared/domain/refund';
import type { LedgerRecord } from '../../shared/sync/records';
import { members, pointsLedger, refundLines, refunds } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { appendOutbox } from '../core/outbox';
import { atomic } from '../platform/transactions';
import { appendAudit } from './audit';
import { businessDay } from './businessDay';
import { findMember } from './memberView';
import { requireConfigured } from './terminalRow';

/** A refused refund, as the cashier's typed error: nothing is written. */
function refusal(problem: RefundProblem): DomainError {
  switch (problem.kind) {
    case 'overRefund':
      return new DomainError('REFUND_EXCEEDS_SALE', {
        lineNo: problem.lineNo,
        sold: problem.sold,
        refundedBefore: problem.refundedBefore,
        requested: problem.requested,
      });
    case 'unknownLine':
      return new DomainError('REFUND_EXCEEDS_SALE', { lineNo: problem.lineNo, sold: 0, refundedBefore: 0 });
    case 'empty':
    case 'repeatedLine':
      return new DomainError('VALIDATION', { problem: problem.kind });
  }
}

/**
 * Refunds lines of a sale this till holds or fetched from head office (`sale`): the refund and its
 * lines, one `reversal` ledger row per sale ledger row it reverses (naming it), the member's cached
 * balance, the `sale.refunded` audit row and the 'refund' outbox record — ONE transaction. A balance
 * taken below zero is allowed and flagged on the refund (head office flags it like an overdraft).
 */
export function refundKnownSale(
  ctx: ServiceContext,
  input: ParsedInput<'refundSale'>,
  sale: SaleForRefundView,
): RefundReceipt {
  return atomic(ctx, () => {
    const term = requireConfigured(ctx);
    const before = new Map(sale.lines.map((l) => [l.lineNo, l.refundedQuantity]));
    const plan = planRefund(refundableSaleOf(sale), before, input.lines);
    if (isRefundProblem(plan)) throw refusal(plan);
    const member = sale.memberId === null ? undefined : findMember(ctx, sale.memberId);
    if (sale.memberId !== null && !member && plan.reversals.length > 0)
      throw new DomainError('NOT_FOUND', { entity: 'member', memberId: sale.memberId });
    const now = ctx.clock.now();
    const refundId = ctx.ids.uuid();
    const day = businessDay(now, ctx.timeZone);
    const balanceBefore = member?.pointsBalance ?? null;
    let balance = balanceBefore ?? 0;
    const ledger: LedgerRecord[] = [];
    const sold = new Map(sale.lines.map((l) => [l.lineNo, l]));
    const lines = plan.lines.map((l) => {
      const line = sold.get(l.lineNo);
      return {
        lineNo: l.lineNo,
        sku: line?.sku ?? '',
        name: line?.name ?? '',
        quantity: l.quantity,
        amountMinor: l.amountMinor,
      };
    });
    const belowZero = member !== undefined && balance + plan.pointsReturned - plan.pointsReversed < 0;
    ctx.db
      .insert(refunds)
      .values({
        id: refundId,
        saleId: sale.saleId,
        memberId: sale.memberId,
        settlement: 'terminal',
        amountMinor: plan.amountMinor,
        pointsReversed: plan.pointsReversed,
        pointsReturned: plan.pointsReturned,
        belowZero,
        currency: sale.currency,
        businessDay: day,
        terminalId: term.terminalId,
        staffId: ctx.actor?.staffId ?? null,
        createdAt: now,
      })
      .run();
    for (const l of plan.lines)
      ctx.db
        .insert(refundLines)
        .values({ refundId, ...l })
        .run();
    if (member) {
      for (const r of plan.reversals) {
        const id = ctx.ids.uuid();
        balance += r.delta;
        ctx.db
          .insert(pointsLedger)
          .values({
            id,
            memberId: member.id,
            kind: 'reversal',
            delta: r.delta,
            balanceAfter: balance,
            // The sale's own rows link to it here; another shop's sale is not in this database.
            saleId: sale.source === 'local' ? sale.saleId : null,
            redemptionId: null,
            ruleVersion: r.ruleVersion,
            campaignId: r.campaignId,
            refundId,
            reversesId: r.reversesId,
            summary: r.delta < 0 ? `refund: ${r.delta} pt earned` : `refund: +${r.delta} pt spent`,
            terminalId: term.terminalId,
            createdAt: now,
          })
          .run();
        ledger.push({
          id,
          memberId: member.id,
          kind: 'reversal',
          delta: r.delta,
          ruleVersion: r.ruleVersion,
          campaignId: r.campaignId,
          createdAt: now,
          reversesId: r.reversesId,
        });
      }
      // Points a refund takes back were never earned: the earned total (a lifetime tier's measure) drops too.
      const unearned = plan.reversals.reduce((sum, r) => sum + earnedChange('reversal', r.delta), 0);
      const changed = ctx.db
        .update(members)
        .set({ pointsBalance: balance, pointsEarnedTotal: member.pointsEarnedTotal + unearned, updatedAt: now })
        .where(and(eq(members.id, member.id), eq(members.pointsBalance, member.pointsBalance)))
        .run();
      if (changed.changes !== 1) throw new Error(`member ${member.id} changed during the refund`);
    }
    appendAudit(ctx, {
      action: 'sale.refunded',
      memberId: sale.memberId,
      subject: sale.saleId,
      details: {
        refundId,
        amountMinor: plan.amountMinor,
        pointsReversed: plan.pointsReversed,
        pointsReturned: plan.pointsReturned,
        lines: plan.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
        belowZero,
      },
    });
    appendOutbox(ctx, 'refund', refundId, {
      id: refundId,
      saleId: sale.saleId,
      memberId: sale.memberId,
      settlement: 'terminal',
      lines: plan.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
      amountMinor: plan.amountMinor,
      pointsReversed: plan.pointsReversed,
      pointsReturned: plan.pointsReturned,
      currency: sale.currency,
      businessDay: day,
      createdAt: now,
      ledger,
    });
    return {
      refundId,
      saleId: sale.saleId,
      settlement: 'terminal',
      memberId: sale.memberId,
      memberName: sale.memberName,
      lines,
      amountMinor: plan.amountMinor,
      pointsReversed: plan.pointsReversed,
      pointsReturned: plan.pointsReturned,
      balanceBefore,
      balanceAfter: member ? balance : null,
      belowZero,
      createdAt: now,
      shopName: term.shopName,
      terminalName: term.terminalName,
      currency: sale.currency,
    };
  });
}

/**
 * Offline, a sale this till does not hold (another shop's): the refund is recorded against the
 * sale id with the lines the cashier keyed, and queued. Head office checks it against its own
 * record of the sale and derives the reversal rows when it syncs (or refuses it: a sync issue).
 */
export function refundUnknownSale(ctx: ServiceContext, input: ParsedInput<'refundSale'>): RefundReceipt {
  return atomic(ctx, () => {
    const term = requireConfigured(ctx);
    const member = input.memberId === null ? undefined : findMember(ctx, input.memberId);
    if (input.memberId !== null && !member) throw new DomainError('NOT_FOUND', { entity: 'member' });
    const now = ctx.clock.now();
    const refundId = ctx.ids.uuid();
    const day = businessDay(now, ctx.timeZone);
    ctx.db
      .insert(refunds)
      .values({
        id: refundId,
        saleId: input.saleId,
        memberId: input.memberId,
        settlement: 'headOffice',
        amountMinor: null,
        pointsReversed: null,
        pointsReturned: null,
        belowZero: false,
        currency: term.currency,
        businessDay: day,
        terminalId: term.terminalId,
        staffId: ctx.actor?.staffId ?? null,
        createdAt: now,
      })
      .run();
    for (const l of input.lines)
      ctx.db
        .insert(refundLines)
        .values({ refundId, ...l, amountMinor: null })
        .run();
    const lines = input.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity }));
    appendAudit(ctx, {
      action: 'sale.refunded',
      memberId: input.memberId,
      subject: input.saleId,
      details: { refundId, settlement: 'headOffice', lines },
    });
    appendOutbox(ctx, 'refund', refundId, {
      id: refundId,
      saleId: input.saleId,
      memberId: input.memberId,
      settlement: 'headOffice',
      lines,
      amountMinor: null,
      pointsReversed: null,
      pointsReturned: null,
      currency: term.currency,
      businessDay: day,
      createdAt: now,
      ledger: [],
    });
    return {
      refundId,
      saleId: input.saleId,
      settlement: 'headOffice',
      memberId: input.memberId,
      memberName: member?.name ?? null,
      lines: input.lines.map((l) => ({ ...l, sku: '', name: '', amountMinor: null })),
      amountMinor: null,
      pointsReversed: null,
      pointsReturned: null,
      balanceBefore: member?.pointsBalance ?? null,
      balanceAfter: member?.pointsBalance ?? null,
      belowZero: false,
      createdAt: now,
      shopName: term.shopName,
      terminalName: term.terminalName,
      currency: term.currency,
    };
  });
}
