import { exportColumns, exportHeaders, type ExportRange, type ExportTable } from '../../shared/contract/tableExport';
import type { Locale } from '../../shared/contract/primitives';
import { toCsv, type CsvCell } from '../../shared/csv';
import { amountFigure } from '../../shared/domain/money';
import { maskPhone } from '../../shared/domain/phone';
import type { ServiceContext } from '../core/context';
import { atomic } from '../platform/transactions';
import { appendAudit } from './audit';
import { businessDay, businessDayRange } from './businessDay';
import { readTerminal, terminalLocale } from './terminalRow';

/** Rows per CSV chunk: a large table is written as it is read, never held whole. */
const CHUNK_ROWS = 500;

export interface TableExportOptions {
  /** Members' whole phone numbers instead of masked ones (audited). */
  fullPhones?: boolean;
  /** The headers' language (the till's own by default). */
  locale?: Locale;
}

/** "2026-03-14 09:05:00" in the shop's zone (the Swedish locale writes ISO-like date and time). */
function localTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(ms);
}

/** [start, end) instants of a range of business days; an open end is unbounded. */
function instants(ctx: ServiceContext, range: ExportRange): { start: number; end: number } {
  return {
    start: range.from === undefined ? 0 : businessDayRange(range.from, ctx.timeZone).start,
    end: range.to === undefined ? Number.MAX_SAFE_INTEGER : businessDayRange(range.to, ctx.timeZone).end,
  };
}

const SQL: Record<ExportTable, string> = {
  members: `SELECT m.name, m.phone, m.phone_masked AS phoneMasked, m.birthday, t.name AS tier,
                   m.points_balance AS points, m.points_earned_total AS earned, m.visits, m.created_at AS createdAt,
                   (SELECT c.number FROM cards c WHERE c.member_id = m.id AND c.status = 'active'
                     ORDER BY c.issued_at DESC LIMIT 1) AS card
            FROM members m LEFT JOIN tiers t ON t.code = m.tier_code
            WHERE m.erased_at IS NULL AND m.created_at >= :start AND m.created_at < :end ORDER BY m.created_at, m.id`,
  sales: `SELECT id, card_number AS card, total_minor AS total, discount_minor AS discount, points_earned AS earned,
                 points_spent AS spent, currency, business_day AS day, created_at AS createdAt
          FROM sales WHERE created_at >= :start AND created_at < :end ORDER BY created_at, id`,
  ledger: `SELECT l.kind, l.delta, l.balance_after AS after, l.sale_id AS saleId, l.summary, l.created_at AS createdAt,
                  (SELECT c.number FROM cards c WHERE c.member_id = l.member_id
                    ORDER BY c.status = 'active' DESC, c.issued_at DESC LIMIT 1) AS card
           FROM points_ledger l WHERE l.created_at >= :start AND l.created_at < :end ORDER BY l.created_at, l.rowid`,
};

type Row = Record<string, string | number | null>;
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
/** A value read from SQLite as a cell (a column a row lacks is a blank). */
const v = (value: string | number | null | undefined): CsvCell => value ?? null;
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/**
 * A table as CSV text, chunk by chunk: the byte-order mark and the header (in the till's language) first,
 * then the rows, read from SQLite as they are written (members, sales and ledger of any size). Through the
 * one CSV writer (shared/csv.ts). Members leave the till audited; their phones are masked unless asked.
 */
export function* exportTableCsv(
  ctx: ServiceContext,
  table: ExportTable,
  range: ExportRange,
  options: TableExportOptions = {},
): Generator<string> {
  const term = readTerminal(ctx);
  const heads = exportHeaders[options.locale ?? terminalLocale(term)];
  const columns = exportColumns[table];
  const money = (minor: unknown) => amountFigure(num(minor), term.currency);
  const time = (ms: unknown) => localTime(num(ms), ctx.timeZone);
  const cells: Record<ExportTable, (r: Row) => CsvCell[]> = {
    members: (r) => {
      const phone = text(r.phone);
      const shown = phone === null ? text(r.phoneMasked) : options.fullPhones ? phone : maskPhone(phone);
      const joined = businessDay(num(r.createdAt), ctx.timeZone);
      return [v(r.card), v(r.name), shown, v(r.birthday), v(r.tier), v(r.points), v(r.earned), v(r.visits), joined];
    },
    sales: (r) => [
      time(r.createdAt),
      v(r.day),
      v(r.id),
      v(r.card),
      money(r.total),
      money(r.discount),
      v(r.earned),
      v(r.spent),
      v(r.currency),
    ],
    ledger: (r) => [time(r.createdAt), v(r.card), v(r.kind), v(r.delta), v(r.after), v(r.saleId), v(r.summary)],
  };
  if (table === 'members')
    atomic(ctx, () =>
      appendAudit(ctx, {
        action: 'members.exported',
        details: { via: 'export', fullPhones: options.fullPhones === true, ...range },
      }),
    );
  yield `\uFEFF${toCsv([columns.map((c) => heads[c])])}`;
  let chunk: CsvCell[][] = [];
  for (const r of ctx.db.$client
    .prepare<[{ start: number; end: number }], Row>(SQL[table])
    .iterate(instants(ctx, range))) {
    chunk.push(cells[table](r));
    if (chunk.length >= CHUNK_ROWS) {
      yield toCsv(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) yield toCsv(chunk);
}
