// Issue 15, "the programme is the shop's": a manager of a shop without head office edits the earn
// rules, the tier ladder, the rewards and the discount value at the till. Real SQLite, through the
// contract (the dispatcher's schemas are head office's: RuleSet, TierLadder, RewardSpec).
import { afterEach, describe, expect, it } from 'vitest';
import { syncLink } from '../../db/schemaSync';
import { RulesDraft, type RulesDraftInput } from '../../shared/contract/programme';
import type { Result } from '../../shared/contract';
import type { ServiceContext } from '../core/context';
import { saveRules } from './programme';
import {
  checkAndDispose,
  errorOf,
  openTestCore,
  registerTestMember,
  tableCounts,
  unwrap,
  type TestCore,
} from './services.testkit';

let c: TestCore;
afterEach(() => checkAndDispose(c));

async function realShop(): Promise<TestCore> {
  c = openTestCore();
  unwrap(
    await c.api.configureShop({ shopId: 'own', shopName: 'Own Shop', terminalName: 'Till 1', terminalCode: '31015' }),
  );
  return c;
}

const rules = (points: number, extra: Partial<RulesDraftInput> = {}): RulesDraftInput => ({
  base: { kind: 'perAmount', ratio: { points, perMinor: 100 } },
  tierMultipliersBp: { BRONZE: 10_000, SILVER: 12_000, GOLD: 15_000 },
  redemption: { pointsPerUnit: 100, unitValueMinor: 100 },
  ...extra,
});

const LADDER = [
  { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 },
  { code: 'SILVER', name: 'Silver', rank: 2, qualifyPoints: 800 },
  { code: 'GOLD', name: 'Gold', rank: 3, qualifyPoints: 4_000 },
];

const auditActions = () =>
  c.db.$client.prepare("SELECT subject FROM audit_log WHERE action = 'programme.changed' ORDER BY seq").pluck().all();

