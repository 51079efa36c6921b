import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { syncState } from '../../db/schema';
import { openTerminalCore } from '../terminal/terminalCore';
import {
  assertLedgerConsistent,
  assertOutboxGapFree,
  errorOf,
  openTestCore,
  tableCounts,
  unwrap,
  type TestCore,
} from './services.testkit';

const cores: TestCore[] = [];
function core(): TestCore {
  const c = openTestCore();
  cores.push(c);
  return c;
}
afterEach(() => {
  for (const c of cores.splice(0)) {
    assertLedgerConsistent(c.db);
    assertOutboxGapFree(c.db);
    c.dispose();
  }
});

const shop = { shopId: 'shop-7', shopName: '静安店 Jing’an', terminalName: 'Till 2', terminalCode: '31002' };

describe('terminal row and status', () => {
  it('creates the terminal identity once and keeps it across reopen', async () => {
    const c = openTestCore();
    const first = unwrap(await c.api.getStatus({}));
    expect(first).toMatchObject({
      configured: false,
      demo: false,
      shopName: null,
      locale: 'zh-CN',
      currency: 'CNY',
      ruleVersion: null,
      outboxPending: 0,
      online: false,
      lastSyncAt: null,
    });
    c.close();
    const again = openTerminalCore({ dataDir: c.dir, log: () => undefined });
    try {
      expect(unwrap(await again.api.getStatus({})).terminalId).toBe(first.terminalId);
      expect(again.db.$client.prepare('SELECT count(*) AS n FROM terminal').get()).toEqual({ n: 1 });
    } finally {
      again.close();
      rmSync(c.dir, { recursive: true, force: true });
    }
  });

  it('refuses business calls before a shop is set up', async () => {
    const c = core();
    expect(
      errorOf(await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'A', phone: '13912345678' })).code,
    ).toBe('NOT_CONFIGURED');
    expect(
      errorOf(await c.api.previewSale({ memberId: null, lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 100 }] }))
        .code,
    ).toBe('NOT_CONFIGURED');
    expect(errorOf(await c.api.listTiers({})).code).toBe('NOT_CONFIGURED');
  });

  it('reads online, last sync and last close from sync_state when the sync job wrote them', async () => {
    const c = core();
    c.db
      .insert(syncState)
      .values([
        { key: 'online', value: 'true' },
        { key: 'lastSyncAt', value: '1748743200000' },
        { key: 'lastCloseAt', value: 'garbage' },
      ])
      .run();
    expect(unwrap(await c.api.getStatus({}))).toMatchObject({
      online: true,
      lastSyncAt: 1748743200000,
      lastCloseAt: null,
    });
  });
});

describe('configureShop', () => {
  it('writes the shop, the default ladder and rule version 1 (local), and no demo data', async () => {
    const c = core();
    const status = unwrap(await c.api.configureShop({ ...shop, locale: 'en' }));
    expect(status).toMatchObject({
      configured: true,
      demo: false,
      shopName: shop.shopName,
      terminalCode: '31002',
      locale: 'en',
      ruleVersion: 1,
    });
    expect(unwrap(await c.api.listTiers({})).map((t) => [t.code, t.qualifyPoints])).toEqual([
      ['BRONZE', 0],
      ['SILVER', 1000],
      ['GOLD', 5000],
    ]);
    expect(c.db.$client.prepare('SELECT source FROM rule_versions').all()).toEqual([{ source: 'local' }]);
    const counts = tableCounts(c.db);
    // The one record is the audit row of the first manager's account.
    expect([counts.members, counts.rewards, counts.sales, counts.outbox]).toEqual([0, 0, 0, 1]);
  });

  it('refuses a second configuration and the demo shop afterwards, writing nothing', async () => {
    const c = core();
    unwrap(await c.api.configureShop(shop));
    const before = tableCounts(c.db);
    expect(errorOf(await c.api.configureShop({ ...shop, shopName: 'Other' })).code).toBe('ALREADY_CONFIGURED');
    expect(errorOf(await c.api.setupDemoShop({})).code).toBe('ALREADY_CONFIGURED');
    expect(tableCounts(c.db)).toEqual(before);
    expect(unwrap(await c.api.getStatus({})).shopName).toBe(shop.shopName);
  });

  it('validates the terminal code', async () => {
    const c = core();
    expect(errorOf(await c.api.configureShop({ ...shop, terminalCode: '12a45' })).code).toBe('VALIDATION');
  });
});

describe('setLocale', () => {
  it('switches the language and the error messages follow it', async () => {
    const c = core();
    expect(unwrap(await c.api.setLocale({ locale: 'en' })).locale).toBe('en');
    const r = await c.api.getMember({ memberId: c.ctx.ids.uuid() });
    expect(r.ok ? '' : r.error.message).toMatch(/no shop set up/);
    unwrap(await c.api.setLocale({ locale: 'zh-CN' }));
    const r2 = await c.api.getMember({ memberId: c.ctx.ids.uuid() });
    expect(r2.ok ? '' : r2.error.message).toMatch(/尚未设置门店/);
  });
});

describe('setupDemoShop', () => {
  it('configures the demo shop with rules, tiers, rewards and members with consistent history', async () => {
    const c = core();
    const status = unwrap(await c.api.setupDemoShop({}));
    expect(status).toMatchObject({ configured: true, demo: true, terminalCode: '90001', ruleVersion: 1 });
    expect(status.outboxPending).toBe(assertOutboxGapFree(c.db));
    const rewards = unwrap(await c.api.listRewards({ includeInactive: true }));
    expect(rewards.length).toBeGreaterThanOrEqual(8);
    expect(rewards.some((r) => r.stock === 0)).toBe(true);
    expect(rewards.some((r) => !r.active)).toBe(true);
    expect(unwrap(await c.api.listRewards({})).every((r) => r.active)).toBe(true);

    const tiers = new Set<string>();
    for (const q of ['王芳', '李伟', '张敏', '刘洋', 'Emily']) {
      const found = unwrap(await c.api.searchMembers({ query: q }));
      expect(found.members).toHaveLength(1);
      const m = unwrap(await c.api.getMember({ memberId: found.members[0]?.id ?? '' }));
      tiers.add(m.tier?.code ?? '');
      expect(unwrap(await c.api.getBalance({ memberId: m.id })).balance).toBe(m.balance);
    }
    expect(tiers).toEqual(new Set(['GOLD', 'SILVER', 'BRONZE']));
    // The exclusion and the points-paid sale are in the history.
    expect(
      c.db.$client.prepare("SELECT count(*) AS n, sum(points) AS p FROM sale_lines WHERE category = 'tobacco'").get(),
    ).toEqual({ n: 7, p: 0 });
    expect(c.db.$client.prepare('SELECT count(*) AS n FROM sales WHERE points_spent > 0').get()).toEqual({ n: 1 });
    expect(c.db.$client.prepare('SELECT count(*) AS n FROM sales WHERE member_id IS NULL').get()).toEqual({ n: 2 });
    // Every demo record is dated before now.
    const newest = c.db.$client.prepare('SELECT max(created_at) AS t FROM points_ledger').get() as { t: number };
    expect(newest.t).toBeLessThan(c.clock.now());
  });

  it('is refused the second time', async () => {
    const c = core();
    unwrap(await c.api.setupDemoShop({}));
    const before = tableCounts(c.db);
    expect(errorOf(await c.api.setupDemoShop({})).code).toBe('ALREADY_CONFIGURED');
    expect(tableCounts(c.db)).toEqual(before);
  });
});
