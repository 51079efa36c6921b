import { describe, expect, it } from 'vitest';
import type { TierQualification } from './rules/tierQualification';
import { tierTimeline, type TimelineEvent } from './tierTimeline';

const LADDER = [
  { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 },
  { code: 'SILVER', name: 'Silver', rank: 2, qualifyPoints: 100 },
];
const ROLLING_6: TierQualification = { measure: 'pointsEarned', window: { kind: 'rollingMonths', months: 6 } };
const T0 = Date.UTC(2025, 0, 10, 4);
const DAY = 86_400_000;
const earn = (at: number, points: number, recordId: string): TimelineEvent => ({
  at,
  points,
  spendMinor: 0,
  shopId: 'shopA',
  recordId,
});
const base = { ladder: LADDER, policy: ROLLING_6, overrides: [], timeZone: 'Asia/Shanghai' };

describe('tierTimeline', () => {
  it('earns SILVER, then loses it at the re-qualification six months on (expiry)', () => {
    const events = [earn(T0, 60, 's1'), earn(T0 + DAY, 50, 's2')];
    const changes = tierTimeline({ ...base, events, after: null, heldTier: null, now: T0 + 400 * DAY });
    expect(changes).toEqual([
      { at: T0 + DAY, fromTier: 'BRONZE', toTier: 'SILVER', why: 'earned', shopId: 'shopA', recordId: 's2' },
      // 11 July 2025 at noon in Shanghai: six months after the 11 January upgrade.
      {
        at: Date.UTC(2025, 6, 11, 4),
        fromTier: 'SILVER',
        toTier: 'BRONZE',
        why: 'expiry',
        shopId: null,
        recordId: null,
      },
    ]);
  });

  it('writes only what is after the last change kept, and nothing twice', () => {
    const events = [earn(T0, 60, 's1'), earn(T0 + DAY, 50, 's2')];
    const all = tierTimeline({ ...base, events, after: null, heldTier: null, now: T0 + 400 * DAY });
    const first = all[0];
    if (!first) throw new Error('no change');
    const rest = tierTimeline({ ...base, events, after: first.at, heldTier: 'SILVER', now: T0 + 400 * DAY });
    expect(rest).toEqual(all.slice(1));
    expect(tierTimeline({ ...base, events, after: T0 + 400 * DAY, heldTier: 'BRONZE', now: T0 + 400 * DAY })).toEqual(
      [],
    );
  });

  it('an override starts and ends; a late record is caught up at now', () => {
    const overrides = [{ id: 'o1', tierCode: 'SILVER', reason: 'vip', setAt: T0, endsAt: T0 + 5 * DAY, shopId: null }];
    const changes = tierTimeline({
      ...base,
      events: [],
      overrides,
      after: null,
      heldTier: null,
      now: T0 + 10 * DAY,
    });
    expect(changes.map((c) => [c.at, c.toTier, c.why, c.recordId])).toEqual([
      [T0, 'SILVER', 'override', 'o1'],
      [T0 + 5 * DAY, 'BRONZE', 'override_ended', null],
    ]);
    // A sale from day 1 arrives on day 10: head office learns SILVER then.
    const late = tierTimeline({
      ...base,
      events: [earn(T0 + DAY, 120, 's9')],
      overrides,
      after: T0 + 5 * DAY,
      heldTier: 'BRONZE',
      now: T0 + 10 * DAY,
    });
    expect(late).toEqual([
      { at: T0 + 10 * DAY, fromTier: 'BRONZE', toTier: 'SILVER', why: 'earned', shopId: null, recordId: null },
    ]);
  });
});
