import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayIn, summaryDeltas, type SummarySource } from './summaryDeltas';

const shop = fc.constantFrom('shopA', 'shopB', 'shopC');
const day = fc.constantFrom('2025-02-28', '2025-03-01', '2025-03-02');
const member = fc.option(fc.constantFrom('m1', 'm2', 'm3'), { nil: null });
const at = fc.integer({ min: Date.UTC(2025, 1, 27), max: Date.UTC(2025, 2, 3) });
const source: fc.Arbitrary<SummarySource> = fc.record({
  sales: fc.array(fc.record({ shopId: shop, businessDay: day, memberId: member, totalMinor: fc.nat(100_000) })),
  refunds: fc.array(fc.record({ shopId: shop, businessDay: day, memberId: member, amountMinor: fc.nat(100_000) })),
  ledger: fc.array(
    fc.record({
      shopId: shop,
      kind: fc.constantFrom('earn', 'spend', 'redeem', 'adjust', 'expire', 'reversal'),
      delta: fc.integer({ min: -5_000, max: 5_000 }),
      createdAt: at,
    }),
  ),
  newMembers: fc.array(fc.record({ homeShopId: fc.option(shop, { nil: null }), createdAt: at })),
});
const zones: Record<string, string> = { shopA: 'Asia/Shanghai', shopB: 'America/New_York', shopC: 'Europe/London' };
const zoneOf = (shopId: string | null) => (shopId === null ? 'Asia/Shanghai' : (zones[shopId] ?? 'Asia/Shanghai'));
const sum = <T>(rows: T[], f: (r: T) => number): number => rows.reduce((a, r) => a + f(r), 0);

describe('summaryDeltas', () => {
  it('loses and invents nothing: totals, one row per shop and day, points net = Σ delta', () => {
    fc.assert(
      fc.property(source, (src) => {
        const { days, members, months } = summaryDeltas(src, zoneOf);
        expect(new Set(days.map((d) => `${d.shopId} ${d.day}`)).size).toBe(days.length);
        expect(sum(days, (d) => d.salesCount)).toBe(src.sales.length);
        expect(sum(days, (d) => d.salesMinor)).toBe(sum(src.sales, (s) => s.totalMinor));
        expect(sum(days, (d) => d.memberSalesCount)).toBe(src.sales.filter((s) => s.memberId).length);
        expect(sum(days, (d) => d.refundsMinor)).toBe(sum(src.refunds, (r) => r.amountMinor));
        expect(sum(days, (d) => d.newMembers)).toBe(src.newMembers.length);
        const net = sum(
          days,
          (d) => d.pointsEarned - d.pointsRedeemed - d.pointsExpired - d.pointsReversed + d.pointsAdjusted,
        );
        expect(net).toBe(sum(src.ledger, (l) => l.delta));
        expect(sum(members, (m) => m.visits)).toBe(src.sales.filter((s) => s.memberId).length);
        const spend =
          sum(src.sales, (s) => (s.memberId ? s.totalMinor : 0)) -
          sum(src.refunds, (r) => (r.memberId ? r.amountMinor : 0));
        expect(sum(members, (m) => m.spendMinor)).toBe(spend);
        // The months split each member's figures: same totals, one row per member and month, latest visit per month.
        expect(new Set(months.map((m) => `${m.memberId} ${m.month}`)).size).toBe(months.length);
        expect(sum(months, (m) => m.visits)).toBe(sum(members, (m) => m.visits));
        expect(sum(months, (m) => m.spendMinor)).toBe(spend);
        for (const mm of months) {
          const visits = src.sales.filter((s) => s.memberId === mm.memberId && s.businessDay.startsWith(mm.month));
          expect(mm.visits).toBe(visits.length);
          expect(mm.lastDay).toBe(
            visits
              .map((s) => s.businessDay)
              .sort()
              .at(-1) ?? null,
          );
        }
        for (const m of members) {
          const days = src.sales
            .filter((s) => s.memberId === m.memberId)
            .map((s) => s.businessDay)
            .sort();
          expect(m.visitDay).toBe(days.at(-1) ?? null);
          if (days.length > 0) expect(m.day).toBe(days[0]);
        }
      }),
    );
  });

  it('names the day in the shop’s zone, as Intl’s en-CA format does', () => {
    fc.assert(
      fc.property(at, fc.constantFrom(...Object.values(zones)), (t, zone) => {
        expect(dayIn(t, zone)).toBe(new Date(t).toLocaleDateString('en-CA', { timeZone: zone }));
      }),
    );
  });
});
