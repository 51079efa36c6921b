import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberView, RewardView } from '../../shared/contract';
import { RuleSet, type RuleSetInput } from '../../shared/domain/rules/ruleSet';
import { ruleVersions } from '../../db/schema';
import { currentRules } from './rules';
import { assertLedgerConsistent, assertOutboxGapFree, openTestCore, unwrap, type TestCore } from './services.testkit';

// Dynamic redemption at the till: a rule version with reward pricing makes scarce rewards dearer,
// clearance cheaper and one category dearer; the list shows the price and why, the redemption
// charges exactly that price. Real SQLite; the rule version is stored as head office's would be.

let c: TestCore;
let member: MemberView;
beforeEach(async () => {
  c = openTestCore();
  unwrap(await c.api.setupDemoShop({}));
  const current = currentRules(c.ctx);
  if (!current) throw new Error('no rules');
  const next: RuleSetInput = {
    ...current,
    version: current.version + 1,
    rewardPricing: {
      categoryMultipliersBp: { voucher: 11_000 },
      scarce: { atOrBelow: 6, multiplierBp: 15_000 },
      clearance: { atOrAbove: 40, multiplierBp: 8_000 },
    },
  };
  c.db
    .insert(ruleVersions)
    .values({
      version: next.version,
      rulesJson: JSON.stringify(RuleSet.parse(next)),
      effectiveFrom: 0,
      source: 'local',
      createdAt: c.clock.now(),
    })
    .run();
  member = unwrap(await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'Priced', phone: '17755123458' }));
  unwrap(
    await c.api.adjustPoints({ requestId: c.ctx.ids.uuid(), memberId: member.id, delta: 20_000, reason: 'goodwill' }),
  );
});
afterEach(() => {
  assertLedgerConsistent(c.db);
  assertOutboxGapFree(c.db);
  c.dispose();
});

const byCode = async (): Promise<Map<string, RewardView>> =>
  new Map(unwrap(await c.api.listRewards({ includeInactive: true })).map((r) => [r.code, r]));

describe('reward prices by category and stock', () => {
  it('lists each reward with its price and the reasons', async () => {
    const rewards = await byCode();
    const seen = (code: string) => {
      const r = rewards.get(code);
      return r && [r.pointsCost, r.stock, r.price, r.priceReasons];
    };
    expect(seen('THERMOS')).toEqual([3_600, 6, 5_400, ['scarce']]);
    expect(seen('CROISSANT')).toEqual([200, 40, 160, ['clearance']]);
    expect(seen('COFFEE')).toEqual([300, 49, 240, ['clearance']]); // the demo redeemed one
    expect(seen('MUG')).toEqual([1_200, 12, 1_200, []]);
    expect(seen('VOUCHER20')).toEqual([2_000, null, 2_200, ['category']]);
  });

  it('charges the price at the stock before the redemption, for every unit', async () => {
    const thermos = (await byCode()).get('THERMOS');
    if (!thermos) throw new Error('no THERMOS');
    const r = unwrap(
      await c.api.redeemReward({ requestId: c.ctx.ids.uuid(), memberId: member.id, rewardId: thermos.id, quantity: 2 }),
    );
    expect(r.pointsSpent).toBe(10_800);
    expect(r.balanceAfter).toBe(20_000 - 10_800);
  });
});
