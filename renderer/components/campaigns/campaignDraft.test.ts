import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CampaignSpec } from '../../../shared/domain/campaigns/campaign';
import { nextDay, startOfLocalDay, type LocalDate } from '../../../shared/domain/zonedDate';
import { candidateSpec, draftOf, specOf } from './campaignDraft';

// The editor's draft holds a stored campaign without loss: opening one and saving it unchanged
// sends the campaign it was (its dates whole days in the till's zone, as the editor makes them).

const ZONE = 'Asia/Shanghai';
const code = fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/);
const points = fc.integer({ min: 1, max: 1_000_000 });
const multiplierBp = fc.integer({ min: 10_001, max: 100_000 });

const rule = fc.oneof(
  fc.record({
    kind: fc.constant('multiplier' as const),
    multiplierBp,
    weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }).map((d) => d.sort((a, b) => a - b)),
  }),
  fc.record({
    kind: fc.constant('spendBonus' as const),
    minSpendMinor: fc.integer({ min: 1, max: 1_000_000 }),
    points,
  }),
  fc.record({ kind: fc.constant('birthdayMonth' as const), points }),
  fc.record({
    kind: fc.constant('lineBonus' as const),
    multiplierBp,
    categories: fc.uniqueArray(code, { minLength: 1, maxLength: 4 }),
    skus: fc.uniqueArray(code, { maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('nthVisit' as const), visit: fc.integer({ min: 1, max: 100 }), points }),
  fc.record({ kind: fc.constant('signup' as const), points }),
);
const target = fc.oneof(
  fc.constant({ kind: 'everyone' as const }),
  fc.record({ kind: fc.constant('tiers' as const), tiers: fc.uniqueArray(code, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('newMembers' as const), withinDays: fc.integer({ min: 1, max: 365 }) }),
  fc.record({
    kind: fc.constant('segment' as const),
    memberIds: fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 3 }),
  }),
);
const day = fc.record({
  year: fc.integer({ min: 2020, max: 2035 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
});

function after(d: LocalDate, days: number): LocalDate {
  let out = d;
  for (let i = 0; i < days; i++) out = nextDay(out);
  return out;
}

describe('campaign draft', () => {
  it('round-trips a stored campaign', () => {
    fc.assert(
      fc.property(
        rule,
        target,
        day,
        fc.integer({ min: 0, max: 90 }),
        fc.constantFrom('stack' as const, 'bestOf' as const),
        fc.option(points, { nil: null }),
        fc.integer({ min: 0, max: 5_000 }),
        (r, tg, start, days, overlap, perMemberLimit, holdoutBp) => {
          const spec = CampaignSpec.parse({
            name: 'Spring',
            rule: r,
            target: tg,
            startsAt: startOfLocalDay(start, ZONE),
            endsAt: startOfLocalDay(after(start, days + 1), ZONE),
            overlap,
            budgetPoints: 5_000,
            perMemberLimit,
            holdoutBp,
          });
          const stored = {
            ...spec,
            id: '00000000-0000-4000-8000-000000000001',
            published: true,
            cancelled: false,
            updatedAt: 1,
          };
          expect(specOf(stored)).toEqual(spec);
          expect(CampaignSpec.parse(candidateSpec(draftOf(stored, ZONE), ZONE))).toEqual(spec);
        },
      ),
    );
  });
});
