import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput, MemberView } from '../../shared/contract';
import { RefundRecord } from '../../shared/sync/records';
import {
  checkAndDispose,
  errorOf,
  openTestShop,
  registerTestMember,
  tableCounts,
  TEST_MANAGER,
  unwrap,
  type TestCore,
} from './services.testkit';

let c: TestCore;
let member: MemberView;
beforeEach(async () => {
  c = await openTestShop();
  member = await registerTestMember(c, { name: '王芳', phone: '13912345678' });
});
afterEach(() => checkAndDispose(c));

const balanceOf = async () => unwrap(await c.api.getMember({ memberId: member.id })).balance;
const sell = async (over: Partial<ChannelInput<'recordSale'>> = {}) =>
  unwrap(
    await c.api.recordSale({
      requestId: c.ctx.ids.uuid(),
      memberId: member.id,
      lines: [
        { sku: 'TEA', name: 'Tea', quantity: 3, unitPriceMinor: 3_300 },
        { sku: 'CAKE', name: 'Cake', quantity: 2, unitPriceMinor: 2_150 },
      ],
      ...over,
    }),
  );
const refund = (saleId: string, lines: { lineNo: number; quantity: number }[]) =>
  c.api.refundSale({ requestId: c.ctx.ids.uuid(), saleId, lines });
const rows = (sql: string, ...args: unknown[]) => c.db.$client.prepare(sql).all(...args) as Record<string, unknown>[];

