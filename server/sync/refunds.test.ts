import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { isRefundProblem, planRefund, refundableSaleOf } from '../../shared/domain/refund';
import { PROTOCOL_VERSION, type PushRecord } from '../../shared/sync/protocol';
import { syncRoutes } from '../../shared/sync/routes';
import { SaleForRefundResponse } from '../../shared/sync/saleForRefund';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { memberRecord, pushRecord, uuidFrom } from '../testing/records';
import { balanceFlags, ledger, quarantine, refundLines, refunds } from '../store/schema';
import type { HoDatabase } from '../store/connect';
import { randomIds } from '../sources';

const T0 = Date.UTC(2025, 2, 1, 2);
const DAY = '2025-03-01';
const A = uuidFrom(1, 0xa);
const B = uuidFrom(2, 0xa);
const member = uuidFrom(100);
const saleId = uuidFrom(1000);
const earnId = uuidFrom(2001);
const spendId = uuidFrom(2002);

// A sale of 3 teas (30 pt) and 1 cake (5 pt; the sale earned 40: 5 are visit points), 20 points spent.
const saleLines = [
  {
    lineNo: 1,
    sku: 'TEA',
    name: 'Tea',
    category: 'drinks',
    quantity: 3,
    unitPriceMinor: 1000,
    lineTotalMinor: 3000,
    points: 30,
  },
  {
    lineNo: 2,
    sku: 'CAKE',
    name: 'Cake',
    category: 'food',
    quantity: 1,
    unitPriceMinor: 500,
    lineTotalMinor: 500,
    points: 5,
  },
];
const saleLedger = [
  { id: spendId, memberId: member, kind: 'spend', delta: -20, ruleVersion: 1, campaignId: null, createdAt: T0 },
  { id: earnId, memberId: member, kind: 'earn', delta: 40, ruleVersion: 1, campaignId: null, createdAt: T0 },
] as const;
const sale = pushRecord(2, saleId, 'sale', {
  id: saleId,
  memberId: member,
  cardNumber: null,
  subtotalMinor: 3500,
  discountMinor: 200,
  totalMinor: 3300,
  pointsEarned: 40,
  pointsSpent: 20,
  ruleVersion: 1,
  currency: 'CNY',
  businessDay: DAY,
  createdAt: T0,
  lines: saleLines,
  ledger: saleLedger,
});
const refundable = refundableSaleOf({ totalMinor: 3300, lines: saleLines, ledger: [...saleLedger] });

/** A refund as a till that held the sale computes it: its reversal rows included. */
function tillRefund(
  seq: number,
  id: string,
  lines: { lineNo: number; quantity: number }[],
  before = new Map<number, number>(),
) {
  const plan = planRefund(refundable, before, lines);
  if (isRefundProblem(plan)) throw new Error(plan.kind);
  return pushRecord(seq, id, 'refund', {
    id,
    saleId,
    memberId: member,
    settlement: 'terminal',
    lines,
    amountMinor: plan.amountMinor,
    pointsReversed: plan.pointsReversed,
    pointsReturned: plan.pointsReturned,
    currency: 'CNY',
    businessDay: DAY,
    createdAt: T0 + seq,
    ledger: plan.reversals.map((r, i) => ({
      id: uuidFrom(seq * 10 + i, 0xb),
      memberId: member,
      kind: 'reversal',
      delta: r.delta,
      ruleVersion: r.ruleVersion,
      campaignId: r.campaignId,
      createdAt: T0 + seq,
      reversesId: r.reversesId,
    })),
  });
}

/** An offline refund at a till that did not hold the sale: lines only, head office settles it. */
const offlineRefund = (seq: number, id: string, lines: { lineNo: number; quantity: number }[], of = saleId) =>
  pushRecord(seq, id, 'refund', {
    id,
    saleId: of,
    memberId: member,
    settlement: 'headOffice',
    lines,
    amountMinor: null,
    pointsReversed: null,
    pointsReturned: null,
    currency: 'CNY',
    businessDay: DAY,
    createdAt: T0 + seq,
    ledger: [],
  });

