import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addRefunded,
  isRefundProblem,
  planRefund,
  type RefundableLedgerRow,
  type RefundableSale,
  type RefundPlan,
} from './refund';

const lineArb = fc.record({
  quantity: fc.integer({ min: 1, max: 30 }),
  lineTotalMinor: fc.oneof(fc.integer({ min: 0, max: 500_000 }), fc.constant(0)),
  points: fc.integer({ min: 0, max: 5_000 }),
  eligible: fc.boolean(),
});

let nextId = 0;
const row = (
  kind: RefundableLedgerRow['kind'],
  delta: number,
  campaignId: string | null = null,
): RefundableLedgerRow => ({
  id: `row-${(nextId += 1)}`,
  kind,
  delta,
  ruleVersion: 3,
  campaignId,
});

/** A sale as the till records it: base earn rows, campaign bonus rows, spend rows. */
const saleArb: fc.Arbitrary<RefundableSale> = fc
  .record({
    lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
    discountShare: fc.integer({ min: 0, max: 100 }),
    restPoints: fc.integer({ min: 0, max: 300 }),
    baseRows: fc.integer({ min: 1, max: 2 }),
    bonuses: fc.array(fc.integer({ min: 1, max: 2_000 }), { maxLength: 2 }),
    spent: fc.array(fc.integer({ min: 1, max: 10_000 }), { maxLength: 2 }),
  })
  .map(({ lines, discountShare, restPoints, baseRows, bonuses, spent }) => {
    const subtotal = lines.reduce((a, l) => a + l.lineTotalMinor, 0);
    const linePoints = lines.reduce((a, l) => a + l.points, 0);
    const base = linePoints + restPoints;
    const ledger: RefundableLedgerRow[] = [...spent.map((s) => row('spend', -s))];
    if (baseRows === 1) ledger.push(row('earn', base));
    else if (base > 0) ledger.push(row('earn', Math.ceil(base / 2)), row('earn', Math.floor(base / 2)));
    bonuses.forEach((b, i) => ledger.push(row('earn', b, `campaign-${i}`)));
    return {
      totalMinor: subtotal - Math.floor((subtotal * discountShare) / 100),
      lines: lines.map((l, i) => ({ lineNo: i + 1, ...l })),
      ledger: ledger.filter((r) => r.delta !== 0),
    };
  });

/** A sale and a sequence of partial refunds that, taken together, refund it whole. */
const saleWithRefunds = saleArb.chain((sale) =>
  fc
    .array(fc.array(fc.nat({ max: 100 }), { minLength: sale.lines.length, maxLength: sale.lines.length }), {
      maxLength: 4,
    })
    .map((cuts) => {
      // Each step takes a share of what is left of every line; the last step takes the rest.
      const left = new Map(sale.lines.map((l) => [l.lineNo, l.quantity]));
      const steps = cuts.map((cut) =>
        sale.lines.map((l, i) => {
          const q = Math.floor(((left.get(l.lineNo) ?? 0) * (cut[i] ?? 0)) / 100);
          left.set(l.lineNo, (left.get(l.lineNo) ?? 0) - q);
          return { lineNo: l.lineNo, quantity: q };
        }),
      );
      steps.push(sale.lines.map((l) => ({ lineNo: l.lineNo, quantity: left.get(l.lineNo) ?? 0 })));
      return { sale, steps: steps.filter((s) => s.some((l) => l.quantity > 0)) };
    }),
);

function runAll(sale: RefundableSale, steps: { lineNo: number; quantity: number }[][]): RefundPlan[] {
  let before = new Map<number, number>();
  return steps.map((step) => {
    const plan = planRefund(sale, before, step);
    if (isRefundProblem(plan)) throw new Error(`refused: ${JSON.stringify(plan)}`);
    before = addRefunded(before, step);
    return plan;
  });
}

describe('refund arithmetic (property)', () => {
  it('a full refund of a sale, in any partial steps, returns the member to the balance before it', () => {
    fc.assert(
      fc.property(saleWithRefunds, fc.integer({ min: 0, max: 100_000 }), ({ sale, steps }, before) => {
        const afterSale = before + sale.ledger.reduce((a, r) => a + r.delta, 0);
        const plans = runAll(sale, steps);
        const afterRefunds = afterSale + plans.flatMap((p) => p.reversals).reduce((a, r) => a + r.delta, 0);
        expect(afterRefunds).toBe(before);
        expect(plans.reduce((a, p) => a + p.amountMinor, 0)).toBe(sale.totalMinor);
        expect(plans.at(-1)?.completesSale).toBe(true);
      }),
    );
  });

  it('partial refunds never move more than the whole, row by row, and each names the row it reverses', () => {
    fc.assert(
      fc.property(saleWithRefunds, ({ sale, steps }) => {
        const moved = new Map<string, number>();
        let money = 0;
        for (const plan of runAll(sale, steps)) {
          money += plan.amountMinor;
          expect(money).toBeLessThanOrEqual(sale.totalMinor);
          expect(plan.pointsReversed).toBeGreaterThanOrEqual(0);
          expect(plan.pointsReturned).toBeGreaterThanOrEqual(0);
          for (const r of plan.reversals) {
            const original = sale.ledger.find((l) => l.id === r.reversesId);
            if (!original) throw new Error('reversal of an unknown row');
            expect(Math.sign(r.delta)).toBe(-Math.sign(original.delta));
            expect(r.campaignId).toBe(original.campaignId);
            moved.set(r.reversesId, (moved.get(r.reversesId) ?? 0) + Math.abs(r.delta));
            expect(moved.get(r.reversesId)).toBeLessThanOrEqual(Math.abs(original.delta));
          }
        }
      }),
    );
  });

  it('points given back never exceed their exact share (floor) at any step', () => {
    fc.assert(
      fc.property(saleWithRefunds, ({ sale, steps }) => {
        const spent = -sale.ledger.filter((r) => r.kind === 'spend').reduce((a, r) => a + r.delta, 0);
        const gross = sale.lines.reduce((a, l) => a + l.lineTotalMinor, 0);
        let returned = 0;
        let refunded = new Map<number, number>();
        for (const [i, plan] of runAll(sale, steps).entries()) {
          returned += plan.pointsReturned;
          refunded = addRefunded(refunded, steps[i] ?? []);
          const grossRefunded = sale.lines.reduce(
            (a, l) => a + Math.floor((l.lineTotalMinor * (refunded.get(l.lineNo) ?? 0)) / l.quantity),
            0,
          );
          if (gross > 0) expect(returned * gross).toBeLessThanOrEqual(spent * grossRefunded);
        }
      }),
    );
  });

  it('refuses a refund of more than was sold, counting earlier refunds, and of nothing', () => {
    fc.assert(
      fc.property(saleArb, fc.integer({ min: 1, max: 5 }), (sale, extra) => {
        const line = sale.lines[0];
        if (!line) return;
        const whole = sale.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity }));
        const done = addRefunded(new Map(), whole);
        expect(planRefund(sale, done, [{ lineNo: line.lineNo, quantity: 1 }])).toMatchObject({ kind: 'overRefund' });
        expect(planRefund(sale, new Map(), [{ lineNo: line.lineNo, quantity: line.quantity + extra }])).toMatchObject({
          kind: 'overRefund',
          sold: line.quantity,
        });
        expect(planRefund(sale, new Map(), [])).toEqual({ kind: 'empty' });
        expect(planRefund(sale, new Map(), [{ lineNo: 999, quantity: 1 }])).toEqual({
          kind: 'unknownLine',
          lineNo: 999,
        });
      }),
    );
  });
});
