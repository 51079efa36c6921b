import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STAFF, type MemberView } from '../../shared/contract';
import { AdjustmentRecord } from '../../shared/sync/records';
import {
  assertLedgerConsistent,
  checkAndDispose,
  errorOf,
  openTestShop,
  registerTestMember,
  tableCounts,
  unwrap,
  type TestCore,
} from './services.testkit';

const [DEMO_MANAGER, DEMO_CASHIER] = DEMO_STAFF;

let c: TestCore;
let member: MemberView;
beforeEach(async () => {
  c = await openTestShop('demo');
  member = await registerTestMember(c, { name: 'Adjusted', phone: '17755123457' });
});
afterEach(() => checkAndDispose(c));

const adjust = (delta: number, reason: 'goodwill' | 'correction' | 'other' = 'goodwill', note = '') =>
  c.api.adjustPoints({ requestId: c.ctx.ids.uuid(), memberId: member.id, delta, reason, note });
const balance = async () => unwrap(await c.api.getBalance({ memberId: member.id })).balance;

describe('adjustPoints', () => {
  it('gives history the reason and note as data, for the till to word in its language', async () => {
    unwrap(await adjust(40, 'other', 'paid twice'));
    unwrap(await adjust(-10, 'correction'));
    const ledger = unwrap(await c.api.memberLedger({ memberId: member.id }));
    expect(ledger.items.map((l) => l.detail)).toEqual([
      { kind: 'adjust', reason: 'correction', note: '' },
      { kind: 'adjust', reason: 'other', note: 'paid twice' },
    ]);
  });

  it('adds and removes points: one adjust ledger row, one audit row and one adjustment record each', async () => {
    const added = unwrap(await adjust(300, 'goodwill', 'birthday cake was late'));
    expect(added).toMatchObject({ delta: 300, reason: 'goodwill', balanceAfter: 300 });
    const removed = unwrap(await adjust(-120, 'correction'));
    expect(removed.balanceAfter).toBe(180);
    expect(await balance()).toBe(180);

    const ledger = unwrap(await c.api.memberLedger({ memberId: member.id }));
    expect(ledger.items.map((l) => [l.kind, l.delta])).toEqual([
      ['adjust', -120],
      ['adjust', 300],
    ]);
    const audit = c.db.$client
      .prepare("SELECT subject, details_json AS d FROM audit_log WHERE action = 'points.adjusted' ORDER BY seq")
      .all() as { subject: string; d: string }[];
    expect(audit.map((a) => a.subject)).toEqual([added.adjustmentId, removed.adjustmentId]);
    expect(JSON.parse(audit[0]?.d ?? '{}')).toEqual({
      delta: 300,
      reason: 'goodwill',
      note: 'birthday cake was late',
      balanceBefore: 0,
    });
    const records = c.db.$client
      .prepare("SELECT payload_json AS p FROM outbox WHERE record_type = 'adjustment' ORDER BY seq")
      .all() as { p: string }[];
    const parsed = records.map((r) => AdjustmentRecord.parse(JSON.parse(r.p)));
    expect(parsed.map((r) => [r.id, r.delta, r.ledger[0]?.id, r.staffId])).toEqual([
      [added.adjustmentId, 300, added.adjustmentId, expect.any(String)],
      [removed.adjustmentId, -120, removed.adjustmentId, expect.any(String)],
    ]);
  });

  it('refuses a removal past zero with ADJUST_BELOW_ZERO and writes nothing', async () => {
    unwrap(await adjust(50));
    const before = tableCounts(c.db);
    expect(errorOf(await adjust(-51))).toEqual({ code: 'ADJUST_BELOW_ZERO', details: { balance: 50, delta: -51 } });
    expect(tableCounts(c.db)).toEqual(before);
    expect(unwrap(await adjust(-50)).balanceAfter).toBe(0);
  });

  it('refuses zero, a missing note for "other", and an unknown member, writing nothing', async () => {
    const before = tableCounts(c.db);
    expect(errorOf(await adjust(0)).code).toBe('VALIDATION');
    expect(errorOf(await adjust(10, 'other')).code).toBe('VALIDATION');
    expect(errorOf(await adjust(10, 'other', '   ')).code).toBe('VALIDATION');
    expect(errorOf(await adjust(1_000_001)).code).toBe('VALIDATION');
    const unknown = '00000000-0000-4000-8000-000000000001';
    expect(
      errorOf(
        await c.api.adjustPoints({ requestId: c.ctx.ids.uuid(), memberId: unknown, delta: 5, reason: 'goodwill' }),
      ).code,
    ).toBe('NOT_FOUND');
    expect(tableCounts(c.db)).toEqual(before);
  });

  it('a repeated request answers the first receipt and adjusts once', async () => {
    const requestId = c.ctx.ids.uuid();
    const input = { requestId, memberId: member.id, delta: 40, reason: 'complaint' as const };
    const first = unwrap(await c.api.adjustPoints(input));
    expect(unwrap(await c.api.adjustPoints(input))).toEqual(first);
    expect(await balance()).toBe(40);
  });

  it("a cashier is refused; a manager's one-time approval lets exactly the next adjustment through", async () => {
    const staff = unwrap(await c.api.signInChoices({}));
    const cashier = staff.find((s) => s.role === 'cashier');
    const manager = staff.find((s) => s.role === 'manager');
    if (!cashier || !manager) throw new Error('demo staff missing');
    unwrap(await c.api.signIn({ staffId: cashier.staffId, pin: DEMO_CASHIER.pin }));
    expect(errorOf(await adjust(10)).code).toBe('NOT_ALLOWED');
    unwrap(await c.api.approveAction({ channel: 'adjustPoints', staffId: manager.staffId, pin: DEMO_MANAGER.pin }));
    unwrap(await adjust(10));
    expect(errorOf(await adjust(10)).code).toBe('NOT_ALLOWED');
    const audit = c.db.$client
      .prepare("SELECT staff_id AS s FROM audit_log WHERE action = 'points.adjusted'")
      .get() as { s: string };
    expect(audit.s).toBe(manager.staffId);
  });

  it('for any sequence of adjustments the balance is the ledger sum and never goes below zero', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: -400, max: 400 }), { maxLength: 12 }), async (deltas) => {
        let expected = await balance();
        for (const delta of deltas) {
          const r = await adjust(delta);
          if (delta === 0) expect(r.ok).toBe(false);
          else if (expected + delta < 0) expect(errorOf(r).code).toBe('ADJUST_BELOW_ZERO');
          else expected = unwrap(r).balanceAfter;
          expect(expected).toBeGreaterThanOrEqual(0);
        }
        expect(await balance()).toBe(expected);
        assertLedgerConsistent(c.db);
      }),
      { numRuns: 15 },
    );
  });
});
