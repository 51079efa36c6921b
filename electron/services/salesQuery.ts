import type { ParsedInput } from '../../shared/contract';
import type { SaleRowView, SalesPage } from '../../shared/contract/salesQuery';
import type { ServiceContext } from '../core/context';
import { resolveFilter, salesWhere, type SalesWhere } from './salesFilter';
import { readTerminal } from './terminalRow';

interface RowSql {
  saleId: string;
  createdAt: number;
  businessDay: string;
  memberId: string | null;
  memberName: string | null;
  cardNumber: string | null;
  staffId: string | null;
  cashierName: string | null;
  totalMinor: number;
  pointsEarned: number;
  pointsSpent: number;
  refundedMinor: number;
}

/** "1234567890123456" → "**** 3456": the receipt's card, never whole in a list or a file. */
export const maskCard = (number: string | null): string | null => (number === null ? null : `**** ${number.slice(-4)}`);

/** The sales of a filter, newest first; `limit` null reads them all (the CSV). */
export function saleRows(ctx: ServiceContext, w: SalesWhere, limit: number | null): SaleRowView[] {
  // Names by their own primary keys, per row returned: never part of the walk over the range.
  const rows = ctx.db.$client
    .prepare(
      `SELECT s.id AS saleId, s.created_at AS createdAt, s.business_day AS businessDay, s.member_id AS memberId,
              CASE WHEN m.erased_at IS NULL THEN m.name END AS memberName, s.card_number AS cardNumber,
              s.staff_id AS staffId, st.name AS cashierName, s.total_minor AS totalMinor,
              s.points_earned AS pointsEarned, s.points_spent AS pointsSpent,
              (SELECT coalesce(sum(r.amount_minor), 0) FROM refunds r WHERE r.sale_id = s.id) AS refundedMinor
       FROM sales AS s INDEXED BY ${w.index}
       LEFT JOIN members m ON m.id = s.member_id LEFT JOIN staff st ON st.id = s.staff_id
       WHERE ${w.where}
       ORDER BY s.business_day DESC, s.created_at DESC, s.id DESC
       ${limit === null ? '' : 'LIMIT ?'}`,
    )
    .all(...w.params, ...(limit === null ? [] : [limit])) as RowSql[];
  return rows.map(({ cardNumber, ...row }) => ({ ...row, cardMasked: maskCard(cardNumber) }));
}

/** The whole filter's count, money and money refunded. */
export function salesTotals(ctx: ServiceContext, w: SalesWhere): SalesPage['totals'] {
  const client = ctx.db.$client;
  const sums = client
    .prepare(
      `SELECT count(*) AS count, coalesce(sum(s.total_minor), 0) AS amountMinor
       FROM sales AS s INDEXED BY ${w.index} WHERE ${w.where}`,
    )
    .get(...w.params) as { count: number; amountMinor: number };
  // Refunds are few beside sales: read from their side, each sale found by its key.
  const refunded = client
    .prepare(
      `SELECT coalesce(sum(r.amount_minor), 0) AS minor FROM refunds r JOIN sales AS s ON s.id = r.sale_id
       WHERE ${w.where}`,
    )
    .get(...w.params) as { minor: number };
  return { ...sums, refundedMinor: refunded.minor };
}

/** The manager's consumption query: one page of the filter, newest first, and the whole filter's totals. */
export function findSales(ctx: ServiceContext, input: ParsedInput<'findSales'>): SalesPage {
  const currency = readTerminal(ctx).currency;
  // Read one more than the page: whether there is a next page, without counting again.
  const filter = resolveFilter(ctx, input.filter);
  const rows = saleRows(ctx, salesWhere(filter, input.after), input.pageSize + 1);
  const page = rows.slice(0, input.pageSize);
  const last = page[page.length - 1];
  const next =
    rows.length > input.pageSize && last
      ? { businessDay: last.businessDay, createdAt: last.createdAt, saleId: last.saleId }
      : null;
  const totals = salesTotals(ctx, salesWhere(filter));
  return { currency, fromDay: filter.fromDay, toDay: filter.toDay, rows: page, next, totals };
}
