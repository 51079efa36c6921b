import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberView } from '../../shared/contract';
import { assertLedgerConsistent, errorOf, openTestCore, unwrap, type TestCore } from './services.testkit';

let c: TestCore;
let member: MemberView;
beforeEach(async () => {
  c = openTestCore();
  unwrap(await c.api.configureShop({ shopId: 's1', shopName: 'Shop', terminalName: 'Till', terminalCode: '31001' }));
  member = unwrap(await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'A', phone: '13912345678' }));
  for (let i = 1; i <= 7; i++) {
    c.clock.advance(60_000);
    unwrap(
      await c.api.recordSale({
        requestId: c.ctx.ids.uuid(),
        memberId: member.id,
        lines: Array.from({ length: i }, (_, j) => ({ sku: `S${j}`, quantity: 1, unitPriceMinor: 1_000 })),
      }),
    );
  }
});
afterEach(() => {
  assertLedgerConsistent(c.db);
  c.dispose();
});

describe('memberSales', () => {
  it('pages newest first with the total', async () => {
    const p0 = unwrap(await c.api.memberSales({ memberId: member.id, page: 0, pageSize: 3 }));
    expect(p0).toMatchObject({ total: 7, page: 0, pageSize: 3 });
    expect(p0.items.map((s) => s.lineCount)).toEqual([7, 6, 5]);
    expect(p0.items[0]).toMatchObject({ totalMinor: 7_000, pointsEarned: 70, pointsSpent: 0, discountMinor: 0 });
    const p2 = unwrap(await c.api.memberSales({ memberId: member.id, page: 2, pageSize: 3 }));
    expect(p2.items.map((s) => s.lineCount)).toEqual([1]);
    expect(unwrap(await c.api.memberSales({ memberId: member.id, page: 9, pageSize: 3 })).items).toEqual([]);
  });

  it('orders rows of the same millisecond by write order', async () => {
    unwrap(
      await c.api.recordSale({
        requestId: c.ctx.ids.uuid(),
        memberId: member.id,
        lines: [{ sku: 'same', quantity: 1, unitPriceMinor: 100 }],
      }),
    );
    unwrap(
      await c.api.recordSale({
        requestId: c.ctx.ids.uuid(),
        memberId: member.id,
        lines: [{ sku: 'same', quantity: 2, unitPriceMinor: 100 }],
      }),
    );
    const p = unwrap(await c.api.memberSales({ memberId: member.id, pageSize: 2 }));
    expect(p.items.map((s) => s.totalMinor)).toEqual([200, 100]);
  });

  it('answers NOT_FOUND for an unknown member', async () => {
    expect(errorOf(await c.api.memberSales({ memberId: c.ctx.ids.uuid() })).code).toBe('NOT_FOUND');
    expect(errorOf(await c.api.memberLedger({ memberId: c.ctx.ids.uuid() })).code).toBe('NOT_FOUND');
  });
});

describe('memberLedger', () => {
  it('pages newest first, each row with the balance after it', async () => {
    unwrap(
      await c.api.recordSale({
        requestId: c.ctx.ids.uuid(),
        memberId: member.id,
        lines: [{ sku: 'x', quantity: 1, unitPriceMinor: 1_000 }],
        pointsToSpend: 100,
      }),
    );
    const p = unwrap(await c.api.memberLedger({ memberId: member.id, pageSize: 4 }));
    expect(p.total).toBe(9);
    expect(p.items.map((r) => [r.kind, r.delta, r.balanceAfter])).toEqual([
      ['earn', 9, 189],
      ['spend', -100, 180],
      ['earn', 70, 280],
      ['earn', 60, 210],
    ]);
    expect(p.items.every((r) => r.ruleVersion === 1 && r.saleId !== null)).toBe(true);
  });
});
