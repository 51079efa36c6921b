// The chain's programme read back as the tills receive it: what a console shows before it changes a
// part, on PGlite and on the PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../shared/domain/rules/ruleSet';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { uuidFrom } from '../testing/records';

const T0 = Date.UTC(2025, 2, 1, 2);
const LADDER = [
  { code: 'BRONZE', name: '铜卡 Bronze', rank: 1, qualifyPoints: 0 },
  { code: 'SILVER', name: '银卡 Silver', rank: 2, qualifyPoints: 1_000 },
];
const MUG = {
  code: 'MUG',
  name: 'Logo mug',
  category: 'merch',
  pointsCost: 1_200,
  cashValueMinor: 5_900,
  stock: 12,
  active: true,
};

describe.each(testBackends)('the programme read, on $name', (backend) => {
  let ho: Harness;

  beforeAll(async () => {
    ho = await startHarness(await backend.open(), fixedClockForTests(T0));
  }, 180_000);
  afterAll(async () => {
    await ho.close(); // closes the database too
  });

  it('is empty before head office publishes anything (the tills keep their own)', async () => {
    expect(await ho.admin.call('programme')).toEqual({
      rules: null,
      versions: [],
      tiers: null,
      categories: null,
      rewards: [],
    });
  });

  it('shows the newest rules, every version, the ladder and the rewards', async () => {
    await ho.admin.call('publishRules', { body: { rules: DEFAULT_RULE_SET, effectiveFrom: 0 } });
    const second = await ho.admin.call('publishRules', {
      body: { rules: { ...DEFAULT_RULE_SET, rounding: 'ceil' }, effectiveFrom: T0 },
    });
    await ho.admin.call('publishTiers', { body: { tiers: LADDER } });
    await ho.admin.call('upsertReward', { params: { id: uuidFrom(1) }, body: MUG });

    const programme = await ho.admin.call('programme');
    expect(programme.rules?.version).toBe(second.version);
    expect(programme.rules?.rules.rounding).toBe('ceil');
    expect(programme.versions.map((v) => v.version)).toEqual([second.version, second.version - 1]);
    expect(programme.tiers?.map((t) => t.code)).toEqual(['BRONZE', 'SILVER']);
    expect(programme.rewards).toEqual([{ ...MUG, id: uuidFrom(1), minTierCode: null, updatedAt: T0 }]);
  });
});
