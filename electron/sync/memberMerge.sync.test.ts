// Issue 16: two registrations of one person merged at head office reach every till by the pull: the
// duplicate's card finds the survivor with the summed balance, and a sale made on that card at a till
// that had not pulled the merge yet lands on the survivor too. Real HTTP, real SQLite, head office on
// PGlite (and PostgreSQL when named).
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ledger as hoLedger, sales as hoSales } from '../../server/store/schema';
import { testBackends } from '../../server/testing/databases';
import { fixedClock } from '../platform/sources';
import type { Result } from '../../shared/contract';
import { errorMessage } from '../../shared/contract/errorMessages';
import { errorOf, unwrap } from '../services/services.testkit';
import { useEnrolledTills } from './enrolledTerminal.testkit';
import { syncOnce } from './job';

const START = Date.UTC(2025, 5, 1, 2, 0, 0);

describe.each(testBackends)('a member merge reaching the tills, on $name', (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [
    { prefix: 7, shopId: 'shopM', code: '90161' },
    { prefix: 8, shopId: 'shopN', code: '90162' },
  ]);

  it("moves the duplicate's card and points to the survivor, a late offline sale included", async () => {
    const { ho, database } = fixture();
    const [tillM, tillN] = [fixture().till(0), fixture().till(1)];
    const sync = async (till: typeof tillM, owner: string) =>
      expect(await syncOnce({ db: till.db, clock, owner })).toMatchObject({ status: 'synced' });
    const sale = async (till: typeof tillM, memberId: string, unitPriceMinor: number) =>
      unwrap(
        await till.api.recordSale({
          requestId: till.ctx.ids.uuid(),
          memberId,
          lines: [{ sku: 'TEA', quantity: 1, unitPriceMinor }],
        }),
      );
    const keep = unwrap(
      await tillM.api.registerMember({ requestId: tillM.ctx.ids.uuid(), name: '王芳', phone: '13700137161' }),
    );
    const dup = unwrap(
      await tillN.api.registerMember({ requestId: tillN.ctx.ids.uuid(), name: '王芳', phone: '13700137162' }),
    );
    expect((await sale(tillM, keep.id, 10_000)).pointsEarned).toBe(100);
    expect((await sale(tillN, dup.id, 25_000)).pointsEarned).toBe(250);
    await sync(tillM, 'm');
    await sync(tillN, 'n');
    await ho.waitDerived();
    await sync(tillM, 'm');
    await sync(tillN, 'n');
    expect(unwrap(await tillM.api.lookupCard({ cardNumber: dup.cardNumber })).id).toBe(dup.id);

    clock.advance(60_000);
    const merged = await ho.admin.call('mergeMembers', { params: { id: keep.id }, body: { duplicateId: dup.id } });
    expect(merged).toMatchObject({ pointsMoved: 250, survivorBalance: 350, cardsMoved: [dup.cardNumber] });

    // Till N has not pulled: the card is still the duplicate's there, and a sale on it is made offline.
    clock.advance(60_000);
    const atN = unwrap(await tillN.api.lookupCard({ cardNumber: dup.cardNumber }));
    expect(atN).toMatchObject({ id: dup.id, balance: 250 });
    expect((await sale(tillN, atN.id, 5_000)).pointsEarned).toBe(50);

    // Till M pulls: the duplicate's card finds the survivor, with both balances summed.
    await sync(tillM, 'm');
    expect(unwrap(await tillM.api.lookupCard({ cardNumber: dup.cardNumber }))).toMatchObject({
      id: keep.id,
      balance: 350,
    });
    expect(unwrap(await tillM.api.searchMembers({ query: '13700137162', limit: 10 })).members).toEqual([]);

    // Till N pushes its sale and pulls; head office settles the sale's points onto the survivor.
    await sync(tillN, 'n');
    await ho.waitDerived();
    await sync(tillN, 'n');
    await sync(tillM, 'm');
    for (const till of [tillM, tillN]) {
      expect(unwrap(await till.api.lookupCard({ cardNumber: dup.cardNumber }))).toMatchObject({
        id: keep.id,
        balance: 400,
      });
      expect(unwrap(await till.api.getBalance({ memberId: dup.id })).balance).toBe(0);
    }
    const balanceAtHo = async (memberId: string) =>
      (
        await database.db
          .select({ b: sql<number>`coalesce(sum(${hoLedger.delta}), 0)::int` })
          .from(hoLedger)
          .where(eq(hoLedger.memberId, memberId))
      )[0]?.b;
    expect([await balanceAtHo(keep.id), await balanceAtHo(dup.id)]).toEqual([400, 0]);
    // The sale stays as it was made (the duplicate's history, shown on the survivor's page).
    const dupSales = await database.db.select().from(hoSales).where(eq(hoSales.memberId, dup.id));
    expect(dupSales.map((s) => s.pointsEarned).sort()).toEqual([250, 50].sort());
  });

  it('refuses, offline, any change to a duplicate the till has pulled the merge of, naming the survivor', async () => {
    const { ho } = fixture();
    const [tillM, tillN] = [fixture().till(0), fixture().till(1)];
    const keep = unwrap(
      await tillM.api.registerMember({ requestId: tillM.ctx.ids.uuid(), name: '李雷', phone: '13700137163' }),
    );
    const dup = unwrap(
      await tillN.api.registerMember({ requestId: tillN.ctx.ids.uuid(), name: '李雷', phone: '13700137164' }),
    );
    for (const [till, owner] of [
      [tillM, 'm'],
      [tillN, 'n'],
      [tillM, 'm'],
    ] as const)
      expect(await syncOnce({ db: till.db, clock, owner })).toMatchObject({ status: 'synced' });
    await ho.waitDerived();
    await ho.admin.call('mergeMembers', { params: { id: keep.id }, body: { duplicateId: dup.id } });
    expect(await syncOnce({ db: tillN.db, clock, owner: 'n' })).toMatchObject({ status: 'synced' });

    // From here till N is offline: what it refuses, it refuses on its own.
    await ho.stop();
    const counts = () =>
      ['points_ledger', 'outbox', 'sales', 'redemptions', 'tier_overrides', 'audit_log', 'members'].map(
        (table) => tillN.db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)).n,
      );
    const before = counts();
    const survivor = { survivorId: keep.id, survivorName: '李雷', survivorCard: keep.cardNumber };
    const refusals: Result<unknown>[] = [
      await tillN.api.adjustPoints({
        requestId: tillN.ctx.ids.uuid(),
        memberId: dup.id,
        delta: 100,
        reason: 'goodwill',
      }),
      await tillN.api.setMemberTier({ memberId: dup.id, tierCode: 'GOLD', reason: 'VIP', endsAt: START + 86_400_000 }),
      await tillN.api.recordSale({
        requestId: tillN.ctx.ids.uuid(),
        memberId: dup.id,
        lines: [{ sku: 'TEA', quantity: 1, unitPriceMinor: 10_000 }],
      }),
      await tillN.api.previewSale({ memberId: dup.id, lines: [{ sku: 'TEA', quantity: 1, unitPriceMinor: 10_000 }] }),
      await tillN.api.redeemReward({ requestId: tillN.ctx.ids.uuid(), memberId: dup.id, rewardId: keep.id }),
    ];
    for (const refused of refusals)
      expect(errorOf(refused)).toMatchObject({ code: 'MEMBER_MERGED', details: { memberId: dup.id, ...survivor } });
    expect(counts()).toEqual(before);
    const details = { ...survivor, memberId: dup.id };
    expect(errorMessage('MEMBER_MERGED', 'en', details)).toBe(
      `Head office merged this member into “李雷” (card ${keep.cardNumber}); use that member. Nothing was changed.`,
    );
    expect(errorMessage('MEMBER_MERGED', 'zh-CN', details)).toContain(`会员“李雷”（卡号 ${keep.cardNumber}）`);

    // The duplicate's own card finds the survivor, whose points may be changed as ever.
    expect(unwrap(await tillN.api.lookupCard({ cardNumber: dup.cardNumber })).id).toBe(keep.id);
    expect(
      unwrap(
        await tillN.api.adjustPoints({
          requestId: tillN.ctx.ids.uuid(),
          memberId: keep.id,
          delta: 5,
          reason: 'goodwill',
        }),
      ).balanceAfter,
    ).toBe(5);
  });
});
