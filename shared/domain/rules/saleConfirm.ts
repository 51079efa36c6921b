import { currencyMinorDigits, MAX_SALE_MINOR } from '../money';

// What sale may be confirmed: ONE rule, asked by the till before it records (to open the
// large-sale dialog or keep confirm disabled) and by recordSale before it writes anything.

/**
 * A new shop's large-sale limit, in major units: 10,000 (¥10,000.00). A member-card shop's
 * ticket is tens to hundreds of yuan, so a real sale above this is rare enough to deserve a
 * second look, while a slipped extra two or three zeros (¥1,000,000.00 for ¥1,000.00) is caught.
 */
export const DEFAULT_LARGE_SALE_LIMIT_MAJOR = 10_000;

/** The default limit in the currency's minor units (CNY ¥10,000.00 = 1,000,000 fen; JPY ¥10,000). */
export function defaultLargeSaleLimitMinor(currency: string): number {
  return Math.min(MAX_SALE_MINOR, DEFAULT_LARGE_SALE_LIMIT_MAJOR * 10 ** currencyMinorDigits(currency));
}

export type SaleVerdict =
  | { kind: 'ok' }
  /** Nothing was sold: a sale whose subtotal is zero is no visit (a sale paid with points is). */
  | { kind: 'empty' }
  /** Above the shop's limit, and no confirmation of exactly this total came with it. */
  | { kind: 'needsLargeSaleConfirmation'; totalMinor: number; limitMinor: number };

export interface SaleToConfirm {
  subtotalMinor: number;
  /** What the customer pays: the subtotal less any points discount. */
  totalMinor: number;
}

/**
 * Whether `sale` may be recorded. `confirmedTotalMinor` is the total the cashier confirmed in
 * the large-sale dialog: it confirms that amount only, so a confirmation cannot pass another.
 */
export function saleVerdict(sale: SaleToConfirm, limitMinor: number, confirmedTotalMinor?: number | null): SaleVerdict {
  if (sale.subtotalMinor <= 0) return { kind: 'empty' };
  if (sale.totalMinor > limitMinor && confirmedTotalMinor !== sale.totalMinor) {
    return { kind: 'needsLargeSaleConfirmation', totalMinor: sale.totalMinor, limitMinor };
  }
  return { kind: 'ok' };
}
