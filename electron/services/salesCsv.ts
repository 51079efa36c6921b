import type { ParsedInput } from '../../shared/contract';
import { DomainError } from '../../shared/contract/errors';
import { SALES_CSV_MAX_ROWS, type SalesCsv } from '../../shared/contract/salesQuery';
import { salesCsvHeaders, type SalesCsvColumn } from '../../shared/contract/salesCsvText';
import { toCsvFile, type CsvCell } from '../../shared/csv';
import { amountFigure } from '../../shared/domain/money';
import type { ServiceContext } from '../core/context';
import { resolveFilter, salesWhere } from './salesFilter';
import { saleRows, salesTotals } from './salesQuery';
import { readTerminal, terminalLocale } from './terminalRow';

const COLUMNS: readonly SalesCsvColumn[] = [
  'time',
  'businessDay',
  'saleNo',
  'saleId',
  'member',
  'card',
  'cashier',
  'total',
  'pointsEarned',
  'pointsSpent',
  'refunded',
  'currency',
];

/** "2026-03-14 09:05:00" in the shop's zone (the Swedish locale writes ISO-like date and time). */
function localTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(ms);
}

/**
 * Every sale of a consumption-query filter as one CSV file (UTF-8 with the BOM, for Excel), its
 * headers in the till's language, amounts as figures in the currency's digits. A filter of more than
 * SALES_CSV_MAX_ROWS sales is refused before any row is read: narrow it.
 */
export function exportSales(ctx: ServiceContext, input: ParsedInput<'exportSales'>): SalesCsv {
  const term = readTerminal(ctx);
  const filter = resolveFilter(ctx, input.filter);
  const where = salesWhere(filter);
  const { count } = salesTotals(ctx, where);
  if (count > SALES_CSV_MAX_ROWS)
    throw new DomainError('VALIDATION', {
      issues: [{ path: 'filter', message: 'sales_export_too_many' }],
      count,
      max: SALES_CSV_MAX_ROWS,
    });
  const headers = salesCsvHeaders[terminalLocale(term)];
  const money = (minor: number) => amountFigure(minor, term.currency);
  const rows: CsvCell[][] = [COLUMNS.map((c) => headers[c])];
  for (const r of saleRows(ctx, where, null))
    rows.push([
      localTime(r.createdAt, ctx.timeZone),
      r.businessDay,
      r.saleId.slice(0, 8).toUpperCase(),
      r.saleId,
      r.memberName,
      r.cardMasked,
      r.cashierName,
      money(r.totalMinor),
      r.pointsEarned,
      r.pointsSpent,
      money(r.refundedMinor),
      term.currency,
    ]);
  const { fromDay, toDay } = filter;
  return { fileName: `sales-${fromDay}-${toDay}.csv`, csv: toCsvFile(rows), rows: rows.length - 1 };
}
