// Issue 15: a manager's points adjustment at a till reaches head office once (its ledger row
// derived from the 'adjustment' record), and head office's own adjustment reaches the till by the
// pull. Real HTTP, real SQLite, head office on PGlite (and PostgreSQL when named).
import { asc, eq } from 'drizzle-orm';
import { audit as hoAudit, ledger as hoLedger } from '../../server/store/schema';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { unwrap } from '../services/services.testkit';
import { useEnrolledTills } from './enrolledTerminal.testkit';
import { syncOnce } from './job';

const START = Date.UTC(2025, 5, 1, 2, 0, 0);

describe.each(testBackends)('points adjustments between a till and head office, on $name', (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [
    { prefix: 5, shopId: 'shopJ', code: '90151' },
    { prefix: 6, shopId: 'shopK', code: '90152' },
  ]);

  it('a till adjustment is stored once at head office; head office adjusts back down to both tills', async () => {
    const { ho, database } = fixture();
    const [tillJ, tillK] = [fixture().till(0), fixture().till(1)];
    const member = unwrap(
      await tillJ.api.registerMember({ requestId: tillJ.ctx.ids.uuid(), name: 'Adjusted', phone: '13700137015' }),
    );
    const adjusted = unwrap(
      await tillJ.api.adjustPoints({
        requestId: tillJ.ctx.ids.uuid(),
        memberId: member.id,
        delta: 300,
        reason: 'goodwill',
        note: 'late delivery',
      }),
    );
    expect(await syncOnce({ db: tillJ.db, clock, owner: 'j' })).toMatchObject({ status: 'synced' });
    await ho.waitDerived();
    const rows = async () =>
      database.db
        .select({ id: hoLedger.id, kind: hoLedger.kind, delta: hoLedger.delta, terminalId: hoLedger.terminalId })
        .from(hoLedger)
        .where(eq(hoLedger.memberId, member.id))
        .orderBy(asc(hoLedger.createdAt), asc(hoLedger.id));
    expect(await rows()).toEqual([
      { id: adjusted.adjustmentId, kind: 'adjust', delta: 300, terminalId: expect.any(String) },
    ]);

    // Head office removes 100 (audited); a removal past what is left is refused and writes nothing.
    const back = await ho.admin.call('adjustPoints', {
      params: { id: member.id },
      body: { delta: -100, reason: 'correction', note: 'double entry' },
    });
    expect(back).toMatchObject({ delta: -100, balanceAfter: 200 });
    const refused = await ho.call(
      'POST',
      `/admin/members/${member.id}/adjust-points`,
      { delta: -201, reason: 'correction' },
      ho.adminToken,
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ details: { reason: 'ADJUST_BELOW_ZERO', balance: 200 } });
    const bad = await ho.call(
      'POST',
      `/admin/members/${member.id}/adjust-points`,
      { delta: 5, reason: 'other' },
      ho.adminToken,
    );
    expect(bad.status).toBe(400);
    expect((await rows()).length).toBe(2);
    const audited = await database.db.select().from(hoAudit).where(eq(hoAudit.action, 'points.adjusted'));
    // The till's audit row (synced) and head office's own; the refused calls wrote none.
    expect(audited).toHaveLength(2);

    // A shop manager of another shop does not see this member.
    const { token } = await ho.admin.call('createApiToken', {
      body: { label: 'K manager', role: 'shop_manager', shops: ['shopK'] },
    });
    const foreign = await ho.call(
      'POST',
      `/admin/members/${member.id}/adjust-points`,
      { delta: 5, reason: 'goodwill' },
      token,
    );
    expect(foreign.status).toBe(404);

    // Both tills pull: the adjusting till gets head office's row, the other shop's till both rows.
    expect(await syncOnce({ db: tillJ.db, clock, owner: 'j' })).toMatchObject({ status: 'synced' });
    expect(await syncOnce({ db: tillK.db, clock, owner: 'k' })).toMatchObject({ status: 'synced' });
    expect(unwrap(await tillJ.api.getBalance({ memberId: member.id })).balance).toBe(200);
    expect(unwrap(await tillK.api.getBalance({ memberId: member.id })).balance).toBe(200);
    const ledgerJ = unwrap(await tillJ.api.memberLedger({ memberId: member.id })).items;
    expect(ledgerJ.map((l) => [l.kind, l.delta])).toEqual([
      ['adjust', -100],
      ['adjust', 300],
    ]);
  });
});
