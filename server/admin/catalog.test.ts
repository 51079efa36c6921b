// Issue 12, defect 6: `PUT /admin/tiers {"tiers":[]}` answered ok and left tills with a ladder
// that no longer matched; a reward with an empty code and name, 0 points and unlimited stock was
// accepted and redeemed for nothing. Each is now refused with VALIDATION naming the field and the
// reason, over real HTTP, and nothing reaches the settings or the pull feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { uuidFrom } from '../testing/records';
import type { HoDatabase } from '../store/connect';

const T0 = Date.UTC(2025, 2, 1, 2);
const Count = z.object({ rows: z.array(z.object({ n: z.number() })) });
const Refusal = z.object({
  code: z.literal('VALIDATION'),
  details: z.object({ issues: z.array(z.object({ path: z.string(), message: z.string() })).min(1) }),
});

const LADDER = [
  { code: 'BRONZE', name: '铜卡 Bronze', rank: 1, qualifyPoints: 0 },
  { code: 'SILVER', name: '银卡 Silver', rank: 2, qualifyPoints: 1_000 },
  { code: 'GOLD', name: '金卡 Gold', rank: 3, qualifyPoints: 5_000 },
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

async function written(database: HoDatabase): Promise<number> {
  const result = await database.db.execute(
    sql`SELECT (SELECT count(*) FROM ho_settings)::int + (SELECT count(*) FROM ho_changes)::int
      + (SELECT count(*) FROM ho_rewards)::int AS n`,
  );
  return Count.parse(result).rows[0]?.n ?? -1;
}

describe.each(testBackends)('head office refuses harmful catalogue changes, on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;

  // One head office per backend (each refusal checks that nothing was written since the call before).
  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, fixedClockForTests(T0));
  }, 180_000);
  afterAll(async () => {
    await ho.close(); // closes the database too
  });

  /**
   * Sends the body, expects a 400 VALIDATION whose issues name `path` with a reason containing `reason`,
   * and no write.
   */
  async function refused(method: 'PUT', path: string, body: unknown, issuePath: string, reason: RegExp): Promise<void> {
    const before = await written(database);
    const answer = await ho.call(method, path, body, ho.adminToken);
    expect(answer.status, JSON.stringify(body)).toBe(400);
    const issues = Refusal.parse(answer.body).details.issues;
    expect(
      issues.some((i) => i.path === issuePath && reason.test(i.message)),
      JSON.stringify(issues),
    ).toBe(true);
    expect(await written(database)).toBe(before);
  }

  it('refuses an empty ladder and ladders the till cannot place members on', async () => {
    await refused('PUT', '/admin/tiers', { tiers: [] }, 'tiers', /at least one tier/);
    const [bronze, silver, gold] = LADDER;
    await refused(
      'PUT',
      '/admin/tiers',
      { tiers: [{ ...bronze, qualifyPoints: 10 }] },
      'tiers.0.qualifyPoints',
      /from 0 points/,
    );
    await refused(
      'PUT',
      '/admin/tiers',
      { tiers: [bronze, { ...silver, code: 'bronze' }] },
      'tiers.1.code',
      /used twice/,
    );
    await refused(
      'PUT',
      '/admin/tiers',
      { tiers: [bronze, silver, { ...gold, qualifyPoints: 1_000 }] },
      'tiers.2.qualifyPoints',
      /more points than SILVER/,
    );
    await refused('PUT', '/admin/tiers', { tiers: [bronze, { ...silver, rank: 1 }] }, 'tiers.1.rank', /used twice/);
    await refused('PUT', '/admin/tiers', { tiers: [{ ...bronze, code: '  ' }] }, 'tiers.0.code', /must not be empty/);
    await refused('PUT', '/admin/tiers', { tiers: [{ ...bronze, name: '' }] }, 'tiers.0.name', /must not be empty/);
    const ok = await ho.call('PUT', '/admin/tiers', { tiers: LADDER }, ho.adminToken);
    expect(ok).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('refuses a reward without code or name, one costing nothing, or stock neither a count nor unlimited', async () => {
    const path = `/admin/rewards/${uuidFrom(7)}`;
    await refused(
      'PUT',
      path,
      { code: '', name: '', category: 'merch', pointsCost: 0, cashValueMinor: 0, stock: null, active: true },
      'code',
      /must not be empty/,
    );
    await refused('PUT', path, { ...MUG, code: '   ' }, 'code', /must not be empty/);
    await refused('PUT', path, { ...MUG, name: ' ' }, 'name', /must not be empty/);
    await refused('PUT', path, { ...MUG, pointsCost: 0 }, 'pointsCost', /at least 1 point/);
    await refused('PUT', path, { ...MUG, stock: -1 }, 'stock', /0 or more, or null for unlimited/);
    await refused('PUT', path, { ...MUG, stock: 2.5 }, 'stock', /whole count/);
    await refused('PUT', path, { ...MUG, stock: undefined }, 'stock', /.+/);
    await refused('PUT', path, { ...MUG, category: '' }, 'category', /must not be empty/);
    expect((await ho.call('PUT', path, { ...MUG, stock: null }, ho.adminToken)).status).toBe(200);
    expect((await ho.call('PUT', path, MUG, ho.adminToken)).status).toBe(200);
  });

  it('keeps the shop’s categories as a list: codes normalised once, no empty list, no unknown default', async () => {
    const general = { code: 'general', names: { 'zh-CN': '普通商品', en: 'General' } };
    const tobacco = { code: 'tobacco', names: { 'zh-CN': '烟草', en: 'Tobacco' } };
    await refused(
      'PUT',
      '/admin/categories',
      { categories: [], defaultCode: 'general' },
      'categories',
      /at least one category/,
    );
    await refused(
      'PUT',
      '/admin/categories',
      { categories: [general, { ...tobacco, code: 'General' }], defaultCode: 'general' },
      'categories.1.code',
      /used twice/,
    );
    await refused(
      'PUT',
      '/admin/categories',
      { categories: [general, { ...tobacco, names: { 'zh-CN': '烟草', en: 'general' } }], defaultCode: 'general' },
      'categories.1.names.en',
      /already names category general/,
    );
    await refused(
      'PUT',
      '/admin/categories',
      { categories: [general], defaultCode: 'tobacco' },
      'defaultCode',
      /not in the list/,
    );
    await refused(
      'PUT',
      '/admin/categories',
      { categories: [{ ...general, names: { 'zh-CN': '', en: 'General' } }], defaultCode: 'general' },
      'categories.0.names.zh-CN',
      /must not be empty/,
    );
    expect(
      await ho.call(
        'PUT',
        '/admin/categories',
        { categories: [general, { ...tobacco, code: ' Tobacco ' }], defaultCode: 'GENERAL' },
        ho.adminToken,
      ),
    ).toMatchObject({ status: 200 });
    const stored = await database.db.execute(sql`SELECT value FROM ho_settings WHERE key = 'categories'`);
    expect(JSON.stringify(stored)).toContain('"code":"tobacco"');
  });
});
