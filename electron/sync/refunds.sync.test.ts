// A refund at another shop: online, the till asks head office for the sale and refunds it at once;
// offline, it records the keyed lines and head office settles them when the till syncs (the reversal
// rows come back to it by the pull); an offline over-refund is refused there and shown at the till.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TerminalCore } from '../terminal/terminalCore';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { useEnrolledTills } from './enrolledTerminal.testkit';
import { assertLedgerConsistent, errorOf, unwrap } from '../services/services.testkit';
import { syncOnce } from './job';
import { syncLink } from '../../db/schemaSync';
import { refunds as hoRefunds } from '../../server/store/schema';

const START = Date.UTC(2025, 5, 1, 2, 0, 0);

describe.each(testBackends)('refunds across shops on $name', (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [
    { prefix: 1, shopId: 'shopA', code: '90001' },
    { prefix: 2, shopId: 'shopB', code: '90002' },
  ]);
  const sync = async (core: TerminalCore) => {
    const result = await syncOnce({ db: core.db, clock, owner: `test-${core.dbFile}` });
    await fixture().ho.waitDerived();
    return result;
  };
  /** Head office's address swapped for a closed port: the till is offline, nothing else changes. */
  const offline = (core: TerminalCore, url: string) => core.db.update(syncLink).set({ headOfficeUrl: url }).run();
  const balanceAt = async (core: TerminalCore, memberId: string) =>
    unwrap(await core.api.getMember({ memberId })).balance;

  it('refunds another shop’s sale online at once, and offline once head office settles it', async () => {
    const [a, b] = [fixture().till(0), fixture().till(1)];
    const member = unwrap(
      await a.api.registerMember({ requestId: a.ctx.ids.uuid(), name: 'Lin Mei', phone: '13700001111' }),
    );
    const before = await balanceAt(a, member.id);
    const sell = async () =>
      unwrap(
        await a.api.recordSale({
          requestId: a.ctx.ids.uuid(),
          memberId: member.id,
          lines: [
            { sku: 'TEA', name: 'Tea', quantity: 2, unitPriceMinor: 4_000 },
            { sku: 'CAKE', name: 'Cake', quantity: 1, unitPriceMinor: 2_500 },
          ],
        }),
      );
    const first = await sell();
    const second = await sell();
    await sync(a);
    await sync(b);
    expect(await balanceAt(b, member.id)).toBe(before + first.pointsEarned + second.pointsEarned);

    // Online at shop B: the sale comes from head office; the refund is settled at the till.
    const view = unwrap(await b.api.getSaleForRefund({ saleId: first.saleId }));
    expect(view).toMatchObject({ source: 'headOffice', memberId: member.id });
    const online = unwrap(
      await b.api.refundSale({
        requestId: b.ctx.ids.uuid(),
        saleId: first.saleId,
        lines: [
          { lineNo: 1, quantity: 2 },
          { lineNo: 2, quantity: 1 },
        ],
      }),
    );
    expect(online).toMatchObject({ settlement: 'terminal', pointsReversed: first.pointsEarned });
    expect(
      errorOf(
        await b.api.refundSale({
          requestId: b.ctx.ids.uuid(),
          saleId: first.saleId,
          lines: [{ lineNo: 1, quantity: 1 }],
        }),
      ).code,
    ).toBe('REFUND_EXCEEDS_SALE');
    await sync(b);
    await sync(a);
    expect(await balanceAt(a, member.id)).toBe(before + second.pointsEarned);

    // Offline at shop B, a sale it never saw: the keyed lines are recorded and queued.
    const url = b.db.select().from(syncLink).get()?.headOfficeUrl ?? '';
    offline(b, 'http://127.0.0.1:9');
    expect(errorOf(await b.api.getSaleForRefund({ saleId: second.saleId })).code).toBe('HEADOFFICE_UNREACHABLE');
    const queued = unwrap(
      await b.api.refundSale({
        requestId: b.ctx.ids.uuid(),
        saleId: second.saleId,
        memberId: member.id,
        lines: [{ lineNo: 1, quantity: 2 }],
      }),
    );
    expect(queued).toMatchObject({ settlement: 'headOffice', pointsReversed: null, amountMinor: null });
    // A second one for more than is left: head office refuses it when it hears of it.
    unwrap(
      await b.api.refundSale({
        requestId: b.ctx.ids.uuid(),
        saleId: second.saleId,
        memberId: member.id,
        lines: [{ lineNo: 1, quantity: 1 }],
      }),
    );
    offline(b, url);
    await sync(b);
    await sync(b);
    const settled = await fixture().database.db.select().from(hoRefunds).where(eq(hoRefunds.id, queued.refundId));
    expect(settled[0]).toMatchObject({ settlement: 'headOffice', saleId: second.saleId });
    const teaPoints = second.lines[0]?.points ?? 0;
    // The reversal head office derived came back to the till that recorded the refund.
    expect(await balanceAt(b, member.id)).toBeLessThanOrEqual(before + second.pointsEarned - teaPoints);
    await sync(a);
    expect(await balanceAt(a, member.id)).toBe(await balanceAt(b, member.id));
    expect(unwrap(await b.api.getStatus({})).refused.count).toBe(1);
    assertLedgerConsistent(a.db);
    assertLedgerConsistent(b.db);
  });
});