describe('the programme at a shop without head office', () => {
  it('each rules save is a new local version, in force for the next sale, whose ledger rows name it', async () => {
    await realShop();
    const m = await registerTestMember(c, { name: 'Li', phone: '13800138015' });
    const sell = async () =>
      unwrap(
        await c.api.recordSale({
          requestId: c.ctx.ids.uuid(),
          memberId: m.id,
          lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 2_000 }],
        }),
      );
    expect((await sell()).pointsEarned).toBe(20);
    const saved = unwrap(await c.api.saveRules({ requestId: c.ctx.ids.uuid(), rules: rules(3) }));
    expect(saved.rules?.version).toBe(2);
    expect(saved.managedByHeadOffice).toBe(false);
    const after = await sell();
    expect(after.pointsEarned).toBe(60);
    expect(after.ruleVersion).toBe(2);
    const ledger = c.db.$client
      .prepare("SELECT rule_version FROM points_ledger WHERE sale_id = ? AND kind = 'earn'")
      .pluck()
      .all(after.saleId);
    expect(ledger).toEqual([2]);

    unwrap(await c.api.saveRules({ requestId: c.ctx.ids.uuid(), rules: rules(5) }));
    const history = unwrap(await c.api.ruleHistory({}));
    expect(history.map((h) => [h.version, h.source, h.rules.base])).toEqual([
      [3, 'local', { kind: 'perAmount', ratio: { points: 5, perMinor: 100 } }],
      [2, 'local', { kind: 'perAmount', ratio: { points: 3, perMinor: 100 } }],
      [1, 'local', { kind: 'perAmount', ratio: { points: 1, perMinor: 100 } }],
    ]);
    expect(auditActions()).toEqual(['rules', 'rules']);
  });

  it('the discount value is the rules’ redemption: a save changes what points take off the next sale', async () => {
    await realShop();
    const m = await registerTestMember(c, { name: 'Wu', phone: '13800138016' });
    unwrap(
      await c.api.recordSale({
        requestId: c.ctx.ids.uuid(),
        memberId: m.id,
        lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 50_000 }],
      }),
    );
    unwrap(
      await c.api.saveRules({
        requestId: c.ctx.ids.uuid(),
        rules: rules(1, { redemption: { pointsPerUnit: 10, unitValueMinor: 100 } }),
      }),
    );
    const quote = unwrap(
      await c.api.previewSale({
        memberId: m.id,
        lines: [{ sku: 'B', quantity: 1, unitPriceMinor: 5_000 }],
        pointsToSpend: 100,
      }),
    );
    expect(quote.discountMinor).toBe(1_000);
  });

  it('saves a tier ladder, and the rewards: added, restocked and deactivated, each audited', async () => {
    await realShop();
    const view = unwrap(await c.api.saveTiers({ requestId: c.ctx.ids.uuid(), tiers: LADDER }));
    expect(view.tiers.map((t) => [t.code, t.qualifyPoints])).toEqual([
      ['BRONZE', 0],
      ['SILVER', 800],
      ['GOLD', 4000],
    ]);
    const reward = {
      code: 'MUG',
      name: 'Mug',
      category: 'general',
      pointsCost: 500,
      cashValueMinor: 2_000,
      stock: 3,
      active: true,
    };
    const added = unwrap(await c.api.upsertReward({ requestId: c.ctx.ids.uuid(), reward }));
    const restocked = unwrap(
      await c.api.upsertReward({ requestId: c.ctx.ids.uuid(), id: added.id, reward: { ...reward, stock: 10 } }),
    );
    expect(restocked).toMatchObject({ id: added.id, stock: 10, active: true });
    unwrap(
      await c.api.upsertReward({ requestId: c.ctx.ids.uuid(), id: added.id, reward: { ...reward, active: false } }),
    );
    expect(unwrap(await c.api.listRewards({})).map((r) => r.code)).not.toContain('MUG');
    expect(unwrap(await c.api.getProgramme({})).rewards.map((r) => [r.code, r.active])).toEqual([['MUG', false]]);
    expect(auditActions()).toEqual(['tiers', 'reward', 'reward', 'reward']);
  });

  it('refuses bad programmes field by field, writing nothing', async () => {
    await realShop();
    const before = tableCounts(c.db);
    const issues = async <T>(r: Promise<Result<T>>) => {
      const e = errorOf(await r);
      expect(e.code).toBe('VALIDATION');
      return (e.details.issues as { path: string; message: string }[]).map((i) => i.path);
    };
    const equal = LADDER.map((t) => (t.code === 'GOLD' ? { ...t, qualifyPoints: 800 } : t));
    expect(await issues(c.api.saveTiers({ requestId: c.ctx.ids.uuid(), tiers: equal }))).toEqual([
      'tiers.2.qualifyPoints',
    ]);
    const absurd = rules(1, { categoryMultipliersBp: { drink: 5_000_000 } });
    expect(await issues(c.api.saveRules({ requestId: c.ctx.ids.uuid(), rules: absurd }))).toEqual([
      'rules.categoryMultipliersBp.drink',
    ]);
    const negative = rules(1, { skuMultipliersBp: { A: -1 } });
    expect(await issues(c.api.saveRules({ requestId: c.ctx.ids.uuid(), rules: negative }))).toEqual([
      'rules.skuMultipliersBp.A',
    ]);
    const zeroTier = rules(1, { tierMultipliersBp: { GOLD: 0 } });
    expect(await issues(c.api.saveRules({ requestId: c.ctx.ids.uuid(), rules: zeroTier }))).toEqual([
      'rules.tierMultipliersBp.GOLD',
    ]);
    const ladder = rules(1, {
      base: {
        kind: 'ladderAmount',
        bands: [
          { fromMinor: 0, ratio: { points: 1, perMinor: 100 } },
          { fromMinor: 0, ratio: { points: 2, perMinor: 100 } },
        ],
      },
    });
    expect(await issues(c.api.saveRules({ requestId: c.ctx.ids.uuid(), rules: ladder }))).toEqual([
      'rules.base.bands.1',
    ]);
    const free = {
      code: 'F',
      name: 'Free',
      category: 'general',
      pointsCost: 0,
      cashValueMinor: 0,
      stock: -1,
      active: true,
    };
    expect(await issues(c.api.upsertReward({ requestId: c.ctx.ids.uuid(), reward: free }))).toEqual([
      'reward.pointsCost',
      'reward.stock',
    ]);
    expect(tableCounts(c.db)).toEqual(before);
  });

  it('refuses a second reward with a taken code, and dropping a tier members hold', async () => {
    await realShop();
    const reward = {
      code: 'CUP',
      name: 'Cup',
      category: 'general',
      pointsCost: 50,
      cashValueMinor: 0,
      stock: null,
      active: true,
    };
    unwrap(await c.api.upsertReward({ requestId: c.ctx.ids.uuid(), reward }));
    await registerTestMember(c, { name: 'Bronze', phone: '13800138017' });
    const before = tableCounts(c.db);
    const taken = errorOf(
      await c.api.upsertReward({ requestId: c.ctx.ids.uuid(), reward: { ...reward, name: 'Other' } }),
    );
    expect(taken).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'reward.code', message: 'reward_code_taken' }] },
    });
    const withoutBronze = [{ code: 'BASIC', name: 'Basic', rank: 1, qualifyPoints: 0 }];
    const held = errorOf(await c.api.saveTiers({ requestId: c.ctx.ids.uuid(), tiers: withoutBronze }));
    expect(held).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'tiers', message: 'tier_in_use' }] },
    });
    expect(tableCounts(c.db)).toEqual(before);
  });

  it('an enrolled shop shows its programme read-only; every save is PROGRAMME_AT_HEAD_OFFICE', async () => {
    await realShop();
    const status = unwrap(await c.api.getStatus({}));
    c.db
      .insert(syncLink)
      .values({
        id: 1,
        headOfficeUrl: 'https://ho.example',
        terminalId: status.terminalId,
        shopId: 'own',
        shopName: 'Own Shop',
        terminalCode: '31015',
        token: 'x.y',
        enrolledAt: 1,
      })
      .run();
    expect(unwrap(await c.api.getProgramme({})).managedByHeadOffice).toBe(true);
    const before = tableCounts(c.db);
    const refused = [
      errorOf(await c.api.saveRules({ requestId: c.ctx.ids.uuid(), rules: rules(2) })),
      errorOf(await c.api.saveTiers({ requestId: c.ctx.ids.uuid(), tiers: LADDER })),
      errorOf(
        await c.api.upsertReward({
          requestId: c.ctx.ids.uuid(),
          reward: {
            code: 'X',
            name: 'X',
            category: 'general',
            pointsCost: 1,
            cashValueMinor: 0,
            stock: null,
            active: true,
          },
        }),
      ),
    ];
    expect(refused.map((r) => r.code)).toEqual([
      'PROGRAMME_AT_HEAD_OFFICE',
      'PROGRAMME_AT_HEAD_OFFICE',
      'PROGRAMME_AT_HEAD_OFFICE',
    ]);
    expect(tableCounts(c.db)).toEqual(before);
  });

  it('refuses a cashier at the guard and again in the service', async () => {
    await realShop();
    const staff = unwrap(await c.api.addStaff({ name: 'Cash', role: 'cashier', pin: '1357' }));
    unwrap(await c.api.signIn({ staffId: staff.staffId, pin: '1357' }));
    expect(errorOf(await c.api.getProgramme({})).code).toBe('NOT_ALLOWED');
    expect(errorOf(await c.api.saveRules({ requestId: c.ctx.ids.uuid(), rules: rules(2) })).code).toBe('NOT_ALLOWED');
    const cashier: ServiceContext = { ...c.ctx, actor: { staffId: staff.staffId, role: 'cashier' } };
    expect(() => saveRules(cashier, { requestId: c.ctx.ids.uuid(), rules: RulesDraft.parse(rules(2)) })).toThrow(
      'NOT_ALLOWED',
    );
  });
});
