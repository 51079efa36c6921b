import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { LIMIT_CORRECTION_TERMINAL } from '../../shared/domain/campaigns/memberLimitExcess';
import type { SaleForRefundView } from '../../shared/contract';
import { HoRefundableSale } from '../../shared/sync/saleForRefund';
import { fetchedSales, members, outbox, pointsLedger, refundLines, refunds, saleLines, sales } from '../../db/schema';
import { syncLink } from '../../db/schemaSync';
import type { ServiceContext } from '../core/context';

/**
 * Line quantities refunded at this till, by line number: all of them (`heardBefore` null), or those
 * head office had not acknowledged by then (its count of refunds did not include them).
 */
export function localRefunded(ctx: ServiceContext, saleId: string, heardBefore: number | null): Map<number, number> {
  const rows = ctx.db
    .select({ lineNo: refundLines.lineNo, quantity: refundLines.quantity, acked: outbox.ackedAt })
    .from(refundLines)
    .innerJoin(refunds, eq(refunds.id, refundLines.refundId))
    .leftJoin(outbox, and(eq(outbox.recordId, refunds.id), eq(outbox.recordType, 'refund')))
    .where(eq(refunds.saleId, saleId))
    .all();
  const out = new Map<number, number>();
  for (const r of rows) {
    if (heardBefore !== null && r.acked !== null && r.acked < heardBefore) continue;
    out.set(r.lineNo, (out.get(r.lineNo) ?? 0) + r.quantity);
  }
  return out;
}

export function isLocalRefund(ctx: ServiceContext, id: string): boolean {
  return ctx.db.select({ id: refunds.id }).from(refunds).where(eq(refunds.id, id)).get() !== undefined;
}

const memberName = (ctx: ServiceContext, memberId: string | null): string | null =>
  memberId === null
    ? null
    : (ctx.db.select({ name: members.name }).from(members).where(eq(members.id, memberId)).get()?.name ?? null);

/** What a refund reads of a sale's own figures, from the till's row or head office's record alike. */
type SaleFigures = Omit<SaleForRefundView, 'lines' | 'fullyRefunded' | 'memberName' | 'saleId' | 'source' | 'ledger'>;

function saleFigures(sale: SaleFigures): SaleFigures {
  return {
    memberId: sale.memberId,
    createdAt: sale.createdAt,
    subtotalMinor: sale.subtotalMinor,
    discountMinor: sale.discountMinor,
    totalMinor: sale.totalMinor,
    pointsEarned: sale.pointsEarned,
    pointsSpent: sale.pointsSpent,
    ruleVersion: sale.ruleVersion,
    currency: sale.currency,
  };
}

function view(
  sale: Omit<SaleForRefundView, 'lines' | 'fullyRefunded' | 'memberName'>,
  lines: Omit<SaleForRefundView['lines'][number], 'refundedQuantity'>[],
  refunded: ReadonlyMap<number, number>,
  name: string | null,
): SaleForRefundView {
  const withRefunded = lines.map((l) => ({ ...l, refundedQuantity: refunded.get(l.lineNo) ?? 0 }));
  return {
    ...sale,
    memberName: name,
    lines: withRefunded,
    fullyRefunded: withRefunded.every((l) => l.refundedQuantity >= l.quantity),
  };
}

/** A sale this till holds, with its lines, the ledger rows a refund reverses, and this till's refunds of it. */
export function localSaleForRefund(ctx: ServiceContext, saleId: string): SaleForRefundView | null {
  const sale = ctx.db.select().from(sales).where(eq(sales.id, saleId)).get();
  if (!sale) return null;
  const lines = ctx.db
    .select({
      lineNo: saleLines.lineNo,
      sku: saleLines.sku,
      name: saleLines.name,
      quantity: saleLines.quantity,
      unitPriceMinor: saleLines.unitPriceMinor,
      lineTotalMinor: saleLines.lineTotalMinor,
      points: saleLines.points,
    })
    .from(saleLines)
    .where(eq(saleLines.saleId, saleId))
    .orderBy(asc(saleLines.lineNo))
    .all();
  const ledger = ctx.db
    .select({
      id: pointsLedger.id,
      kind: pointsLedger.kind,
      // Net of what head office took back over a campaign's per-member limit (pulled reversals it
      // wrote itself, naming the row): a refund reverses what the member kept, as head office does.
      delta: sql<number>`${pointsLedger.delta} + coalesce((SELECT sum(c.delta) FROM points_ledger c
        WHERE c.reverses_id = points_ledger.id AND c.kind = 'reversal'
          AND c.terminal_id = ${LIMIT_CORRECTION_TERMINAL}), 0)`,
      ruleVersion: pointsLedger.ruleVersion,
      campaignId: pointsLedger.campaignId,
    })
    .from(pointsLedger)
    .where(
      and(
        eq(pointsLedger.saleId, saleId),
        inArray(pointsLedger.kind, ['earn', 'spend']),
        isNull(pointsLedger.reversesId),
      ),
    )
    .all();
  return view(
    {
      saleId,
      source: 'local',
      ...saleFigures(sale),
      ledger,
    },
    lines,
    localRefunded(ctx, saleId, null),
    memberName(ctx, sale.memberId),
  );
}

/** Head office's record of another shop's sale, with what this till refunded of it that head office had not heard. */
export function remoteSaleForRefund(
  ctx: ServiceContext,
  sale: HoRefundableSale,
  fetchedAt = ctx.clock.now(),
): SaleForRefundView {
  const refunded = new Map(sale.refunded.map((r) => [r.lineNo, r.quantity]));
  for (const [lineNo, q] of localRefunded(ctx, sale.id, fetchedAt)) {
    refunded.set(lineNo, (refunded.get(lineNo) ?? 0) + q);
  }
  return view(
    {
      saleId: sale.id,
      source: 'headOffice',
      ...saleFigures(sale),
      ledger: sale.ledger,
    },
    sale.lines.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      lineTotalMinor: l.lineTotalMinor,
      points: l.points,
    })),
    refunded,
    memberName(ctx, sale.memberId),
  );
}

/** How long head office's copy of another shop's sale stands in for it: the refund follows the look-up. */
export const FETCHED_SALE_FRESH_MS = 15 * 60_000;

/** Keeps head office's answer for the refund that follows (one local transaction, no network inside). */
export function rememberFetchedSale(ctx: ServiceContext, sale: HoRefundableSale): void {
  const row = { saleId: sale.id, saleJson: JSON.stringify(sale), fetchedAt: ctx.clock.now() };
  ctx.db
    .insert(fetchedSales)
    .values(row)
    .onConflictDoUpdate({ target: fetchedSales.saleId, set: { saleJson: row.saleJson, fetchedAt: row.fetchedAt } })
    .run();
}

/** Another shop's sale as head office sent it a short while ago, or null. */
export function fetchedSaleForRefund(ctx: ServiceContext, saleId: string): SaleForRefundView | null {
  const row = ctx.db.select().from(fetchedSales).where(eq(fetchedSales.saleId, saleId)).get();
  if (!row || ctx.clock.now() - row.fetchedAt > FETCHED_SALE_FRESH_MS) return null;
  const sale = HoRefundableSale.safeParse(JSON.parse(row.saleJson));
  return sale.success ? remoteSaleForRefund(ctx, sale.data, row.fetchedAt) : null;
}

/** Whether this till is enrolled with head office (an unknown sale may then be another shop's). */
export const isEnrolled = (ctx: ServiceContext): boolean => ctx.db.select().from(syncLink).get() !== undefined;
