import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput, MemberView } from '../../shared/contract';
import { desc } from 'drizzle-orm';
import { members } from '../../db/schema';
import {
  assertLedgerConsistent,
  assertOutboxGapFree,
  errorOf,
  openTestCore,
  tableCounts,
  unwrap,
  type TestCore,
} from './services.testkit';

// What a sale may be recorded with, as the API enforces it (shared/domain/rules/saleConfirm.ts and
// pointsEntry.ts): the large-sale limit, the sale of nothing, and the points a member may spend.

let c: TestCore;
let member: MemberView;
beforeEach(async () => {
  c = openTestCore();
  const shop = { shopId: 's1', shopName: 'Shop One', terminalName: 'Till 1', terminalCode: '31001' };
  unwrap(await c.api.configureShop(shop));
  member = unwrap(await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: '王芳', phone: '13912345678' }));
});
afterEach(() => {
  assertLedgerConsistent(c.db);
  assertOutboxGapFree(c.db);
  c.dispose();
});

const lines = (minor: number) => [{ sku: 'AMOUNT', name: '', category: 'general', quantity: 1, unitPriceMinor: minor }];
const sale = (over: Partial<ChannelInput<'recordSale'>> = {}): ChannelInput<'recordSale'> => ({
  requestId: c.ctx.ids.uuid(),
  memberId: member.id,
  lines: lines(12_800),
  ...over,
});
const visits = async () => unwrap(await c.api.getMember({ memberId: member.id })).visits;

describe('the large-sale limit', () => {
  it('a new shop has ¥10,000.00, and the manager can change it', async () => {
    expect(unwrap(await c.api.getStatus({})).largeSaleLimitMinor).toBe(1_000_000);
    expect(unwrap(await c.api.setLargeSaleLimit({ limitMinor: 200_000 })).largeSaleLimitMinor).toBe(200_000);
    expect(unwrap(await c.api.getStatus({})).largeSaleLimitMinor).toBe(200_000);
    expect(errorOf(await c.api.setLargeSaleLimit({ limitMinor: 0 })).code).toBe('VALIDATION');
  });

  it('a shop set up with its own limit keeps it', async () => {
    const other = openTestCore();
    try {
      const status = unwrap(
        await other.api.configureShop({
          shopId: 's2',
          shopName: 'Two',
          terminalName: 'T',
          terminalCode: '31002',
          largeSaleLimitMinor: 50_000,
        }),
      );
      expect(status.largeSaleLimitMinor).toBe(50_000);
    } finally {
      other.dispose();
    }
  });

  it('refuses a sale above the limit without a confirmation of its total, writing nothing', async () => {
    const before = tableCounts(c.db);
    const error = errorOf(await c.api.recordSale(sale({ lines: lines(100_000_000) })));
    expect(error).toEqual({
      code: 'LARGE_SALE_UNCONFIRMED',
      details: { totalMinor: 100_000_000, limitMinor: 1_000_000 },
    });
    // A confirmation of another amount does not pass this one.
    const wrong = errorOf(await c.api.recordSale(sale({ lines: lines(100_000_000), confirmedTotalMinor: 1_000_000 })));
    expect(wrong.code).toBe('LARGE_SALE_UNCONFIRMED');
    expect(tableCounts(c.db)).toEqual(before);
    expect(await visits()).toBe(0);
  });

  it('records a large sale confirmed for exactly its total, and a sale at the limit needs none', async () => {
    unwrap(await c.api.recordSale(sale({ lines: lines(1_000_000) })));
    const receipt = unwrap(await c.api.recordSale(sale({ lines: lines(1_500_000), confirmedTotalMinor: 1_500_000 })));
    expect(receipt.totalMinor).toBe(1_500_000);
    expect(await visits()).toBe(2);
  });

  it('the limit is on what the customer pays, after the points discount', async () => {
    const rich = unwrap(await c.api.recordSale(sale({ lines: lines(900_000) })));
    expect(rich.balanceAfter).toBeGreaterThan(5_000);
    // ¥10,050.00 less ¥50.00 of points is ¥10,000.00: within the limit, no confirmation needed.
    unwrap(await c.api.recordSale(sale({ lines: lines(1_005_000), pointsToSpend: 5_000 })));
  });
});

describe('a sale of nothing', () => {
  it('is refused by the API, writing nothing and counting no visit', async () => {
    const before = tableCounts(c.db);
    const zero = errorOf(await c.api.recordSale(sale({ lines: lines(0) })));
    expect(zero).toEqual({ code: 'EMPTY_SALE', details: { subtotalMinor: 0 } });
    expect(errorOf(await c.api.recordSale(sale({ memberId: null, lines: lines(0) }))).code).toBe('EMPTY_SALE');
    expect(tableCounts(c.db)).toEqual(before);
    expect(await visits()).toBe(0);
  });

  it('a sale paid entirely with points is a real sale', async () => {
    unwrap(await c.api.recordSale(sale({ lines: lines(50_000) })));
    const paid = unwrap(await c.api.recordSale(sale({ lines: lines(100), pointsToSpend: 100 })));
    expect(paid.totalMinor).toBe(0);
    expect(await visits()).toBe(2);
  });
});

describe('the points a member spends (demo shop: minimum 100, at most half the sale)', () => {
  let demo: TestCore;
  let richId = '';
  beforeEach(async () => {
    demo = openTestCore();
    unwrap(await demo.api.setupDemoShop({}));
    // The demo member with the most points, so every case below is reachable.
    const row = demo.db.select({ id: members.id }).from(members).orderBy(desc(members.pointsBalance)).limit(1).get();
    richId = row?.id ?? '';
  });
  afterEach(() => demo.dispose());
  const preview = (pointsToSpend: number, minor = 10_000) =>
    demo.api.previewSale({ memberId: richId, lines: lines(minor), pointsToSpend });

  it('refuses below the minimum, above the balance and above the sale cap, each with its own code', async () => {
    const balance = unwrap(await demo.api.getMember({ memberId: richId })).balance;
    const limits = unwrap(await preview(0)).spendLimits;
    expect(limits).toEqual({ minPoints: 100, balance, saleMaxPoints: 5_000 });
    expect(errorOf(await preview(99))).toEqual({
      code: 'POINTS_BELOW_MINIMUM',
      details: { requested: 99, minPoints: 100 },
    });
    expect(errorOf(await preview(balance + 1)).code).toBe('INSUFFICIENT_POINTS');
    expect(errorOf(await preview(Math.min(balance, 300), 500))).toEqual({
      code: 'POINTS_ABOVE_SALE_CAP',
      details: { requested: Math.min(balance, 300), maxPoints: 250 },
    });
    const before = tableCounts(demo.db);
    const below = { requestId: demo.ctx.ids.uuid(), memberId: richId, lines: lines(10_000), pointsToSpend: 99 };
    expect(errorOf(await demo.api.recordSale(below)).code).toBe('POINTS_BELOW_MINIMUM');
    expect(tableCounts(demo.db)).toEqual(before);
    expect(unwrap(await preview(100)).pointsSpent).toBe(100);
  });
});
