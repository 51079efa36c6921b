import { afterEach, describe, expect, it } from 'vitest';
import { syncLink } from '../../db/schemaSync';
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
const leave = { deleteAllDemoData: true } as const;

describe('leaving the demo shop', () => {
  it('deletes every demo record, link and credential, and gives the till a new identity', async () => {
    const c = core();
    const demo = unwrap(await c.api.setupDemoShop({}));
    unwrap(await c.api.setLocale({ locale: 'en' }));
    c.db
      .insert(syncLink)
      .values({
        id: 1,
        headOfficeUrl: 'https://ho.example',
        terminalId: demo.terminalId,
        shopId: 'demo-shop',
        shopName: 'Demo',
        terminalCode: demo.terminalCode ?? '',
        token: 'x.y',
        enrolledAt: 1,
      })
      .run();
    expect(tableCounts(c.db).outbox).toBeGreaterThan(0);

    const after = unwrap(await c.api.leaveDemoShop(leave));
    expect(after).toMatchObject({
      configured: false,
      demo: false,
      outboxPending: 0,
      headOfficeUrl: null,
      ruleVersion: null,
      locale: 'en',
    });
    expect(after.terminalId).not.toBe(demo.terminalId);
    const left = Object.entries(tableCounts(c.db)).filter(([table, n]) => n > 0 && !table.startsWith('__drizzle'));
    expect(left).toEqual([['terminal', 1]]);

    // The real shop starts clean: its own rules (not the demo's version 1), its records from seq 1.
    unwrap(await c.api.configureShop(shop));
    const rules = c.db.$client.prepare('SELECT source FROM rule_versions').pluck().all();
    expect(rules).toEqual(['local']);
    const requestId = () => c.ctx.ids.uuid();
    const member = unwrap(await c.api.registerMember({ requestId: requestId(), name: '王芳', phone: '13912345678' }));
    const lines = [{ sku: 'A', quantity: 1, unitPriceMinor: 3000 }];
    const sale = unwrap(await c.api.recordSale({ requestId: requestId(), memberId: member.id, lines }));
    expect(sale.pointsEarned).toBe(30); // the demo's rules would add 5 visit points
    expect(c.db.$client.prepare('SELECT min(seq) FROM outbox').pluck().get()).toBe(1);
    expect(unwrap(await c.api.listRewards({}))).toEqual([]);
  });

  it('refuses on a real shop and on a till with no shop, and deletes nothing', async () => {
    const blank = core();
    // A till with no shop has nobody to sign in: the guard refuses before the service is asked.
    expect(errorOf(await blank.api.leaveDemoShop(leave)).code).toBe('NOT_CONFIGURED');
    const real = core();
    unwrap(await real.api.configureShop(shop));
    unwrap(await real.api.registerMember({ requestId: real.ctx.ids.uuid(), name: '王芳', phone: '13912345678' }));
    const before = tableCounts(real.db);
    const refused = await real.api.leaveDemoShop(leave);
    expect(errorOf(refused).code).toBe('NOT_DEMO');
    expect(refused.ok ? '' : refused.error.message).toMatch(/不是演示门店/);
    expect(tableCounts(real.db)).toEqual(before);
  });

  it('demands the explicit flag', async () => {
    const c = core();
    unwrap(await c.api.setupDemoShop({}));
    const before = tableCounts(c.db);
    expect(errorOf(c.dispatch('leaveDemoShop', {})).code).toBe('VALIDATION');
    expect(errorOf(c.dispatch('leaveDemoShop', { deleteAllDemoData: false })).code).toBe('VALIDATION');
    expect(tableCounts(c.db)).toEqual(before);
  });
});