describe.each(testBackends)('refunds at head office on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  const tokens = new Map<string, string>();
  const clock = fixedClockForTests(T0);

  beforeEach(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock, randomIds);
    tokens.set(A, (await ho.enrol('shopA', '90001', A)).token);
    tokens.set(B, (await ho.enrol('shopB', '90002', B)).token);
  });
  afterEach(async () => {
    await ho.close();
  });

  const push = async (terminalId: string, recs: PushRecord[]) => {
    const res = await ho.call(
      'POST',
      syncRoutes.push.path,
      { protocolVersion: PROTOCOL_VERSION, terminalId, shopId: terminalId === A ? 'shopA' : 'shopB', records: recs },
      tokens.get(terminalId),
    );
    await ho.waitDerived();
    return res;
  };
  const balance = async () => {
    const [row] = await database.db
      .select({ b: sql<number>`coalesce(sum(${ledger.delta}), 0)::int` })
      .from(ledger)
      .where(eq(ledger.memberId, member));
    return Number(row?.b);
  };
  const lookUp = async (terminalId: string, id: string) => {
    const res = await ho.call(
      'POST',
      syncRoutes.saleForRefund.path,
      { protocolVersion: PROTOCOL_VERSION, terminalId, shopId: terminalId === A ? 'shopA' : 'shopB', saleId: id },
      tokens.get(terminalId),
    );
    return SaleForRefundResponse.parse(res.body);
  };

  it('stores a till’s refund once with its reversal rows; an offline refund elsewhere is settled exactly', async () => {
    await push(A, [memberRecord(1, member, 1, T0), sale]);
    expect(await balance()).toBe(20);
    const first = tillRefund(3, uuidFrom(1, 0xc), [{ lineNo: 1, quantity: 1 }]);
    await push(A, [first]);
    // The same record again (a lost answer): stored once.
    await push(A, [first]);
    expect(await database.db.select().from(refunds)).toHaveLength(1);
    const reversals = await database.db.select().from(ledger).where(eq(ledger.kind, 'reversal'));
    expect(reversals.map((r) => r.reversesId).sort()).toEqual([earnId, spendId].sort());
    expect(reversals.every((r) => r.refundId === uuidFrom(1, 0xc) && r.saleId === saleId)).toBe(true);
    // The other shop asks head office for the sale: it sees what was refunded already.
    const found = await lookUp(B, saleId);
    expect(found.isRefund).toBe(false);
    expect(found.sale?.refunded).toEqual([{ lineNo: 1, quantity: 1 }]);
    expect((await lookUp(B, uuidFrom(1, 0xc))).isRefund).toBe(true);
    expect((await lookUp(B, uuidFrom(4242))).sale).toBeNull();
    // Offline at shop B, the rest comes back: head office derives the rows, the member is back where they began.
    await push(B, [
      offlineRefund(1, uuidFrom(2, 0xc), [
        { lineNo: 1, quantity: 2 },
        { lineNo: 2, quantity: 1 },
      ]),
    ]);
    expect(await balance()).toBe(0);
    const settled = await database.db
      .select()
      .from(refunds)
      .where(eq(refunds.id, uuidFrom(2, 0xc)));
    expect(settled[0]).toMatchObject({ settlement: 'headOffice', terminalId: B });
    const all = await database.db.select().from(refunds);
    expect(all.reduce((a, r) => a + r.amountMinor, 0)).toBe(3300);
    expect(await database.db.select().from(refundLines)).toHaveLength(3);
    expect(await database.db.select().from(quarantine)).toEqual([]);
  });

  it('quarantines an over-refund, a refund of a refund and a till refund that differs; nothing written', async () => {
    await push(A, [memberRecord(1, member, 1, T0), sale]);
    await push(A, [tillRefund(3, uuidFrom(1, 0xc), [{ lineNo: 2, quantity: 1 }])]);
    const before = await balance();
    const wrong = tillRefund(6, uuidFrom(5, 0xc), [{ lineNo: 1, quantity: 1 }]);
    const tampered = { ...wrong, payload: wrong.payload.replace('"amountMinor":', '"amountMinor":1,"x":') };
    await push(A, [
      tillRefund(4, uuidFrom(3, 0xc), [{ lineNo: 2, quantity: 1 }]),
      offlineRefund(5, uuidFrom(4, 0xc), [{ lineNo: 1, quantity: 1 }], uuidFrom(1, 0xc)),
      tampered,
    ]);
    const held = await database.db.select().from(quarantine).orderBy(quarantine.seq);
    expect(held.map((q) => q.seq)).toEqual([4, 5, 6]);
    expect(held[0]?.detail).toMatch(/overRefund/);
    expect(held[1]?.detail).toMatch(/refund of a refund/);
    expect(held[2]?.detail).toMatch(/differs/);
    expect(await balance()).toBe(before);
    expect(await database.db.select().from(refunds)).toHaveLength(1);
  });

  it('flags a balance a refund takes below zero, like an offline overdraft', async () => {
    const redeemed = pushRecord(3, uuidFrom(77), 'redemption', {
      id: uuidFrom(77),
      memberId: member,
      rewardId: uuidFrom(78),
      quantity: 1,
      points: 20,
      businessDay: DAY,
      createdAt: T0 + 3,
      ledger: [
        {
          id: uuidFrom(79),
          memberId: member,
          kind: 'redeem',
          delta: -20,
          ruleVersion: 1,
          campaignId: null,
          createdAt: T0 + 3,
        },
      ],
    });
    await push(A, [memberRecord(1, member, 1, T0), sale, redeemed]);
    expect(await balance()).toBe(0);
    // Refunding the teas takes back 30 + part of the visit points, gives back part of the 20 spent.
    await push(A, [tillRefund(4, uuidFrom(1, 0xc), [{ lineNo: 1, quantity: 3 }])]);
    expect(await balance()).toBeLessThan(0);
    const flags = await database.db.select().from(balanceFlags).where(eq(balanceFlags.memberId, member));
    expect(flags).toHaveLength(1);
  });
});
