import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCampaigns, type CampaignEvent, type CampaignMember, type CampaignRoom } from './applyCampaigns';
import { Campaign, type CampaignRule } from './campaign';
import { inHoldout } from './holdout';

// The engine's promises for any running campaigns, member, sale and room: never past a budget or a
// member's limit, nothing to a held-out member, one 'bestOf' winner at most, the same answer for
// the same facts in any order.

const AT = 1_700_000_000_000;
const categories = ['bakery', 'dairy', 'drinks'];

const rule: fc.Arbitrary<CampaignRule> = fc.oneof(
  fc.record({
    kind: fc.constant('multiplier' as const),
    multiplierBp: fc.integer({ min: 10_001, max: 100_000 }),
    weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
  }),
  fc.record({
    kind: fc.constant('spendBonus' as const),
    minSpendMinor: fc.integer({ min: 1, max: 50_000 }),
    points: fc.integer({ min: 1, max: 5_000 }),
  }),
  fc.record({ kind: fc.constant('birthdayMonth' as const), points: fc.integer({ min: 1, max: 5_000 }) }),
  fc.record({
    kind: fc.constant('lineBonus' as const),
    multiplierBp: fc.integer({ min: 10_001, max: 100_000 }),
    categories: fc.subarray(categories, { minLength: 1 }),
    skus: fc.constant<string[]>([]),
  }),
  fc.record({
    kind: fc.constant('nthVisit' as const),
    visit: fc.integer({ min: 1, max: 5 }),
    points: fc.integer({ min: 1, max: 5_000 }),
  }),
  fc.record({ kind: fc.constant('signup' as const), points: fc.integer({ min: 1, max: 5_000 }) }),
);

const campaign: fc.Arbitrary<Campaign> = fc
  .record({
    id: fc.uuid({ version: 4 }),
    name: fc.constantFrom('Weekend', 'Bakery week', 'Birthday'),
    rule,
    target: fc.constantFrom({ kind: 'everyone' as const }, { kind: 'tiers' as const, tiers: ['GOLD'] }),
    startsAt: fc.integer({ min: AT - 10 * 86_400_000, max: AT }),
    endsAt: fc.integer({ min: AT + 1, max: AT + 10 * 86_400_000 }),
    overlap: fc.constantFrom('stack' as const, 'bestOf' as const),
    budgetPoints: fc.integer({ min: 0, max: 100_000 }),
    perMemberLimit: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
    holdoutBp: fc.integer({ min: 0, max: 5_000 }),
    published: fc.constant(true),
    cancelled: fc.boolean().map((b) => b && false),
    updatedAt: fc.constant(AT),
  })
  .map((c) => Campaign.parse(c));

const member: fc.Arbitrary<CampaignMember> = fc.record({
  id: fc.uuid({ version: 4 }),
  tierCode: fc.constantFrom(null, 'GOLD', 'SILVER'),
  birthday: fc.constantFrom(null, '1990-01-15', '--11-14', '1985-11-30'),
  joinedAt: fc.integer({ min: AT - 400 * 86_400_000, max: AT }),
  visitNumber: fc.integer({ min: 1, max: 6 }),
});

