import { z } from 'zod';
import { DAY_RE } from '../domain/patterns';
import { Currency, EpochMs, MinorAmount, Points, Uuid } from './primitives';
import { SaleReceipt } from './sales';

/** The longest business-day range one query reads: a year, so a query stays an indexed range. */
export const SALES_QUERY_MAX_DAYS = 366;
/** A page holds at most this many sales. */
export const SALES_PAGE_MAX = 100;
/** A CSV holds at most this many sales; a wider filter is refused (narrow it). */
export const SALES_CSV_MAX_ROWS = 100_000;

const Day = z.string().regex(DAY_RE, 'day_format');
const Count = z.number().int().min(0);
/** A sum of many sales: not capped like one sale. */
const SumMinor = z.number().int().min(0);

/** Days from one `YYYY-MM-DD` to another (0 for the same day; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const ms = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** Why a day range is refused, or null: backwards, or longer than SALES_QUERY_MAX_DAYS. */
export function dayRangeProblem(fromDay: string, toDay: string): 'sales_days_order' | 'sales_days_too_long' | null {
  const span = daysBetween(fromDay, toDay);
  if (span < 0) return 'sales_days_order';
  return span >= SALES_QUERY_MAX_DAYS ? 'sales_days_too_long' : null;
}

/**
 * What the manager looks for in the consumption query (issue 16 item 4). A member is named by a card
 * number, a whole phone number or a member id, resolved as the till's member lookup does.
 */
export const SalesFilter = z
  .object({
    /** Today (the till's business day) when left out; fromDay then defaults to toDay. */
    fromDay: Day.optional(),
    toDay: Day.optional(),
    member: z.string().trim().min(1).max(40).optional(),
    minTotalMinor: MinorAmount.optional(),
    maxTotalMinor: MinorAmount.optional(),
    /** The cashier who rang the sale up (listStaff gives the picker's choices). */
    staffId: z.string().trim().min(1).max(64).optional(),
    /** true: sales with a refund against them; false: sales without one; absent: both. */
    refunded: z.boolean().optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const problem = f.fromDay !== undefined && f.toDay !== undefined ? dayRangeProblem(f.fromDay, f.toDay) : null;
    if (problem !== null) ctx.addIssue({ code: 'custom', path: ['toDay'], message: problem });
    if (f.minTotalMinor !== undefined && f.maxTotalMinor !== undefined && f.minTotalMinor > f.maxTotalMinor)
      ctx.addIssue({ code: 'custom', path: ['maxTotalMinor'], message: 'sales_amounts_order' });
  });
export type SalesFilter = z.infer<typeof SalesFilter>;

/** Where the next page starts: the last row of this one (newest first: by day, time, then id). */
export const SalesCursor = z.object({ businessDay: Day, createdAt: EpochMs, saleId: Uuid }).strict();
export type SalesCursor = z.infer<typeof SalesCursor>;

export const FindSalesInput = z
  .object({
    filter: SalesFilter,
    after: SalesCursor.optional(),
    pageSize: z.number().int().min(1).max(SALES_PAGE_MAX).default(20),
  })
  .strict();

export const ExportSalesInput = z.object({ filter: SalesFilter }).strict();

/** One sale in the query's table. */
export const SaleRowView = z.object({
  saleId: Uuid,
  createdAt: EpochMs,
  businessDay: Day,
  memberId: Uuid.nullable(),
  /** Null for an anonymous sale, an erased member or another shop's member not held here. */
  memberName: z.string().nullable(),
  /** The card's last four digits, masked ("**** 1234"); null for an anonymous sale. */
  cardMasked: z.string().nullable(),
  staffId: z.string().nullable(),
  /** Null when the sale names no staff (before issue 16) or the staff account is not held here. */
  cashierName: z.string().nullable(),
  totalMinor: MinorAmount,
  pointsEarned: Points,
  pointsSpent: Points,
  /** Money refunded against the sale (a refund head office has not settled yet counts 0). */
  refundedMinor: SumMinor,
});
export type SaleRowView = z.infer<typeof SaleRowView>;

export const SalesPage = z.object({
  currency: Currency,
  /** The days the query read (today filled in when the filter left them out). */
  fromDay: Day,
  toDay: Day,
  rows: z.array(SaleRowView),
  /** Null on the last page. */
  next: SalesCursor.nullable(),
  /** The whole filter, every page. */
  totals: z.object({ count: Count, amountMinor: SumMinor, refundedMinor: SumMinor }),
});
export type SalesPage = z.infer<typeof SalesPage>;

export const SalesCsv = z.object({ fileName: z.string(), csv: z.string(), rows: Count });
export type SalesCsv = z.infer<typeof SalesCsv>;

export const SaleIdInput = z.object({ saleId: Uuid }).strict();

export const SaleRefundView = z.object({
  refundId: Uuid,
  createdAt: EpochMs,
  /** Null until head office settles a refund recorded offline. */
  amountMinor: SumMinor.nullable(),
  pointsReversed: Points.nullable(),
  pointsReturned: Points.nullable(),
  staffName: z.string().nullable(),
  lines: z.array(z.object({ lineNo: z.number().int(), quantity: z.number().int() })),
});

/** A sale's detail: the receipt as printed (lines, payment, points, campaign bonuses), its cashier, its refunds. */
export const SaleDetailView = z.object({
  receipt: SaleReceipt,
  cashierName: z.string().nullable(),
  cardMasked: z.string().nullable(),
  refunds: z.array(SaleRefundView),
  refundedMinor: SumMinor,
});
export type SaleDetailView = z.infer<typeof SaleDetailView>;
