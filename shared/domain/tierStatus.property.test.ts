import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TierDef } from './tier';
import { tierEvents, type TierLedgerRow, type TierSaleRow } from './tierEvents';
import { tierStatus, type TierStatusInput } from './tierStatus';
import { TierQualification } from './rules/tierQualification';

const LADDER: TierDef[] = [
  { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 },
  { code: 'SILVER', name: 'Silver', rank: 2, qualifyPoints: 1000 },
  { code: 'GOLD', name: 'Gold', rank: 3, qualifyPoints: 5000 },
];
const T0 = Date.parse('2024-01-01T00:00:00Z');
const SPAN = 4 * 365 * 86_400_000;

const policy = fc.record({
  measure: fc.constantFrom('pointsEarned' as const, 'spend' as const),
  window: fc.oneof(
    fc.constant({ kind: 'lifetime' as const }),
    fc.constant({ kind: 'calendarYear' as const }),
    fc.integer({ min: 1, max: 120 }).map((months) => ({ kind: 'rollingMonths' as const, months })),
  ),
});
const when = fc.integer({ min: T0, max: T0 + SPAN });
const earnRow = fc.record({ kind: fc.constant('earn'), delta: fc.integer({ min: 1, max: 3000 }), createdAt: when });
const reversalRow = fc.record({
  kind: fc.constant('reversal'),
  delta: fc.integer({ min: -3000, max: -1 }),
  createdAt: when,
});
const balanceRow = fc.record({
  kind: fc.constantFrom('spend', 'redeem', 'expire', 'adjust'),
  delta: fc.integer({ min: -5000, max: 5000 }),
  createdAt: when,
});
const saleRow = fc.record({ totalMinor: fc.integer({ min: 0, max: 3000 }), createdAt: when });
const history = fc.record({
  ledger: fc.array(fc.oneof(earnRow, earnRow, reversalRow), { maxLength: 25 }),
  sales: fc.array(saleRow, { maxLength: 25 }),
});
const zone = fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York');

const statusOf = (
  p: TierQualification,
  ledger: TierLedgerRow[],
  sales: TierSaleRow[],
  now: number,
  timeZone: string,
): ReturnType<typeof tierStatus> => {
  const input: TierStatusInput = {
    ladder: LADDER,
    policy: p,
    events: tierEvents(ledger, sales),
    override: null,
    now,
    timeZone,
  };
  return tierStatus(input);
};
const summary = (s: ReturnType<typeof tierStatus>) => ({
  tier: s.tier?.code,
  at: s.requalifyAt,
  since: s.since,
  m: s.measure,
});

describe('tierStatus properties', () => {
  it('never depends on the balance: spending, redeeming, expiring or adjusting points never moves the tier', () => {
    fc.assert(
      fc.property(policy, history, fc.array(balanceRow, { maxLength: 20 }), when, zone, (p, h, extra, now, tz) => {
        const plain = statusOf(p, h.ledger, h.sales, now, tz);
        const withSpending = statusOf(p, [...h.ledger, ...extra], h.sales, now, tz);
        expect(summary(withSpending)).toEqual(summary(plain));
      }),
    );
  });

  it('terminal and head office representations of one ledger give the same tier and date', () => {
    fc.assert(
      fc.property(policy, history, when, zone, fc.integer(), (p, h, now, tz, seed) => {
        // The terminal keeps rows in write order with its own columns; head office in feed order with others.
        const terminalLedger = h.ledger.map((r, i) => ({ ...r, id: `t${i}`, balanceAfter: null, terminalId: 'T1' }));
        const shuffled = [...h.ledger].sort((a, b) => ((a.delta * 31 + seed) % 7) - ((b.delta * 31 + seed) % 7));
        const officeLedger = shuffled.map((r) => ({ ...r, shopId: 'S1', txid: 1n }));
        const officeSales = [...h.sales].reverse().map((s) => ({ ...s, seq: 1 }));
        expect(summary(statusOf(p, officeLedger, officeSales, now, tz))).toEqual(
          summary(statusOf(p, terminalLedger, h.sales, now, tz)),
        );
      }),
    );
  });

  it('a lifetime window never demotes: the tier is the best any moment reached', () => {
    fc.assert(
      fc.property(history, when, (h, now) => {
        const p = TierQualification.parse({ measure: 'pointsEarned', window: { kind: 'lifetime' } });
        const later = statusOf(p, h.ledger, h.sales, now + SPAN, 'UTC');
        const earlier = statusOf(p, h.ledger, h.sales, now, 'UTC');
        expect(later.tier?.rank ?? 0).toBeGreaterThanOrEqual(earlier.tier?.rank ?? 0);
        expect(later.requalifyAt).toBeNull();
      }),
    );
  });

  it('before its re-qualification date a tier is held: no demotion between reviews', () => {
    fc.assert(
      fc.property(policy, history, when, fc.integer({ min: 0, max: SPAN }), zone, (p, h, now, step, tz) => {
        const s = statusOf(p, h.ledger, h.sales, now, tz);
        const until = s.requalifyAt === null ? now + step : Math.min(now + step, s.requalifyAt - 1);
        const later = statusOf(p, h.ledger, h.sales, until, tz);
        expect(later.tier?.rank ?? 0).toBeGreaterThanOrEqual(s.tier?.rank ?? 0);
        if (s.requalifyAt !== null) expect(s.requalifyAt).toBeGreaterThan(now);
        expect(s.tier).not.toBeNull(); // never below the entry tier
      }),
    );
  });

  it('an override after its end date changes nothing', () => {
    fc.assert(
      fc.property(policy, history, when, (p, h, now) => {
        const events = tierEvents(h.ledger, h.sales);
        const base: TierStatusInput = { ladder: LADDER, policy: p, events, override: null, now, timeZone: 'UTC' };
        const override = { tierCode: 'GOLD', reason: 'r', setAt: now - 10, endsAt: now };
        expect(summary(tierStatus({ ...base, override }))).toEqual(summary(tierStatus(base)));
      }),
    );
  });
});
