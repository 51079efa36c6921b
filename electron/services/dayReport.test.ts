import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput, MemberView } from '../../shared/contract';
import { DayReport } from '../../shared/contract/dayReport';
import { terminalDayTotals } from '../sync/closeDay';
import { useExpiryPolicy } from './expiry.testkit';
import { checkAndDispose, errorOf, openTestShop, registerTestMember, unwrap, type TestCore } from './services.testkit';

const DAY_MS = 86_400_000;
/** TEST_START_MS is 2025-06-01 10:00 in Shanghai; the report's day is a month later. */
const FIRST_DAY = '2025-06-01';
const REPORT_DAY = '2025-07-02';

let c: TestCore;
beforeEach(async () => {
  c = await openTestShop('demo');
});
afterEach(() => checkAndDispose(c));

const sell = async (memberId: string | null, unitPriceMinor: number) =>
  unwrap(
    await c.api.recordSale({
      requestId: c.ctx.ids.uuid(),
      memberId,
      lines: [{ sku: 'G', category: 'grocery', quantity: 1, unitPriceMinor }],
    } satisfies ChannelInput<'recordSale'>),
  );
const report = async (businessDay?: string) => DayReport.parse(unwrap(await c.api.dayReport({ businessDay })));

describe('dayReport', () => {
  it('counts one business day exactly: sales, members’ share, new members, points, redemptions, refunds', async () => {
    // 1 June: member A earns a lot that expires at the end of 1 July (demo rules: ¥1 = 1 pt, +5 a visit).
    useExpiryPolicy(c.ctx, { kind: 'rollingMonths', months: 1 });
    const a = await registerTestMember(c, { name: 'Early', phone: '17755120001' });
    expect((await sell(a.id, 10_000)).pointsEarned).toBe(105);

    // 2 July, 10:00 in Shanghai.
    c.clock.advance(31 * DAY_MS);
    // Looking A up expires the lot here today: 105 points.
    expect(unwrap(await c.api.getMember({ memberId: a.id })).balance).toBe(0);
    const b: MemberView = await registerTestMember(c, { name: 'Today', phone: '17755120002' });
    const small = await sell(b.id, 3_000); // ¥30: 30 + 5 = 35 points
    const big = await sell(b.id, 199_500); // ¥1,995: 1,995 + 5 = 2,000 points
    await sell(null, 5_000); // ¥50 without a card: no points
    const rewards = new Map(unwrap(await c.api.listRewards({})).map((r) => [r.code, r]));
    const tote = rewards.get('TOTE');
    if (!tote) throw new Error('the demo has a TOTE');
    const redeemed = unwrap(
      await c.api.redeemReward({ requestId: c.ctx.ids.uuid(), memberId: b.id, rewardId: tote.id, quantity: 2 }),
    );
    const refund = unwrap(
      await c.api.refundSale({
        requestId: c.ctx.ids.uuid(),
        saleId: small.saleId,
        lines: [{ lineNo: 1, quantity: 1 }],
      }),
    );

    // The hand-computed day.
    expect(small.pointsEarned).toBe(35);
    expect(big.pointsEarned).toBe(2_000);
    expect(redeemed.pointsSpent).toBe(1_600);
    expect(refund).toMatchObject({ amountMinor: 3_000, pointsReversed: 35 });
    const day = await report(REPORT_DAY);
    expect(day).toEqual({
      businessDay: REPORT_DAY,
      currency: 'CNY',
      sales: { count: 3, amountMinor: 3_000 + 199_500 + 5_000 },
      memberSales: { count: 2, amountMinor: 3_000 + 199_500 },
      newMembers: 1,
      points: { earned: 35 + 2_000, spent: 1_600, expired: 105 },
      redemptions: {
        count: 1,
        points: 1_600,
        byReward: [{ rewardId: tote.id, code: 'TOTE', name: tote.name, count: 1, quantity: 2, points: 1_600 }],
      },
      refunds: { count: 1, amountMinor: 3_000, pointsReversed: 35 },
    });
    // Today is the default; 1 June keeps only A's sale and registration.
    expect(await report()).toEqual(day);
    const first = await report(FIRST_DAY);
    expect(first).toMatchObject({
      sales: { count: 1, amountMinor: 10_000 },
      memberSales: { count: 1, amountMinor: 10_000 },
      points: { earned: 105, spent: 0, expired: 0 },
      redemptions: { count: 0, points: 0, byReward: [] },
      refunds: { count: 0, amountMinor: 0, pointsReversed: 0 },
    });

    // The nightly close sends the same figures (one computation, dayFigures).
    expect(terminalDayTotals(c.db, REPORT_DAY)).toMatchObject({
      saleCount: day.sales.count,
      salesTotalMinor: day.sales.amountMinor,
      pointsEarned: day.points.earned,
      pointsSpent: day.points.spent,
      redemptionCount: day.redemptions.count,
    });
  });

  it('reads the day through indexes, never a full scan', () => {
    const plans = [
      `SELECT count(*) FROM sales WHERE business_day = '2025-07-02'`,
      `SELECT count(*) FROM redemptions WHERE business_day = '2025-07-02'`,
      `SELECT count(*) FROM refunds WHERE business_day = '2025-07-02'`,
      `SELECT count(*) FROM members WHERE created_at >= 1 AND created_at < 2 AND home_shop_id IS 's1'`,
      `SELECT sum(delta) FROM points_ledger WHERE kind = 'expire' AND created_at >= 1 AND created_at < 2
         AND terminal_id = 't'`,
    ].map((q) =>
      (c.db.$client.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join('; '),
    );
    for (const plan of plans) expect(plan).toMatch(/USING (COVERING )?INDEX/);
  });

  it('refuses a day that is not YYYY-MM-DD', async () => {
    expect(errorOf(await c.api.dayReport({ businessDay: '2 July' })).code).toBe('VALIDATION');
  });
});
