// Issue 15: an enrolled shop's goods are head office's. Through real HTTP: items head office adds
// and edits reach the till by the pull (an item made here before enrolment with the same SKU gives
// way), scanning finds them by barcode, the till's own adds and edits are GOODS_AT_HEAD_OFFICE with
// nothing written, and an item the till's schema refuses is kept out as a pull issue.
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { uuidFrom } from '../../server/testing/records';
import { errorOf, unwrap } from '../services/services.testkit';
import { applyChangeList } from './applyChanges';
import { enrolledTerminal, useEnrolledTills } from './enrolledTerminal.testkit';
import { syncOnce } from './job';

const START = Date.UTC(2025, 7, 1, 2, 0, 0);
const CATEGORIES = {
  defaultCode: 'general',
  categories: [
    { code: 'general', names: { 'zh-CN': '普通商品', en: 'General' } },
    { code: 'drink', names: { 'zh-CN': '饮品', en: 'Drinks' } },
  ],
};
const LATTE = { sku: 'LAT-01', barcode: '6901234567892', name: 'Latte 拿铁', category: '饮品', priceMinor: 2_800 };

describe.each(testBackends)('head office’s goods reach an enrolled till, on $name', (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [{ prefix: 6, shopId: 'shopG', code: '90106' }]);

  it('a till pulls head office’s items and their edits; an older local item with the same SKU gives way', async () => {
    const { ho } = fixture();
    const till = fixture().till(0);
    const sync = async () =>
      expect(await syncOnce({ db: till.db, clock, owner: 'g' })).toMatchObject({ status: 'synced' });
    // An item this shop made before it enrolled, holding the SKU head office is about to use.
    till.db.$client
      .prepare(
        'INSERT INTO goods (id, sku, barcode, name, category, price_minor, active, updated_at) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(uuidFrom(9_001), 'lat-01', null, 'Old latte', 'general', 2_000, 1, 0);

    await ho.admin.call('publishCategories', { body: CATEGORIES });
    const latte = (await ho.admin.call('addGoods', { body: LATTE })).goods;
    const tea = (await ho.admin.call('addGoods', { body: { sku: 'TEA-1', name: 'Tea', priceMinor: 900 } })).goods;
    await sync();
    const listed = unwrap(await till.api.listGoods({}));
    expect(listed).toEqual([latte, tea]);
    expect(unwrap(await till.api.listGoods({ find: LATTE.barcode })).map((g) => g.id)).toEqual([latte.id]);

    await ho.admin.call('updateGoods', { params: { id: latte.id }, body: { priceMinor: 3_000 } });
    await ho.admin.call('updateGoods', { params: { id: tea.id }, body: { active: false } });
    await sync();
    expect(unwrap(await till.api.listGoods({})).map((g) => [g.sku, g.priceMinor])).toEqual([['LAT-01', 3_000]]);
    expect(unwrap(await till.api.listGoods({ includeInactive: true })).map((g) => g.active)).toEqual([true, false]);
  });

  it('a till enrolled later gets the goods as head office holds them now, in its first sync', async () => {
    const { ho } = fixture();
    const dirs: string[] = [];
    const late = await enrolledTerminal(ho, clock, dirs, { prefix: 7, shopId: 'shopG', code: '90107' });
    try {
      expect(await syncOnce({ db: late.db, clock, owner: 'g2' })).toMatchObject({ status: 'synced' });
      const items = unwrap(await late.api.listGoods({ includeInactive: true }));
      expect(items.map((g) => [g.sku, g.priceMinor, g.active])).toEqual([
        ['LAT-01', 3_000, true],
        ['TEA-1', 900, false],
      ]);
    } finally {
      late.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the till’s own adds and edits are GOODS_AT_HEAD_OFFICE, nothing written', async () => {
    const till = fixture().till(0);
    const rows = () => till.db.$client.prepare('SELECT * FROM goods ORDER BY id').all();
    const audits = () => till.db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = { goods: rows(), audits: audits() };
    const [latte] = unwrap(await till.api.listGoods({ find: 'LAT-01' }));
    if (!latte) throw new Error('the pulled latte is missing');
    expect(errorOf(await till.api.addGoods({ sku: 'NEW-1', name: 'New', priceMinor: 100 })).code).toBe(
      'GOODS_AT_HEAD_OFFICE',
    );
    expect(errorOf(await till.api.updateGoods({ id: latte.id, priceMinor: 1 })).code).toBe('GOODS_AT_HEAD_OFFICE');
    expect({ goods: rows(), audits: audits() }).toEqual(before);
  });

  it('an item the till’s schema refuses is kept out and listed as a pull issue', () => {
    const till = fixture().till(0);
    const bad = {
      kind: 'goods' as const,
      id: uuidFrom(9_002),
      sku: 'BAD SKU',
      barcode: '6901234567893',
      name: 'Bad',
      category: 'general',
      priceMinor: 100,
      active: true,
      updatedAt: START,
    };
    till.db.transaction(() => applyChangeList(till.db, [bad], START));
    expect(till.db.$client.prepare('SELECT count(*) FROM goods WHERE id = ?').pluck().get(bad.id)).toBe(0);
    const issue = till.db.$client
      .prepare("SELECT kind, detail FROM sync_issues WHERE entity_id = ? AND direction = 'pull'")
      .get(bad.id);
    expect(issue).toMatchObject({ kind: 'goods_invalid', detail: expect.stringMatching(/^sku: sku_invalid/) });
  });
});
