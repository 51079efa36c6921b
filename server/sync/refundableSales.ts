import { asc, sql } from 'drizzle-orm';
import type { HoRefundableSale } from '../../shared/sync/saleForRefund';
import type { HoDb } from '../store/connect';
import { ledger, refundLines, refunds, saleLines, sales } from '../store/schema';
import { idList } from './jsonInsert';

/**
 * Sales as a refund reads them at head office: lines, the sale's own earn and spend rows (not
 * reversals), and the line quantities refunded so far. One read per table for all the ids.
 */
export async function loadRefundableSales(
  tx: HoDb,
  saleIds: readonly string[],
): Promise<Map<string, HoRefundableSale>> {
  return (await loadRefundableSalesWithGross(tx, saleIds)).sales;
}

/**
 * As loadRefundableSales, with each row's delta before any limit correction where one took some
 * back (`gross`, by row id): a till that refunded before it pulled the correction reversed that.
 */
export async function loadRefundableSalesWithGross(
  tx: HoDb,
  saleIds: readonly string[],
): Promise<{ sales: Map<string, HoRefundableSale>; gross: Map<string, number> }> {
  const out = new Map<string, HoRefundableSale>();
  const gross = new Map<string, number>();
  const ids = [...new Set(saleIds)];
  if (ids.length === 0) return { sales: out, gross };
  const saleRows = await tx
    .select()
    .from(sales)
    .where(sql`${sales.id} IN ${idList(ids)}`);
  if (saleRows.length === 0) return { sales: out, gross };
  const found = saleRows.map((s) => s.id);
  const [lineRows, ledgerRows, refundedRows] = [
    await tx
      .select()
      .from(saleLines)
      .where(sql`${saleLines.saleId} IN ${idList(found)}`)
      .orderBy(asc(saleLines.saleId), asc(saleLines.lineNo)),
    await tx
      .select({
        id: ledger.id,
        saleId: ledger.saleId,
        kind: ledger.kind,
        // Net of what head office took back over a campaign's per-member limit (campaignMemberLimits.ts):
        // a refund reverses what the member kept. Those corrections name the row and no refund.
        delta: sql<number>`(${ledger.delta} + coalesce((SELECT sum(c.delta) FROM ho_ledger c
          WHERE c.reverses_id = ho_ledger.id AND c.kind = 'reversal' AND c.refund_id IS NULL), 0))::int`,
        grossDelta: ledger.delta,
        ruleVersion: ledger.ruleVersion,
        campaignId: ledger.campaignId,
      })
      .from(ledger)
      .where(
        sql`${ledger.saleId} IN ${idList(found)} AND ${ledger.kind} IN ('earn', 'spend')
          AND ${ledger.reversesId} IS NULL`,
      )
      .orderBy(asc(ledger.createdAt), asc(ledger.id)),
    await tx
      .select({
        saleId: refunds.saleId,
        lineNo: refundLines.lineNo,
        quantity: sql<number>`sum(${refundLines.quantity})::int`,
      })
      .from(refundLines)
      .innerJoin(refunds, sql`${refunds.id} = ${refundLines.refundId}`)
      .where(sql`${refunds.saleId} IN ${idList(found)}`)
      .groupBy(refunds.saleId, refundLines.lineNo),
  ];
  for (const s of saleRows) {
    out.set(s.id, {
      id: s.id,
      memberId: s.memberId,
      subtotalMinor: s.subtotalMinor,
      discountMinor: s.discountMinor,
      totalMinor: s.totalMinor,
      pointsEarned: s.pointsEarned,
      pointsSpent: s.pointsSpent,
      ruleVersion: s.ruleVersion,
      currency: s.currency,
      createdAt: s.createdAt,
      lines: lineRows.filter((l) => l.saleId === s.id).map(({ saleId: _saleId, ...line }) => line),
      ledger: ledgerRows
        .filter((l) => l.saleId === s.id)
        .map(({ saleId: _saleId, grossDelta: _gross, ...row }) => ({ ...row, delta: Number(row.delta) })),
      refunded: refundedRows
        .filter((r) => r.saleId === s.id)
        .map((r) => ({ lineNo: r.lineNo, quantity: Number(r.quantity) })),
    });
  }
  for (const l of ledgerRows) if (Number(l.delta) !== l.grossDelta) gross.set(l.id, l.grossDelta);
  return { sales: out, gross };
}

/** Which of these ids head office holds as refunds. */
export async function knownRefundIds(tx: HoDb, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: refunds.id })
    .from(refunds)
    .where(sql`${refunds.id} IN ${idList([...ids])}`);
  return new Set(rows.map((r) => r.id));
}

/** The saleForRefund route: another shop's sale for a till that refunds it; a refund's id says so. */
export async function saleForRefund(
  db: HoDb,
  saleId: string,
): Promise<{ sale: HoRefundableSale | null; isRefund: boolean }> {
  const sale = (await loadRefundableSales(db, [saleId])).get(saleId) ?? null;
  if (sale) return { sale, isRefund: false };
  return { sale: null, isRefund: (await knownRefundIds(db, [saleId])).has(saleId) };
}