describe('refundSale', () => {
  it('a full refund reverses what the sale earned and gives back what it spent, in one transaction', async () => {
    await sell({ lines: [{ sku: 'BIG', quantity: 1, unitPriceMinor: 90_000 }] });
    const before = await balanceOf();
    const receipt = await sell({ pointsToSpend: 100 });
    expect(receipt.pointsSpent).toBe(100);
    const view = unwrap(await c.api.getSaleForRefund({ saleId: receipt.saleId }));
    expect(view).toMatchObject({ source: 'local', fullyRefunded: false, memberName: '王芳' });
    expect(view.lines.map((l) => l.refundedQuantity)).toEqual([0, 0]);
    const back = unwrap(
      await refund(receipt.saleId, [
        { lineNo: 1, quantity: 3 },
        { lineNo: 2, quantity: 2 },
      ]),
    );
    expect(back).toMatchObject({
      settlement: 'terminal',
      amountMinor: receipt.totalMinor,
      pointsReversed: receipt.pointsEarned,
      pointsReturned: 100,
      belowZero: false,
    });
    expect(await balanceOf()).toBe(before);
    // Each reversal names the sale's ledger row it reverses.
    const reversals = rows(
      `SELECT r.delta, o.kind, o.delta AS original FROM points_ledger r JOIN points_ledger o ON o.id = r.reverses_id
       WHERE r.kind = 'reversal' ORDER BY o.kind`,
    );
    expect(reversals).toEqual([
      { delta: -receipt.pointsEarned, kind: 'earn', original: receipt.pointsEarned },
      { delta: 100, kind: 'spend', original: -100 },
    ]);
    const [record] = rows("SELECT payload_json AS p FROM outbox WHERE record_type = 'refund'");
    const parsed = RefundRecord.parse(JSON.parse(String(record?.p)));
    expect(parsed).toMatchObject({ id: back.refundId, saleId: receipt.saleId, settlement: 'terminal' });
    expect(parsed.ledger.every((l) => l.reversesId)).toBe(true);
    expect(rows("SELECT subject FROM audit_log WHERE action = 'sale.refunded'")).toEqual([{ subject: receipt.saleId }]);
    expect(unwrap(await c.api.getSaleForRefund({ saleId: receipt.saleId })).fullyRefunded).toBe(true);
  });

  it('partial refunds never exceed the whole; the last settles the rest; over-refunds write nothing', async () => {
    await sell({ lines: [{ sku: 'BIG', quantity: 1, unitPriceMinor: 90_000 }] });
    const before = await balanceOf();
    const receipt = await sell({ pointsToSpend: 77 });
    const parts = [
      unwrap(await refund(receipt.saleId, [{ lineNo: 1, quantity: 1 }])),
      unwrap(await refund(receipt.saleId, [{ lineNo: 2, quantity: 1 }])),
    ];
    const counts = tableCounts(c.db);
    const over = errorOf(await refund(receipt.saleId, [{ lineNo: 1, quantity: 3 }]));
    expect(over).toMatchObject({
      code: 'REFUND_EXCEEDS_SALE',
      details: { lineNo: 1, sold: 3, refundedBefore: 1, requested: 3 },
    });
    expect(errorOf(await refund(receipt.saleId, [{ lineNo: 9, quantity: 1 }])).code).toBe('REFUND_EXCEEDS_SALE');
    expect(errorOf(await refund(parts[0]?.refundId ?? '', [{ lineNo: 1, quantity: 1 }])).code).toBe('REFUND_OF_REFUND');
    expect(errorOf(await c.api.getSaleForRefund({ saleId: parts[0]?.refundId ?? '' })).code).toBe('REFUND_OF_REFUND');
    expect(errorOf(await refund(c.ctx.ids.uuid(), [{ lineNo: 1, quantity: 1 }])).code).toBe('NOT_FOUND');
    expect(
      errorOf(
        await refund(receipt.saleId, [
          { lineNo: 1, quantity: 1 },
          { lineNo: 1, quantity: 1 },
        ]),
      ).code,
    ).toBe('VALIDATION');
    expect(tableCounts(c.db)).toEqual(counts);
    parts.push(
      unwrap(
        await refund(receipt.saleId, [
          { lineNo: 1, quantity: 2 },
          { lineNo: 2, quantity: 1 },
        ]),
      ),
    );
    const sum = (f: (p: (typeof parts)[number]) => number | null) => parts.reduce((a, p) => a + (f(p) ?? 0), 0);
    expect(sum((p) => p.pointsReturned)).toBe(77);
    expect(sum((p) => p.pointsReversed)).toBe(receipt.pointsEarned);
    expect(sum((p) => p.amountMinor)).toBe(receipt.totalMinor);
    // Floor for what goes back: the first partial refund gave back no more than its exact share.
    expect(parts[0]?.pointsReturned).toBeLessThanOrEqual((77 * 3_300) / receipt.subtotalMinor);
    expect(await balanceOf()).toBe(before);
  });

  it('takes a balance below zero when the points are spent already, and flags the refund', async () => {
    const first = await sell({ lines: [{ sku: 'BIG', quantity: 1, unitPriceMinor: 90_000 }] });
    const earned = first.pointsEarned;
    await sell({ lines: [{ sku: 'BIG', quantity: 1, unitPriceMinor: 90_000 }], pointsToSpend: earned });
    const spentDown = await balanceOf();
    const back = unwrap(await refund(first.saleId, [{ lineNo: 1, quantity: 1 }]));
    expect(back.pointsReversed).toBe(earned);
    expect(back.balanceAfter).toBe(spentDown - earned);
    expect(back.balanceAfter).toBeLessThan(0);
    expect(back.belowZero).toBe(true);
    expect(rows('SELECT below_zero AS b FROM refunds')).toEqual([{ b: 1 }]);
  });

  it('a cashier refunds only with a manager’s approval', async () => {
    const receipt = await sell();
    unwrap(await c.api.addStaff({ name: 'Cass', role: 'cashier', pin: '1357' }));
    const staff = unwrap(await c.api.signInChoices({}));
    const cashier = staff.find((s) => s.role === 'cashier');
    const manager = staff.find((s) => s.role === 'manager');
    unwrap(await c.api.signIn({ staffId: cashier?.staffId ?? '', pin: '1357' }));
    expect(errorOf(await refund(receipt.saleId, [{ lineNo: 1, quantity: 1 }])).code).toBe('NOT_ALLOWED');
    unwrap(
      await c.api.approveAction({ channel: 'refundSale', staffId: manager?.staffId ?? '', pin: TEST_MANAGER.pin }),
    );
    const back = unwrap(await refund(receipt.saleId, [{ lineNo: 1, quantity: 1 }]));
    expect(back.pointsReversed).toBeGreaterThan(0);
    const [audit] = rows("SELECT staff_id AS s FROM audit_log WHERE action = 'sale.refunded'");
    expect(audit?.s).toBe(manager?.staffId);
  });
});
