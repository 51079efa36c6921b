// Issue 15, expiry: a lot that two tills and head office all know expires once. Each till writes
// the expiry row with the id derived from member + lot; head office stores the first and ignores
// the repeat, the pull brings the row to the till that had not written it, and balances agree.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { ledger as hoLedger } from '../../server/store/schema';
import { pointsLedger } from '../../db/schema';
import { TEST_MANAGER, unwrap } from '../services/services.testkit';
import type { TerminalCore } from '../terminal/terminalCore';
import { useEnrolledTills } from './enrolledTerminal.testkit';
import { syncOnce } from './job';
import { expireDueAtHeadOffice } from '../../server/sync/expiry';

const START = Date.UTC(2025, 5, 1, 2, 0, 0);

async function signInAgain(till: TerminalCore): Promise<void> {
  const [manager] = unwrap(await till.api.signInChoices({}));
  if (!manager) throw new Error('the test shop has its manager');
  unwrap(await till.api.signIn({ staffId: manager.staffId, pin: TEST_MANAGER.pin }));
}
const DAY = 86_400_000;

describe.each(testBackends)('an expiring lot across two tills and head office, on $name', (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [
    { prefix: 5, shopId: 'shopE', code: '90501' },
    { prefix: 6, shopId: 'shopE', code: '90502' },
  ]);

  it('both tills expire the same lot: one row at head office, the same balance everywhere', async () => {
    const { ho, database } = fixture();
    const [a, b] = [fixture().till(0), fixture().till(1)];
    // The shop's rules from head office, with a one-month rolling expiry (the existing rules path).
    const rules = {
      version: 1000,
      base: { kind: 'perAmount', ratio: { points: 1, perMinor: 100 } },
      redemption: { pointsPerUnit: 100, unitValueMinor: 100 },
      expiry: { kind: 'rollingMonths', months: 1 },
    };
    expect((await ho.call('POST', '/admin/rules', { rules, effectiveFrom: 0 }, ho.adminToken)).status).toBe(200);
    const zero = { ...rules, version: 1001, expiry: { kind: 'rollingMonths', months: 0 } };
    expect((await ho.call('POST', '/admin/rules', { rules: zero, effectiveFrom: 0 }, ho.adminToken)).status).toBe(400);
    const sync = async (till: typeof a, owner: string) =>
      expect(await syncOnce({ db: till.db, clock, owner })).toMatchObject({ status: 'synced' });
    await sync(a, 'a');
    await sync(b, 'b');

    const member = unwrap(
      await a.api.registerMember({ requestId: a.ctx.ids.uuid(), name: 'Lot', phone: '13700137111' }),
    );
    const sale = unwrap(
      await a.api.recordSale({
        requestId: a.ctx.ids.uuid(),
        memberId: member.id,
        lines: [{ sku: 'TEA', quantity: 1, unitPriceMinor: 30_000 }],
      }),
    );
    expect(sale.pointsEarned).toBe(300);
    await sync(a, 'a');
    await ho.waitDerived();
    await sync(b, 'b');
    const lotAtB = b.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, member.id)).all();
    expect(lotAtB.map((r) => [r.kind, r.delta, r.expiresAt])).toEqual([
      ['earn', 300, Date.parse('2025-07-01T16:00:00Z')],
    ]);
    clock.advance(5 * DAY); // within 30 days of the expiry
    for (const till of [a, b]) await signInAgain(till);
    expect(unwrap(await b.api.getMember({ memberId: member.id })).expiringSoon).toEqual({
      points: 300,
      at: Date.parse('2025-07-01T16:00:00Z'),
    });

    // Past the expiry, both tills look the member up while apart: each writes the expiry row.
    clock.advance(26 * DAY);
    for (const till of [a, b]) await signInAgain(till); // the idle lock runs on this clock here
    expect(unwrap(await a.api.getMember({ memberId: member.id })).balance).toBe(0);
    expect(unwrap(await b.api.getMember({ memberId: member.id })).balance).toBe(0);
    const expiryAt = (till: typeof a) =>
      till.db
        .select()
        .from(pointsLedger)
        .where(eq(pointsLedger.kind, 'expire'))
        .all()
        .map((r) => [r.id, r.delta]);
    expect(expiryAt(a)).toEqual(expiryAt(b));
    expect(expiryAt(a)).toHaveLength(1);

    await sync(a, 'a');
    await sync(b, 'b');
    await ho.waitDerived();
    await sync(a, 'a');
    await sync(b, 'b');
    const atHo = await database.db.select().from(hoLedger).where(eq(hoLedger.memberId, member.id));
    expect(atHo.filter((r) => r.kind === 'expire').map((r) => [r.id, r.delta, r.lotId])).toEqual([
      [expiryAt(a)[0]?.[0], -300, lotAtB[0]?.id],
    ]);
    expect(atHo.reduce((s, r) => s + r.delta, 0)).toBe(0);
    for (const till of [a, b]) {
      expect(unwrap(await till.api.getMember({ memberId: member.id })).balance).toBe(0);
      expect(expiryAt(till)).toHaveLength(1);
    }
  });

  it('head office expires a lot no till looked up; the pull brings the row and no till writes it again', async () => {
    const { ho, database } = fixture();
    const a = fixture().till(0);
    await signInAgain(a);
    const member = unwrap(
      await a.api.registerMember({ requestId: a.ctx.ids.uuid(), name: 'Far', phone: '13700137222' }),
    );
    const sale = unwrap(
      await a.api.recordSale({
        requestId: a.ctx.ids.uuid(),
        memberId: member.id,
        lines: [{ sku: 'TEA', quantity: 1, unitPriceMinor: 12_300 }],
      }),
    );
    expect(await syncOnce({ db: a.db, clock, owner: 'a' })).toMatchObject({ status: 'synced' });
    await ho.waitDerived();
    clock.advance(40 * DAY);
    expect(await expireDueAtHeadOffice(database.db, clock.now())).toBe(1);
    expect(await expireDueAtHeadOffice(database.db, clock.now())).toBe(0); // never twice
    expect(await syncOnce({ db: a.db, clock, owner: 'a' })).toMatchObject({ status: 'synced' });
    const atTill = a.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, member.id)).all();
    expect(atTill.map((r) => [r.kind, r.delta])).toEqual([
      ['earn', sale.pointsEarned],
      ['expire', -sale.pointsEarned],
    ]);
    await signInAgain(a);
    expect(unwrap(await a.api.getMember({ memberId: member.id })).balance).toBe(0);
    expect(a.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, member.id)).all()).toHaveLength(2);
    const atHo = await database.db.select().from(hoLedger).where(eq(hoLedger.memberId, member.id));
    expect(atHo.reduce((sum, r) => sum + r.delta, 0)).toBe(0);
  });
});
