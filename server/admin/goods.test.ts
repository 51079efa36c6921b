// Issue 15: head office keeps the shop's goods on the till's own schemas (GoodsFields, GoodsPatch):
// listed, added and edited over real HTTP, a taken SKU or barcode refused with GOODS_TAKEN, an
// unknown category and bad fields refused, nothing written by a refusal; every write is a 'goods'
// change in the pull feed and a head-office audit row. On PGlite and the real PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { GoodsFields, GoodsView } from '../../shared/contract/goods';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { uuidFrom } from '../testing/records';
import type { HoDatabase } from '../store/connect';

const T0 = Date.UTC(2025, 2, 1, 2);
const Counts = z.object({ rows: z.array(z.object({ goods: z.number(), changes: z.number(), audit: z.number() })) });
const Item = z.object({ goods: GoodsView });
const List = z.object({ goods: z.array(GoodsView) });
const CATEGORIES = {
  defaultCode: 'general',
  categories: [
    { code: 'general', names: { 'zh-CN': '普通商品', en: 'General' } },
    { code: 'drink', names: { 'zh-CN': '饮品', en: 'Drinks' } },
    { code: 'bakery', names: { 'zh-CN': '烘焙', en: 'Bakery' } },
  ],
};
const LATTE = { sku: 'LAT-01', barcode: '6901234567892', name: 'Latte 拿铁', category: 'Drinks', priceMinor: 2_800 };

async function counts(database: HoDatabase) {
  const result = await database.db.execute(
    sql`SELECT (SELECT count(*) FROM ho_goods)::int AS goods,
      (SELECT count(*) FROM ho_changes WHERE kind = 'goods')::int AS changes,
      (SELECT count(*) FROM ho_audit WHERE action = 'programme.changed' AND details_json LIKE '%goods%')::int AS audit`,
  );
  const row = Counts.parse(result).rows[0];
  if (!row) throw new Error('no counts');
  return row;
}

