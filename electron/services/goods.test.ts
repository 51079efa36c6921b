import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../shared/contract';
import { isProductBarcode, scanKind } from '../../shared/domain/productBarcode';
import { errorOf, openTestShop, tableCounts, unwrap, type TestCore } from './services.testkit';

const [, DEMO_CASHIER] = DEMO_STAFF;

let c: TestCore;
beforeEach(async () => {
  c = await openTestShop('demo');
});
afterEach(() => c.dispose());

const latte = { sku: 'LAT-01', barcode: '6901234567892', name: 'Latte 拿铁', category: 'Drinks', priceMinor: 2_800 };

describe('product barcodes and member cards', () => {
  it('tells a card, a product barcode and search text apart', () => {
    expect(isProductBarcode('6901234567892')).toBe(true);
    expect(isProductBarcode('6901234567893')).toBe(false);
    expect(isProductBarcode('13800138000')).toBe(false);
    expect(scanKind('4006381333931')).toBe('product');
    expect(scanKind('96385074')).toBe('product');
    expect(scanKind('1234567890123456')).toBe('card');
    expect(scanKind('13800138000')).toBe('search');
  });
});

describe('the shop’s goods', () => {
  it('adds, finds by barcode, SKU or name start, edits and deactivates; each write audited', async () => {
    const added = unwrap(await c.api.addGoods(latte));
    expect(added).toMatchObject({ sku: 'LAT-01', category: 'drink', priceMinor: 2_800, active: true });
    unwrap(await c.api.addGoods({ sku: 'CRO-1', name: 'Croissant', category: 'bakery', priceMinor: 1_200 }));
    const find = async (text: string) => unwrap(await c.api.listGoods({ find: text })).map((g) => g.sku);
    expect(await find('6901234567892')).toEqual(['LAT-01']);
    expect(await find('lat')).toEqual(['LAT-01']);
    expect(await find('cro')).toEqual(['CRO-1']);
    expect(await find('拿铁')).toEqual(['LAT-01']);
    expect(await find('%')).toEqual([]);
    const edited = unwrap(await c.api.updateGoods({ id: added.id, priceMinor: 3_000 }));
    expect(edited).toMatchObject({ priceMinor: 3_000, barcode: latte.barcode });
    unwrap(await c.api.updateGoods({ id: added.id, active: false }));
    expect(await find('lat')).toEqual([]);
    expect(unwrap(await c.api.listGoods({ includeInactive: true })).map((g) => g.sku)).toEqual(['CRO-1', 'LAT-01']);
    const audit = c.db.$client
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'programme.changed' AND details_json LIKE '%goods%'")
      .get() as { n: number };
    expect(audit.n).toBe(4);
  });

  it('refuses a taken SKU or barcode, an unknown category and bad fields, writing nothing', async () => {
    unwrap(await c.api.addGoods(latte));
    const before = tableCounts(c.db);
    expect(errorOf(await c.api.addGoods({ ...latte, barcode: null, sku: 'lat-01' }))).toMatchObject({
      code: 'GOODS_TAKEN',
      details: { field: 'sku' },
    });
    expect(errorOf(await c.api.addGoods({ ...latte, sku: 'OTHER' })).details).toMatchObject({ field: 'barcode' });
    expect(errorOf(await c.api.addGoods({ ...latte, sku: 'X', barcode: null, category: 'shoes' })).code).toBe(
      'UNKNOWN_CATEGORY',
    );
    for (const bad of [
      { ...latte, sku: 'has space' },
      { ...latte, barcode: '6901234567893' },
      { ...latte, name: '' },
      { ...latte, priceMinor: -1 },
      { ...latte, priceMinor: 1.5 },
    ])
      expect(errorOf(await c.api.addGoods(bad)).code).toBe('VALIDATION');
    expect(tableCounts(c.db)).toEqual(before);
  });

  it('a cashier lists the goods but may not change them', async () => {
    const added = unwrap(await c.api.addGoods(latte));
    const cashier = unwrap(await c.api.signInChoices({})).find((s) => s.role === 'cashier');
    if (!cashier) throw new Error('no cashier');
    unwrap(await c.api.signIn({ staffId: cashier.staffId, pin: DEMO_CASHIER.pin }));
    expect(unwrap(await c.api.listGoods({})).map((g) => g.id)).toEqual([added.id]);
    expect(errorOf(await c.api.updateGoods({ id: added.id, priceMinor: 1 })).code).toBe('NOT_ALLOWED');
  });
});