const event: fc.Arbitrary<CampaignEvent> = fc
  .record({
    kind: fc.constantFrom('sale' as const, 'signup' as const),
    weekday: fc.integer({ min: 0, max: 6 }),
    month: fc.integer({ min: 1, max: 12 }),
    lines: fc.array(
      fc.record({
        sku: fc.constantFrom('A', 'B', 'C'),
        name: fc.constant(''),
        category: fc.constantFrom(...categories),
        quantity: fc.integer({ min: 1, max: 3 }),
        unitPriceMinor: fc.integer({ min: 0, max: 20_000 }),
        points: fc.integer({ min: 0, max: 2_000 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    paidMinor: fc.integer({ min: 0, max: 100_000 }),
  })
  .map(({ lines, ...rest }) => ({
    ...rest,
    at: AT,
    lines: lines.map(({ points: _p, ...line }) => line),
    lineEarn: lines.map((l) => l.points),
    earnedPoints: lines.reduce((s, l) => s + l.points, 0),
  }));

const room = fc.record({
  budgetLeft: fc.integer({ min: 0, max: 5_000 }),
  memberLeft: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: null }),
});

const facts = fc.record({
  campaigns: fc.uniqueArray(campaign, { selector: (c) => c.id, maxLength: 6 }),
  member,
  event,
  rooms: fc.array(room, { minLength: 6, maxLength: 6 }),
});

function roomsFor(campaigns: Campaign[], rooms: CampaignRoom[]): (id: string) => CampaignRoom {
  const byId = new Map(campaigns.map((c, i) => [c.id, rooms[i] ?? { budgetLeft: 0, memberLeft: 0 }]));
  return (id) => byId.get(id) ?? { budgetLeft: 0, memberLeft: 0 };
}

describe('applyCampaigns', () => {
  it('never gives past what is left of a budget or a member limit', () => {
    fc.assert(
      fc.property(facts, ({ campaigns, member, event, rooms }) => {
        const roomOf = roomsFor(campaigns, rooms);
        for (const b of applyCampaigns(campaigns, member, event, roomOf)) {
          const r = roomOf(b.campaignId);
          expect(b.points).toBeGreaterThan(0);
          expect(b.points).toBeLessThanOrEqual(r.budgetLeft);
          if (r.memberLeft !== null) expect(b.points).toBeLessThanOrEqual(r.memberLeft);
          if (b.lines.length > 0) expect(b.lines.reduce((s, l) => s + l.points, 0)).toBe(b.points);
        }
      }),
    );
  });

  it('gives a held-out member nothing from that campaign', () => {
    fc.assert(
      fc.property(facts, ({ campaigns, member, event, rooms }) => {
        const given = applyCampaigns(campaigns, member, event, roomsFor(campaigns, rooms));
        for (const b of given) {
          const c = campaigns.find((x) => x.id === b.campaignId);
          expect(c && inHoldout(c.id, member.id, c.holdoutBp)).toBe(false);
        }
      }),
    );
  });

  it('stacks every stacking campaign and lets one best-of campaign win', () => {
    fc.assert(
      fc.property(facts, ({ campaigns, member, event, rooms }) => {
        const roomOf = roomsFor(campaigns, rooms);
        const given = applyCampaigns(campaigns, member, event, roomOf);
        const overlapOf = (id: string) => campaigns.find((c) => c.id === id)?.overlap;
        const bestOf = given.filter((b) => overlapOf(b.campaignId) === 'bestOf');
        expect(bestOf.length).toBeLessThanOrEqual(1);
        // Each best-of campaign alone gives at most what the winner gives.
        for (const c of campaigns.filter((x) => x.overlap === 'bestOf')) {
          const alone = applyCampaigns([c], member, event, roomOf);
          for (const b of alone) expect(b.points).toBeLessThanOrEqual(bestOf[0]?.points ?? 0);
        }
        // Each stacking campaign gives the same with or without the others.
        for (const c of campaigns.filter((x) => x.overlap === 'stack')) {
          const alone = applyCampaigns([c], member, event, roomOf);
          expect(given.filter((b) => b.campaignId === c.id)).toEqual(alone);
        }
      }),
    );
  });

  it('gives the same for the same facts, in whatever order the campaigns come', () => {
    fc.assert(
      fc.property(facts, ({ campaigns, member, event, rooms }) => {
        const roomOf = roomsFor(campaigns, rooms);
        const once = applyCampaigns(campaigns, member, event, roomOf);
        expect(applyCampaigns([...campaigns].reverse(), member, event, roomOf)).toEqual(once);
      }),
    );
  });

  it('gives nothing outside its dates or once cancelled', () => {
    fc.assert(
      fc.property(facts, ({ campaigns, member, event, rooms }) => {
        const roomOf = roomsFor(campaigns, rooms);
        const later = { ...event, at: AT + 11 * 86_400_000 };
        expect(applyCampaigns(campaigns, member, later, roomOf)).toEqual([]);
        const cancelled = campaigns.map((c) => ({ ...c, cancelled: true }));
        expect(applyCampaigns(cancelled, member, event, roomOf)).toEqual([]);
      }),
    );
  });
});
