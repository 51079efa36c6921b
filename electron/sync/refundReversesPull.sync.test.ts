// A refund's reversal rows reach every till naming the rows they reverse (reverses_id), and a
// refund un-earns the points it takes back: the earned total drops at the refunding till and at
// every till that pulls the reversal (shared/domain/pointsEarned.ts).
import { describe, expect, it } from 'vitest';
import type { TerminalCore } from '../terminal/terminalCore';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { useEnrolledTills } from './enrolledTerminal.testkit';
import { assertLedgerConsistent, unwrap } from '../services/services.testkit';
import { syncOnce } from './job';

const START = Date.UTC(2025, 5, 1, 2, 0, 0);

const rowsOf = (core: TerminalCore, kind: string, memberId: string) =>
  core.db.$client
    .prepare(
      'SELECT id, delta, reverses_id AS reversesId FROM points_ledger WHERE kind = ? AND member_id = ? ORDER BY id',
    )
    .all(kind, memberId) as { id: string; delta: number; reversesId: string | null }[];

describe.each(testBackends)('a refund pulled onto another till on $name', (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [
    { prefix: 1, shopId: 'shopA', code: '90011' },
    { prefix: 2, shopId: 'shopB', code: '90012' },
  ]);
  const sync = async (core: TerminalCore) => {
    await syncOnce({ db: core.db, clock, owner: `test-${core.dbFile}` });
    await fixture().ho.waitDerived();
  };

  it('names the reversed rows, and lowers the earned total at both tills', async () => {
    const [a, b] = [fixture().till(0), fixture().till(1)];
    const member = unwrap(
      await a.api.registerMember({ requestId: a.ctx.ids.uuid(), name: 'Zhou Lan', phone: '13700002222' }),
    );
    const earnedBefore = unwrap(await a.api.getMember({ memberId: member.id })).pointsEarnedTotal;
    const sale = unwrap(
      await a.api.recordSale({
        requestId: a.ctx.ids.uuid(),
        memberId: member.id,
        lines: [{ sku: 'TEA', name: 'Tea', quantity: 3, unitPriceMinor: 5_000 }],
      }),
    );
    expect(sale.pointsEarned).toBeGreaterThan(0);
    await sync(a);
    await sync(b);
    expect(unwrap(await b.api.getMember({ memberId: member.id })).pointsEarnedTotal).toBe(
      earnedBefore + sale.pointsEarned,
    );

    unwrap(
      await a.api.refundSale({ requestId: a.ctx.ids.uuid(), saleId: sale.saleId, lines: [{ lineNo: 1, quantity: 3 }] }),
    );
    expect(unwrap(await a.api.getMember({ memberId: member.id })).pointsEarnedTotal).toBe(earnedBefore);
    await sync(a);
    await sync(b);

    const earnIds = rowsOf(a, 'earn', member.id).map((r) => r.id);
    const atA = rowsOf(a, 'reversal', member.id);
    const atB = rowsOf(b, 'reversal', member.id);
    expect(atA.length).toBeGreaterThan(0);
    expect(atB).toEqual(atA);
    for (const r of atB) expect(earnIds).toContain(r.reversesId);
    expect(unwrap(await b.api.getMember({ memberId: member.id })).pointsEarnedTotal).toBe(earnedBefore);
    assertLedgerConsistent(a.db);
    assertLedgerConsistent(b.db);
  });
});
