import type { z } from 'zod';
import type {
  StatsGrowthAnswer,
  StatsPointsAnswer,
  StatsShopsAnswer,
  StatsSpendAnswer,
} from '../../../shared/admin/statsViews';
import { addDays } from '../../../shared/admin/stats';
import { perEach, rateBp, type StatsPeriod } from '../../../shared/stats/periods';
import { officeProgramme } from '../programme';
import type { ShopFilter } from '../reports';
import type { HoDb } from '../../store/connect';
import { pointsNet, sumsBefore, sumsByPeriod, sumsByShop } from './daySums';
import { activeByHomeShop, buyersByMonth, monthEnd } from './memberViews';

// The views of a range read from ho_daily_shop (README.md): growth, spend, points, shop against shop.

export interface RangeAsked {
  from: string;
  to: string;
  period: StatsPeriod;
  shops: ShopFilter;
}

export async function growthView(db: HoDb, q: RangeAsked): Promise<z.infer<typeof StatsGrowthAnswer>> {
  let members = (await sumsBefore(db, q.from, q.shops)).newMembers;
  const periods = (await sumsByPeriod(db, q.from, q.to, q.period, q.shops)).map(({ key, from, to, sums }) => {
    const membersAtStart = members;
    members += sums.newMembers;
    return {
      key,
      from,
      to,
      newMembers: sums.newMembers,
      membersAtStart,
      membersAtEnd: members,
      growthBp: rateBp(sums.newMembers, membersAtStart),
    };
  });
  return { from: q.from, to: q.to, period: q.period, periods };
}

export async function spendView(db: HoDb, q: RangeAsked): Promise<z.infer<typeof StatsSpendAnswer>> {
  // ho_member_month knows no shop: the whole chain's calendar months only.
  const buyers = q.shops === null && q.period === 'month' ? await buyersByMonth(db, q.from, q.to) : null;
  const periods = (await sumsByPeriod(db, q.from, q.to, q.period, q.shops)).map(({ key, from, to, sums: s }) => {
    const whole = buyers !== null && from === key && to === monthEnd(key);
    const active = whole ? (buyers.get(key.slice(0, 7)) ?? 0) : null;
    return {
      key,
      from,
      to,
      salesCount: s.salesCount,
      salesMinor: s.salesMinor,
      memberSalesCount: s.memberSalesCount,
      memberSalesMinor: s.memberSalesMinor,
      averageBasketMinor: perEach(s.salesMinor, s.salesCount),
      memberAverageBasketMinor: perEach(s.memberSalesMinor, s.memberSalesCount),
      memberShareCountBp: rateBp(s.memberSalesCount, s.salesCount),
      memberShareAmountBp: rateBp(s.memberSalesMinor, s.salesMinor),
      activeMembers: active,
      spendPerActiveMemberMinor: active === null ? null : perEach(s.memberSalesMinor, active),
    };
  });
  return { from: q.from, to: q.to, period: q.period, periods };
}

export async function pointsView(db: HoDb, q: RangeAsked): Promise<z.infer<typeof StatsPointsAnswer>> {
  const rules = (await officeProgramme(db)).rules?.rules;
  const redemption = rules
    ? { pointsPerUnit: rules.redemption.pointsPerUnit, unitValueMinor: rules.redemption.unitValueMinor }
    : null;
  let outstanding = pointsNet(await sumsBefore(db, q.from, q.shops));
  const periods = (await sumsByPeriod(db, q.from, q.to, q.period, q.shops)).map(({ key, from, to, sums: s }) => {
    outstanding += pointsNet(s);
    return {
      key,
      from,
      to,
      issued: s.pointsEarned,
      redeemed: s.pointsRedeemed,
      expired: s.pointsExpired,
      reversed: s.pointsReversed,
      adjusted: s.pointsAdjusted,
      outstandingAtEnd: outstanding,
      liabilityMinor: redemption
        ? Math.floor((outstanding * redemption.unitValueMinor) / redemption.pointsPerUnit)
        : null,
      breakageBp: rateBp(s.pointsExpired, s.pointsEarned),
    };
  });
  return { from: q.from, to: q.to, period: q.period, redemption, periods };
}

export async function shopsView(db: HoDb, q: Omit<RangeAsked, 'period'>): Promise<z.infer<typeof StatsShopsAnswer>> {
  const active = await activeByHomeShop(db, addDays(q.to, -29), q.to, q.shops);
  const shops = (await sumsByShop(db, q.from, q.to, q.shops)).map((s) => ({
    shopId: s.shopId,
    salesCount: s.salesCount,
    salesMinor: s.salesMinor,
    memberSalesCount: s.memberSalesCount,
    memberSalesMinor: s.memberSalesMinor,
    memberShareCountBp: rateBp(s.memberSalesCount, s.salesCount),
    memberShareAmountBp: rateBp(s.memberSalesMinor, s.salesMinor),
    newMembers: s.newMembers,
    pointsIssued: s.pointsEarned,
    activeMembers: active.get(s.shopId) ?? 0,
  }));
  return { from: q.from, to: q.to, shops };
}
