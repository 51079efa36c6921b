// Every record a till sends names the staff member who made it: head office stores the signed-in
// cashier's id with the sale, the member and the card they wrote.
import { describe, expect, it } from 'vitest';
import { eq, ne } from 'drizzle-orm';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { cards, members, sales } from '../../server/store/schema';
import { outbox } from '../../db/schema';
import { useEnrolledTills } from './enrolledTerminal.testkit';
import { unwrap } from '../services/services.testkit';
import { syncOnce } from './job';

const START = Date.UTC(2025, 5, 1, 2, 0, 0);

describe.each(testBackends)('staff on the records a till sends, on $name', (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [{ prefix: 1, shopId: 'shopA', code: '90001' }]);
  const ho = () => fixture().ho;

  it("a sale, a member and a card reach head office with the signed-in cashier's id", async () => {
    const { database } = fixture();
    const till = fixture().till(0);
    const cashier = unwrap(await till.api.addStaff({ name: 'Wang Fang', role: 'cashier', pin: '1357' }));
    unwrap(await till.api.signIn({ staffId: cashier.staffId, pin: '1357' }));
    const member = unwrap(
      await till.api.registerMember({
        requestId: till.ctx.ids.uuid(),
        name: 'Li Lei',
        phone: '13800138000',
        birthday: null,
      }),
    );
    const sale = unwrap(
      await till.api.recordSale({
        requestId: till.ctx.ids.uuid(),
        memberId: member.id,
        lines: [{ sku: 'TEA', quantity: 1, unitPriceMinor: 1_200 }],
      }),
    );
    // The member and the sale in the till's outbox name the cashier (audit rows name whom they chained).
    const makers = till.db
      .select({ json: outbox.payloadJson })
      .from(outbox)
      .where(ne(outbox.recordType, 'audit'))
      .all()
      .map((r) => (JSON.parse(r.json) as { staffId?: unknown }).staffId);
    expect(makers).toEqual([cashier.staffId, cashier.staffId]);

    await syncOnce({ db: till.db, clock, owner: 'test' });
    await ho().waitDerived();
    const { db } = database;
    const [stored] = await db.select().from(sales).where(eq(sales.id, sale.saleId));
    expect(stored?.staffId).toBe(cashier.staffId);
    const [registered] = await db.select().from(members).where(eq(members.id, member.id));
    expect(registered?.staffId).toBe(cashier.staffId);
    const [card] = await db.select().from(cards).where(eq(cards.number, member.cardNumber));
    expect(card?.staffId).toBe(cashier.staffId);
  });
});
