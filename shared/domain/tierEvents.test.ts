import { describe, expect, it } from 'vitest';
import type { TierDef } from './tier';
import { tierEvents, type TierLedgerRow } from './tierEvents';
import { tierStatus } from './tierStatus';
import type { TierQualification } from './rules/tierQualification';

const BRONZE: TierDef = { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 };
const SILVER: TierDef = { code: 'SILVER', name: 'Silver', rank: 2, qualifyPoints: 1000 };
const TZ = 'Asia/Shanghai';
const at = (iso: string): number => Date.parse(`${iso}+08:00`);
const rolling12: TierQualification = { measure: 'pointsEarned', window: { kind: 'rollingMonths', months: 12 } };

const statusAt = (ledger: TierLedgerRow[], now: string) =>
  tierStatus({
    ladder: [BRONZE, SILVER],
    policy: rolling12,
    events: tierEvents(ledger, []),
    override: null,
    now: at(now),
    timeZone: TZ,
  });

describe('tierEvents: refunded earn is not earned', () => {
  const before: TierLedgerRow = { id: 'e1', kind: 'earn', delta: 600, createdAt: at('2025-03-01T12:00:00') };
  const crossing: TierLedgerRow = { id: 'e2', kind: 'earn', delta: 500, createdAt: at('2025-09-01T12:00:00') };
  const refund: TierLedgerRow = {
    id: 'r1',
    kind: 'reversal',
    delta: -500,
    createdAt: at('2025-09-10T12:00:00'),
    reversesId: 'e2',
  };
  // A refund that gives back points the sale spent is not earning.
  const giveBack: TierLedgerRow = { id: 'r2', kind: 'reversal', delta: 80, createdAt: at('2025-09-10T12:00:00') };

  it('keeps the upgrade until the re-qualification date, which then judges as if the sale never was', () => {
    const withRefund = [before, crossing, refund, giveBack];
    const held = statusAt(withRefund, '2026-08-31T12:00:00');
    expect(held.tier).toBe(SILVER);
    expect(held.requalifyAt).toBe(at('2026-09-01T12:00:00'));
    const review = statusAt(withRefund, '2026-09-01T12:00:00');
    const never = statusAt([before], '2026-09-01T12:00:00');
    expect(review.computedTier).toBe(never.computedTier);
    expect(review.tier).toBe(BRONZE);
  });

  it('counts a reversal in the window where its earning fell, not where the refund did', () => {
    // Earned in March 2025, refunded in March 2026: a window starting after the earning holds neither.
    const early: TierLedgerRow = { id: 'e3', kind: 'earn', delta: 1200, createdAt: at('2025-03-01T12:00:00') };
    const late: TierLedgerRow = {
      id: 'r3',
      kind: 'reversal',
      delta: -1200,
      createdAt: at('2026-03-01T12:00:00'),
      reversesId: 'e3',
    };
    const other: TierLedgerRow = { id: 'e4', kind: 'earn', delta: 1100, createdAt: at('2026-02-01T12:00:00') };
    const s = statusAt([early, late, other], '2026-06-01T12:00:00');
    expect(s.measure).toBe(1100);
    expect(s.tier).toBe(SILVER);
  });

  it('reads an unlinked reversal at its own date (rows from before reverses_id)', () => {
    const events = tierEvents([crossing, { ...refund, reversesId: null }, giveBack], []);
    expect(events.map((e) => [e.points, e.earnedAt])).toEqual([
      [500, undefined],
      [-500, undefined],
    ]);
  });
});
