import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { ChannelInput, MemberView } from '../../shared/contract';
import { DEFAULT_RULE_SET, RuleSet, type RuleSetInput } from '../../shared/domain/rules/ruleSet';
import { auditLog, outbox, pointsLedger, redemptions, rewards, ruleVersions, tierOverrides } from '../../db/schema';
import { checkAndDispose, errorOf, openTestShop, registerTestMember, unwrap, type TestCore } from './services.testkit';

const DAY = 86_400_000;
let c: TestCore;
let member: MemberView;

/** A new rule version in force from now: the default rules with these tier parts. */
function useRules(parts: Partial<RuleSetInput>): void {
  const version = 2;
  const rules = RuleSet.parse({ ...DEFAULT_RULE_SET, ...parts, version });
  c.db
    .insert(ruleVersions)
    .values({
      version,
      rulesJson: JSON.stringify(rules),
      effectiveFrom: c.clock.now(),
      source: 'local',
      createdAt: c.clock.now(),
    })
    .run();
}
const sale = (unitPriceMinor: number): ChannelInput<'recordSale'> => ({
  requestId: c.ctx.ids.uuid(),
  memberId: member.id,
  lines: [{ sku: 'A', quantity: 1, unitPriceMinor }],
  pointsToSpend: 0,
});

beforeEach(async () => {
  c = await openTestShop();
  member = await registerTestMember(c, { name: '王芳', phone: '13912345678', birthday: '1990-06-15' });
});
afterEach(() => checkAndDispose(c));

