// Issue 15's ledger properties at the till, over any sequence of sales, refunds, redemptions,
// adjustments and days passing (points expiring): the balance is the ledger's sum; no spend or
// redemption takes more than the member could spend at that moment (expired points included);
// each lot expires at most once; and a full refund of every sale returns the member to where they
// would be without those sales (bar expiry).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MemberView } from '../../shared/contract';
import { derivePointLots, ledgerOrder, type LedgerEntry } from '../../shared/domain/pointLots';
import { expireAllDue } from './expiry';
import { useExpiryPolicy } from './expiry.testkit';
import { assertLedgerConsistent, checkAndDispose, openTestShop, registerTestMember, unwrap } from './services.testkit';
import type { TestCore } from './services.testkit';

const DAY = 86_400_000;
const REFUSALS = new Set([
  'INSUFFICIENT_POINTS',
  'OUT_OF_STOCK',
  'REWARD_INACTIVE',
  'REWARD_TIER_TOO_LOW',
  'TIER_TOO_LOW',
  'POINTS_ABOVE_SALE_CAP',
  'POINTS_BELOW_MINIMUM',
  'ADJUST_BELOW_ZERO',
  'REFUND_EXCEEDS_SALE',
  'MEMBER_CHECK_REQUIRED',
]);

const op = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('sale' as const),
      minor: fc.integer({ min: 100, max: 80_000 }),
      spend: fc.oneof(fc.constant(0), fc.integer({ min: 100, max: 3_000 })),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), full: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('redeem' as const), reward: fc.nat({ max: 9 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      delta: fc.integer({ min: -400, max: 400 }).filter((d) => d !== 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('days' as const), days: fc.integer({ min: 1, max: 45 }) }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

interface Row extends LedgerEntry {
  saleId: string | null;
  refundId: string | null;
}

function ledgerOf(c: TestCore, memberId: string): Row[] {
  return c.db.$client
    .prepare(
      `SELECT id, kind, delta, created_at AS createdAt, expires_at AS expiresAt, lot_id AS lotId,
              sale_id AS saleId, refund_id AS refundId
       FROM points_ledger WHERE member_id = ?`,
    )
    .all(memberId) as Row[];
}

/** Every spend and redemption took at most what the member could spend just before it. */
function assertNothingOverspent(rows: Row[]): void {
  const ordered = [...rows].sort(ledgerOrder);
  ordered.forEach((row, i) => {
    if (row.kind !== 'spend' && row.kind !== 'redeem') return;
    const before = derivePointLots(ordered.slice(0, i), row.createdAt);
    expect(-row.delta, `${row.kind} ${row.id}`).toBeLessThanOrEqual(before.available);
  });
}

function assertExpiredOnce(rows: Row[]): void {
  const lots = rows.filter((r) => r.kind === 'expire').map((r) => r.lotId);
  expect(new Set(lots).size).toBe(lots.length);
}

async function run(c: TestCore, member: MemberView, ops: Op[], rewardIds: string[]): Promise<string[]> {
  const sales: string[] = [];
  for (const o of ops) {
    c.clock.advance(60_000);
    let answer: { ok: true } | { ok: false; error: { code: string } } = { ok: true };
    if (o.kind === 'sale') {
      const sold = await c.api.recordSale({
        requestId: c.ctx.ids.uuid(),
        memberId: member.id,
        pointsToSpend: o.spend,
        lines: [
          { sku: 'A', category: 'grocery', quantity: 2, unitPriceMinor: o.minor },
          { sku: 'B', category: 'bakery', quantity: 1, unitPriceMinor: 1_000 + (o.minor % 5_000) },
        ],
      });
      if (sold.ok) sales.push(sold.value.saleId);
      answer = sold;
    } else if (o.kind === 'refund' && sales.length > 0) {
      const saleId = sales[o.pick % sales.length] ?? '';
      const sale = unwrap(await c.api.getSaleForRefund({ saleId }));
      const lines = sale.lines
        .map((l) => ({
          lineNo: l.lineNo,
          quantity: o.full ? l.quantity - l.refundedQuantity : Math.min(1, l.quantity - l.refundedQuantity),
        }))
        .filter((l) => l.quantity > 0);
      if (lines.length > 0) answer = await c.api.refundSale({ requestId: c.ctx.ids.uuid(), saleId, lines });
    } else if (o.kind === 'redeem') {
      answer = await c.api.redeemReward({
        requestId: c.ctx.ids.uuid(),
        memberId: member.id,
        rewardId: rewardIds[o.reward % rewardIds.length] ?? '',
        quantity: 1,
      });
    } else if (o.kind === 'adjust') {
      answer = await c.api.adjustPoints({
        requestId: c.ctx.ids.uuid(),
        memberId: member.id,
        delta: o.delta,
        reason: 'goodwill',
      });
    } else if (o.kind === 'days') {
      c.clock.advance(o.days * DAY);
      expireAllDue(c.ctx);
    }
    if (!answer.ok) expect(REFUSALS, answer.error.code).toContain(answer.error.code);
    const rows = ledgerOf(c, member.id);
    assertLedgerConsistent(c.db);
    assertNothingOverspent(rows);
    assertExpiredOnce(rows);
  }
  return sales;
}

describe('the ledger over any sequence of sales, refunds, redemptions, adjustments and expiries (property)', () => {
  let c: TestCore;
  let rewardIds: string[];
  let serial = 0;
  beforeAll(async () => {
    c = await openTestShop('demo');
    rewardIds = unwrap(await c.api.listRewards({ includeInactive: true })).map((r) => r.id);
  });
  afterAll(() => checkAndDispose(c));

  const member = async (): Promise<MemberView> => {
    serial += 1;
    return registerTestMember(c, { name: `Seq ${serial}`, phone: `177${String(serial).padStart(8, '0')}` });
  };

  it('keeps the balance the ledger’s sum, never spends expired or missing points, expires a lot once', async () => {
    useExpiryPolicy(c.ctx, { kind: 'rollingMonths', months: 1 });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        await run(c, await member(), ops, rewardIds);
      }),
      { numRuns: 30 },
    );
    // The runs reached every kind of row (not only refusals).
    const kinds = c.db.$client.prepare('SELECT DISTINCT kind FROM points_ledger').all() as { kind: string }[];
    expect(kinds.map((k) => k.kind).sort()).toEqual(['adjust', 'earn', 'expire', 'redeem', 'reversal', 'spend']);
  });

  it('a full refund of every sale returns the member to the balance the other rows make', async () => {
    useExpiryPolicy(c.ctx, { kind: 'never' });
    const noDays = op.filter((o) => o.kind !== 'days');
    await fc.assert(
      fc.asyncProperty(fc.array(noDays, { minLength: 1, maxLength: 12 }), async (ops) => {
        const m = await member();
        const sales = await run(c, m, ops, rewardIds);
        for (const saleId of sales) {
          const sale = unwrap(await c.api.getSaleForRefund({ saleId }));
          const lines = sale.lines
            .map((l) => ({ lineNo: l.lineNo, quantity: l.quantity - l.refundedQuantity }))
            .filter((l) => l.quantity > 0);
          if (lines.length > 0) unwrap(await c.api.refundSale({ requestId: c.ctx.ids.uuid(), saleId, lines }));
        }
        const rows = ledgerOf(c, m.id);
        const others = rows.filter((r) => r.saleId === null && r.refundId === null).reduce((s, r) => s + r.delta, 0);
        expect(unwrap(await c.api.getMember({ memberId: m.id })).balance).toBe(others);
        assertLedgerConsistent(c.db);
      }),
      { numRuns: 30 },
    );
  });
});
