import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../shared/domain/campaigns/campaign';
import { replayCampaign, type ReplayEvent } from './whatIfReplay';

// The replay's caps, for any sales: nothing given beyond the budget or a member's limit, and what
// was given plus what each cap withheld is exactly what the rule asked for (here a fixed bonus).

const DAY = 86_400_000;
const FROM = Date.UTC(2025, 0, 6);
const MEMBERS = ['m0', 'm1', 'm2', 'm3'];

const campaign = (budgetPoints: number, perMemberLimit: number | null): Campaign => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Fixed',
  rule: { kind: 'spendBonus', minSpendMinor: 100, points: 40 },
  target: { kind: 'everyone' },
  startsAt: FROM,
  endsAt: FROM + 28 * DAY,
  overlap: 'stack',
  budgetPoints,
  perMemberLimit,
  holdoutBp: 0,
  published: true,
  cancelled: false,
  updatedAt: FROM,
});

const sale = (member: number, paidMinor: number, at: number, shop: number): ReplayEvent => ({
  shopId: `shop${shop}`,
  member: { id: MEMBERS[member] ?? 'm0', tierCode: null, birthday: null, joinedAt: 0, visitNumber: 1 },
  event: { kind: 'sale', at, weekday: 1, month: 1, lines: [], lineEarn: [], earnedPoints: 0, paidMinor },
});

const events = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 500 }),
      fc.integer({ min: 0, max: 28 * DAY - 1 }),
      fc.integer({ min: 0, max: 2 }),
    ),
    { maxLength: 40 },
  )
  .map((xs) => xs.map(([m, paid, at, shop]) => sale(m, paid, FROM + at, shop)).sort((a, b) => a.event.at - b.event.at));

describe('replayCampaign caps', () => {
  it('gives within the budget and limits, and accounts for every point the rule asked', () => {
    fc.assert(
      fc.property(
        events,
        fc.integer({ min: 0, max: 600 }),
        fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
        (evs, budget, limit) => {
          const r = replayCampaign(campaign(budget, limit), evs, FROM, 4, { pointsPerUnit: 1, unitValueMinor: 1 });
          const asked = evs.filter((e) => e.event.paidMinor >= 100).length * 40;
          expect(r.total.bonusPoints).toBeLessThanOrEqual(budget);
          expect(r.total.bonusPoints + r.budget.withheldPoints + r.memberLimit.withheldPoints).toBe(asked);
          expect(r.byWeek.reduce((s, w) => s + w.figures.bonusPoints, 0)).toBe(r.total.bonusPoints);
          expect(r.byShop.reduce((s, w) => s + w.figures.bonusPoints, 0)).toBe(r.total.bonusPoints);
          if (limit === null) expect(r.memberLimit.withheldPoints).toBe(0);
          else expect(r.total.bonusPoints).toBeLessThanOrEqual(limit * MEMBERS.length);
          expect(r.budget.exhaustedAt !== null).toBe(
            r.budget.withheldPoints > 0 || (r.total.bonusPoints >= budget && asked > 0),
          );
        },
      ),
    );
  });
});