describe('tiers at the till', () => {
  it('names the upgrade on the receipt of the crossing sale, with the re-qualification date', async () => {
    useRules({ tierQualification: { measure: 'pointsEarned', window: { kind: 'rollingMonths', months: 12 } } });
    const first = unwrap(await c.api.recordSale(sale(90_000))); // 900 pts
    expect(first.tierUpgrade).toBeNull();
    c.clock.advance(DAY);
    const crossing = unwrap(await c.api.recordSale(sale(20_000))); // 200 pts: 1100 in the window
    expect(crossing.tierUpgrade).toMatchObject({ from: { code: 'BRONZE' }, to: { code: 'SILVER' } });
    expect(crossing.explanation.map((e) => e.code)).toContain('tierUpgrade');
    const view = unwrap(await c.api.getMember({ memberId: member.id }));
    expect(view.tier?.code).toBe('SILVER');
    expect(view.tierStatus).toMatchObject({ measure: 'pointsEarned', value: 1100, since: crossing.createdAt });
    expect(view.tierStatus?.requalifyAt).toBe(Date.UTC(2026, 5, 2, 2, 0, 0)); // 12 months after the crossing sale;
  });

  it('a rolling window demotes only at the re-qualification date; spending points never does', async () => {
    useRules({ tierQualification: { measure: 'pointsEarned', window: { kind: 'rollingMonths', months: 1 } } });
    unwrap(await c.api.recordSale(sale(120_000))); // 1200 pts: SILVER
    c.clock.advance(DAY);
    unwrap(await c.api.recordSale({ ...sale(1_000), pointsToSpend: 1_000 })); // spends most of the balance
    expect(unwrap(await c.api.getMember({ memberId: member.id })).tier?.code).toBe('SILVER');
    c.clock.advance(40 * DAY);
    const later = unwrap(await c.api.getMember({ memberId: member.id }));
    expect(later.tier?.code).toBe('BRONZE');
    expect(later.tierStatus?.requalifyAt).toBeNull();
  });

  it('gives the birthday bonus once, on the first sale in the birthday month, as an earn row', async () => {
    useRules({ birthdayBonusByTier: { BRONZE: 50 } });
    c.clock.advance(14 * DAY); // the test clock starts on 1 June 2025; the member was born in June
    const r1 = unwrap(await c.api.recordSale(sale(1_000)));
    expect(r1.birthdayBonus).toBe(50);
    expect(r1.balanceAfter).toBe(10 + 50);
    const r2 = unwrap(await c.api.recordSale(sale(1_000)));
    expect(r2.birthdayBonus).toBe(0);
    const rows = c.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, member.id)).all();
    const bonus = rows.filter((r) => r.summary.startsWith('birthday bonus'));
    expect(bonus).toHaveLength(1);
    expect(bonus[0]).toMatchObject({ kind: 'earn', delta: 50 });
  });

  it('a manager sets a tier by hand until an end date: audited, one record; then the computed tier', async () => {
    const endsAt = c.clock.now() + 10 * DAY;
    const view = unwrap(
      await c.api.setMemberTier({ memberId: member.id, tierCode: 'GOLD', reason: 'VIP complaint', endsAt }),
    );
    expect(view.tier?.code).toBe('GOLD');
    expect(view.tierStatus?.override).toMatchObject({ tierCode: 'GOLD', reason: 'VIP complaint', endsAt });
    expect(view.tierStatus?.computedTierCode).toBe('BRONZE');
    expect(c.db.select().from(outbox).where(eq(outbox.recordType, 'tier_override')).all()).toHaveLength(1);
    expect(c.db.select().from(auditLog).where(eq(auditLog.action, 'tier.overridden')).all()).toHaveLength(1);
    // The sale earns at the overridden tier's multiplier (GOLD ×1.5).
    expect(unwrap(await c.api.recordSale(sale(10_000))).pointsEarned).toBe(150);
    c.clock.advance(10 * DAY);
    expect(unwrap(await c.api.getMember({ memberId: member.id })).tier?.code).toBe('BRONZE');
  });

  it('refuses an override with an end date in the past, an unknown tier or no reason, writing nothing', async () => {
    const now = c.clock.now();
    const cases: ChannelInput<'setMemberTier'>[] = [
      { memberId: member.id, tierCode: 'GOLD', reason: 'x', endsAt: now },
      { memberId: member.id, tierCode: 'GOLD', reason: 'x', endsAt: now - DAY },
      { memberId: member.id, tierCode: 'PLATINUM', reason: 'x', endsAt: now + DAY },
    ];
    for (const input of cases) expect(errorOf(await c.api.setMemberTier(input)).code).toBe('TIER_OVERRIDE_INVALID');
    expect(
      errorOf(await c.api.setMemberTier({ memberId: member.id, tierCode: 'GOLD', reason: '  ', endsAt: now + DAY }))
        .code,
    ).toBe('VALIDATION');
    expect(c.db.select().from(tierOverrides).all()).toHaveLength(0);
    expect(
      c.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'tier.overridden')))
        .all(),
    ).toHaveLength(0);
  });

  it('a GOLD-only reward is refused below GOLD (TIER_TOO_LOW, nothing written) and taken at GOLD', async () => {
    const rewardId = c.ctx.ids.uuid();
    c.db
      .insert(rewards)
      .values({
        id: rewardId,
        code: 'LOUNGE',
        name: 'Lounge',
        category: 'general',
        pointsCost: 10,
        cashValueMinor: 0,
        stock: null,
        active: true,
        updatedAt: c.clock.now(),
        minTierCode: 'GOLD',
      })
      .run();
    unwrap(await c.api.recordSale(sale(10_000)));
    const redeem = () =>
      c.api.redeemReward({ requestId: c.ctx.ids.uuid(), memberId: member.id, rewardId, quantity: 1 });
    const refused = errorOf(await redeem());
    expect(refused).toMatchObject({ code: 'TIER_TOO_LOW', details: { minTierCode: 'GOLD' } });
    expect(c.db.select().from(redemptions).all()).toHaveLength(0);
    expect(unwrap(await c.api.listRewards({ includeInactive: false }))[0]?.minTierCode).toBe('GOLD');
    const endsAt = c.clock.now() + DAY;
    unwrap(await c.api.setMemberTier({ memberId: member.id, tierCode: 'GOLD', reason: 'event', endsAt }));
    unwrap(await redeem());
  });

  it('refuses a qualification window of 0 months in the rules', () => {
    const bad = RuleSet.safeParse({
      ...DEFAULT_RULE_SET,
      tierQualification: { measure: 'spend', window: { kind: 'rollingMonths', months: 0 } },
    });
    expect(bad.success).toBe(false);
    expect(RuleSet.parse({ ...DEFAULT_RULE_SET }).tierQualification).toEqual({
      measure: 'pointsEarned',
      window: { kind: 'lifetime' },
    });
  });
});
