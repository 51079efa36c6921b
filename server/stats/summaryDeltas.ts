import { NO_DAILY_FIGURES } from '../../shared/admin/stats';
import { localDateOf } from '../../shared/domain/zonedDate';
import type { dailyShop, ledger, members, refunds, sales } from '../store/schema';

// What one derived batch adds to the statistics summaries (README.md), from the rows the batch
// inserts: pure, so the deriver and head office's own ledger writers compute it alike.

export type DailyShopDelta = Omit<typeof dailyShop.$inferSelect, never>;
export interface MemberActivityDelta {
  memberId: string;
  /** The day of a visit (a sale); null for a refund, which moves spend only. */
  visitDay: string | null;
  /** The day a refund-only row starts at when the member has none yet. */
  day: string;
  visits: number;
  spendMinor: number;
}

/** A member's month (YYYY-MM of the business day): visits, spend, the latest visit (null: refunds only). */
export interface MemberMonthDelta {
  memberId: string;
  month: string;
  lastDay: string | null;
  visits: number;
  spendMinor: number;
}

/** The rows a batch adds that the summaries count. */
export interface SummarySource {
  sales: Pick<typeof sales.$inferInsert, 'shopId' | 'businessDay' | 'memberId' | 'totalMinor'>[];
  refunds: Pick<typeof refunds.$inferInsert, 'shopId' | 'businessDay' | 'memberId' | 'amountMinor'>[];
  ledger: Pick<typeof ledger.$inferInsert, 'shopId' | 'kind' | 'delta' | 'createdAt'>[];
  newMembers: Pick<typeof members.$inferInsert, 'homeShopId' | 'createdAt'>[];
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** YYYY-MM-DD of an instant in a zone: the shop's business day, as a till names it. */
export function dayIn(epochMs: number, timeZone: string): string {
  const d = localDateOf(epochMs, timeZone);
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

const emptyDay = (shopId: string, day: string): DailyShopDelta => ({ shopId, day, ...NO_DAILY_FIGURES });

/**
 * Sums a batch's rows per (shop, day) and per member. Every ledger row lands in exactly one
 * points column, signed so that earned − redeemed − expired − reversed + adjusted = Σ delta.
 * `zoneOf` answers a shop's zone (a member without a home shop: the default zone).
 */
export function summaryDeltas(
  src: SummarySource,
  zoneOf: (shopId: string | null) => string,
): { days: DailyShopDelta[]; members: MemberActivityDelta[]; months: MemberMonthDelta[] } {
  const days = new Map<string, DailyShopDelta>();
  const dayRow = (shopId: string, day: string): DailyShopDelta => {
    const key = `${shopId}\u0000${day}`;
    let row = days.get(key);
    if (!row) {
      row = emptyDay(shopId, day);
      days.set(key, row);
    }
    return row;
  };
  const activity = new Map<string, MemberActivityDelta>();
  const memberRow = (memberId: string, day: string): MemberActivityDelta => {
    let row = activity.get(memberId);
    if (!row) {
      row = { memberId, visitDay: null, day, visits: 0, spendMinor: 0 };
      activity.set(memberId, row);
    }
    return row;
  };
  const months = new Map<string, MemberMonthDelta>();
  const monthRow = (memberId: string, day: string): MemberMonthDelta => {
    const month = day.slice(0, 7);
    const key = `${memberId}\u0000${month}`;
    let row = months.get(key);
    if (!row) {
      row = { memberId, month, lastDay: null, visits: 0, spendMinor: 0 };
      months.set(key, row);
    }
    return row;
  };
  for (const s of src.sales) {
    const d = dayRow(s.shopId, s.businessDay);
    d.salesCount += 1;
    d.salesMinor += s.totalMinor;
    if (!s.memberId) continue;
    d.memberSalesCount += 1;
    d.memberSalesMinor += s.totalMinor;
    const m = memberRow(s.memberId, s.businessDay);
    m.visits += 1;
    m.spendMinor += s.totalMinor;
    // Within a batch the latest visit day is the one kept (GREATEST again in SQL for late records).
    if (m.visitDay === null || s.businessDay > m.visitDay) m.visitDay = s.businessDay;
    if (s.businessDay < m.day) m.day = s.businessDay;
    const mm = monthRow(s.memberId, s.businessDay);
    mm.visits += 1;
    mm.spendMinor += s.totalMinor;
    if (mm.lastDay === null || s.businessDay > mm.lastDay) mm.lastDay = s.businessDay;
  }
  for (const r of src.refunds) {
    const d = dayRow(r.shopId, r.businessDay);
    d.refundsCount += 1;
    d.refundsMinor += r.amountMinor;
    if (!r.memberId) continue;
    memberRow(r.memberId, r.businessDay).spendMinor -= r.amountMinor;
    monthRow(r.memberId, r.businessDay).spendMinor -= r.amountMinor;
  }
  for (const l of src.ledger) {
    const d = dayRow(l.shopId, dayIn(l.createdAt, zoneOf(l.shopId)));
    switch (l.kind) {
      case 'earn':
        d.pointsEarned += l.delta;
        break;
      case 'spend':
      case 'redeem':
        d.pointsRedeemed -= l.delta;
        break;
      case 'expire':
        d.pointsExpired -= l.delta;
        break;
      case 'reversal':
        d.pointsReversed -= l.delta;
        break;
      case 'adjust':
        d.pointsAdjusted += l.delta;
        break;
    }
  }
  for (const m of src.newMembers) {
    const shopId = m.homeShopId ?? '';
    dayRow(shopId, dayIn(m.createdAt, zoneOf(m.homeShopId ?? null))).newMembers += 1;
  }
  return { days: [...days.values()], members: [...activity.values()], months: [...months.values()] };
}