describe.each(testBackends)('head office’s goods, on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  const call = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
    ho.call(method, path, body, ho.adminToken);

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, fixedClockForTests(T0));
    expect((await call('PUT', '/admin/categories', CATEGORIES)).status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await ho.close(); // closes the database too
  });

  it('adds, finds by barcode, SKU or name, edits and deactivates; each write a feed change and audit row', async () => {
    const before = await counts(database);
    const added = await call('POST', '/admin/goods', LATTE);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const latte = Item.parse(added.body).goods;
    expect(latte).toMatchObject({ sku: 'LAT-01', category: 'drink', priceMinor: 2_800, active: true, updatedAt: T0 });
    const croissant = { sku: 'CRO-1', name: 'Croissant', category: '烘焙', priceMinor: 1_200 };
    expect((await call('POST', '/admin/goods', croissant)).status).toBe(201);

    const find = async (query: string) =>
      List.parse((await call('GET', `/admin/goods${query}`)).body).goods.map((g) => g.sku);
    expect(await find('')).toEqual(['CRO-1', 'LAT-01']);
    expect(await find('?find=6901234567892')).toEqual(['LAT-01']);
    expect(await find('?find=lat')).toEqual(['LAT-01']);
    expect(await find(`?find=${encodeURIComponent('拿铁')}`)).toEqual(['LAT-01']);
    expect(await find('?find=%25')).toEqual([]);

    const edited = await call('PUT', `/admin/goods/${latte.id}`, { priceMinor: 3_000, name: 'Latte' });
    expect(Item.parse(edited.body).goods).toMatchObject({ priceMinor: 3_000, name: 'Latte', barcode: LATTE.barcode });
    expect((await call('PUT', `/admin/goods/${latte.id}`, { active: false })).status).toBe(200);
    expect(await find('')).toEqual(['CRO-1']);
    expect(await find('?includeInactive=true')).toEqual(['CRO-1', 'LAT-01']);

    const after = await counts(database);
    expect(after.goods - before.goods).toBe(2);
    expect(after.changes - before.changes).toBe(4);
    expect(after.audit - before.audit).toBe(4);
  });

  it('refuses a taken SKU (any case) or barcode with 409 GOODS_TAKEN, naming the holder, writing nothing', async () => {
    const tea = Item.parse((await call('POST', '/admin/goods', { sku: 'TEA-1', name: 'Tea', priceMinor: 900 })).body);
    const milk = { sku: 'MILK-1', barcode: '4006381333931', name: 'Milk', priceMinor: 600 };
    expect((await call('POST', '/admin/goods', milk)).status).toBe(201);
    const before = await counts(database);
    const refusals = [
      await call('POST', '/admin/goods', { ...milk, sku: 'tea-1', barcode: null }),
      await call('POST', '/admin/goods', { ...milk, sku: 'MILK-2' }),
      await call('PUT', `/admin/goods/${tea.goods.id}`, { barcode: milk.barcode }),
      await call('PUT', `/admin/goods/${tea.goods.id}`, { sku: 'milk-1' }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([409, 409, 409, 409]);
    expect(refusals.map((r) => r.body)).toMatchObject([
      { code: 'CONFLICT', details: { reason: 'GOODS_TAKEN', field: 'sku', name: 'Tea' } },
      { code: 'CONFLICT', details: { reason: 'GOODS_TAKEN', field: 'barcode', name: 'Milk' } },
      { code: 'CONFLICT', details: { reason: 'GOODS_TAKEN', field: 'barcode', name: 'Milk' } },
      { code: 'CONFLICT', details: { reason: 'GOODS_TAKEN', field: 'sku', name: 'Milk' } },
    ]);
    // An item keeps its own SKU and barcode when it is saved again.
    expect((await call('PUT', `/admin/goods/${tea.goods.id}`, { sku: 'tea-1', priceMinor: 950 })).status).toBe(200);
    const after = await counts(database);
    expect(after.goods).toBe(before.goods);
    expect(after.changes - before.changes).toBe(1);
  });

  it('refuses an unknown category, bad fields and an unknown item, writing nothing', async () => {
    const before = await counts(database);
    const unknown = await call('POST', '/admin/goods', { sku: 'SHOE', name: 'Shoe', category: 'shoes', priceMinor: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION', details: { reason: 'UNKNOWN_CATEGORY' } });
    const bad = [
      { sku: '', name: 'x', priceMinor: 1 },
      { sku: 'A B', name: 'x', priceMinor: 1 },
      { sku: 'OK', name: '', priceMinor: 1 },
      { sku: 'OK', name: 'x', priceMinor: -1 },
      { sku: 'OK', name: 'x', priceMinor: 1.5 },
      { sku: 'OK', name: 'x', priceMinor: 1, barcode: '6901234567893' },
      { sku: 'OK', name: 'x', priceMinor: 1, extra: true },
      { sku: 'OK', name: 'x\u0000', priceMinor: 1 },
    ];
    for (const body of bad) {
      const answer = await call('POST', '/admin/goods', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body).toMatchObject({ code: 'VALIDATION' });
    }
    expect((await call('PUT', `/admin/goods/${uuidFrom(4242)}`, { priceMinor: 5 })).status).toBe(404);
    expect((await call('PUT', '/admin/goods/not-a-uuid', { priceMinor: 5 })).status).toBe(404);
    expect(await counts(database)).toEqual(before);
  });

  it('property: any body is stored only when the till’s schema takes it; else a typed 4xx and no write', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 50 }),
      fc.constantFrom('', ' ', 'LAT-01', 'x'.repeat(81), '\u0000', '\uD800', 'Drinks', 'shoes', '6901234567892'),
    );
    const body = fc.record(
      {
        sku: fc.oneof(text, fc.integer()),
        barcode: fc.oneof(fc.constant(null), text, fc.constantFrom('96385074', '4006381333931', '12345670')),
        name: fc.oneof(text, fc.constant(null)),
        category: fc.oneof(text, fc.constantFrom('', 'bakery', '饮品')),
        priceMinor: fc.oneof(fc.integer({ min: -10, max: 2_000_000_000_000 }), fc.double(), fc.constant('12')),
        active: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, async (sent) => {
        const before = await counts(database);
        const answer = await call('POST', '/admin/goods', sent);
        const after = await counts(database);
        expect(answer.status, JSON.stringify(sent)).toBeLessThan(500);
        if (answer.status === 201) {
          expect(GoodsFields.safeParse(sent).success).toBe(true);
          expect(after.goods).toBe(before.goods + 1);
        } else {
          expect([400, 409]).toContain(answer.status);
          expect(answer.body).toMatchObject({ code: expect.stringMatching(/^(VALIDATION|CONFLICT)$/) });
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 80, seed: 15 },
    );
  });
});
