/** The head-office data set's size: members across `shops` shops and `sales` over `days` days. */
export interface HoDatasetSize {
  members: number;
  sales: number;
  shops: number;
  days: number;
}

/** The target (issue 16): 1,000,000 members, 10,000,000 sales, two years of eight shops. */
export const FULL_HO_SIZE: HoDatasetSize = { members: 1_000_000, sales: 10_000_000, shops: 8, days: 730 };
/** `npm run bench -- --quick`. */
export const QUICK_HO_SIZE: HoDatasetSize = { members: 20_000, sales: 200_000, shops: 8, days: 730 };

export const DAY_MS = 86_400_000;
/** Earned points expire a year after the sale (a rolling 12-month policy). */
export const LOT_LIFE_MS = 365 * DAY_MS;
