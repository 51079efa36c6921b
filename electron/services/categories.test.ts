// Issue 12, defect 10: `Tobacco` earned points while the excluded `tobacco` did not. A line's
// category is resolved against the shop's list without case (by code or either name), once, where
// the sale enters the core; a category the shop does not have is refused and nothing is written.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { MemberView } from '../../shared/contract';
import { saleLines } from '../../db/schema';
import {
  checkAndDispose,
  errorOf,
  openTestCore,
  openTestShop,
  registerTestMember,
  tableCounts,
  unwrap,
  type TestCore,
} from './services.testkit';

let c: TestCore;
afterEach(() => checkAndDispose(c));

async function demoMember(): Promise<MemberView> {
  c = await openTestShop('demo');
  return registerTestMember(c, { name: 'Case Tester', phone: '13600136000' });
}

const sale = (memberId: string, category: string, unitPriceMinor = 2_500) => ({
  requestId: c.ctx.ids.uuid(),
  memberId,
  lines: [{ sku: 'CIG-20', name: 'Cigarettes', category, quantity: 1, unitPriceMinor }],
});

describe('sale line categories', () => {
  it('treats every spelling of an excluded category as excluded, and stores the shop’s code', async () => {
    const m = await demoMember();
    for (const typed of ['tobacco', 'Tobacco', ' TOBACCO ', '烟草']) {
      const receipt = unwrap(await c.api.recordSale(sale(m.id, typed, 25_000)));
      expect(receipt.pointsEarned, typed).toBe(5); // the visit bonus only: ¥250 of tobacco earns nothing
      expect(receipt.lines[0]?.category).toBe('tobacco');
      const stored = c.db.select().from(saleLines).where(eq(saleLines.saleId, receipt.saleId)).get();
      expect(stored?.category).toBe('tobacco');
    }
    // Double points on bakery, however it is typed.
    expect(
      unwrap(
        await c.api.previewSale({
          memberId: m.id,
          lines: [{ sku: 'B', category: 'BAKERY', quantity: 1, unitPriceMinor: 1_000 }],
        }),
      ).pointsEarned,
    ).toBe(20);
    expect(
      unwrap(
        await c.api.previewSale({
          memberId: m.id,
          lines: [{ sku: 'B', category: 'Bakery', quantity: 1, unitPriceMinor: 3_000 }],
        }),
      ).pointsEarned,
    ).toBe(65);
  });

  it('refuses a category the shop does not have, naming the line, and writes nothing', async () => {
    const m = await demoMember();
    const before = tableCounts(c.db);
    const refused = await c.api.recordSale({
      requestId: c.ctx.ids.uuid(),
      memberId: m.id,
      lines: [
        { sku: 'A', category: 'drink', quantity: 1, unitPriceMinor: 100 },
        { sku: 'CIG-20', category: 'tobaco', quantity: 1, unitPriceMinor: 2_500 },
      ],
    });
    expect(errorOf(refused)).toEqual({
      code: 'UNKNOWN_CATEGORY',
      details: { field: 'lines.1.category', line: 2, category: 'tobaco' },
    });
    expect(tableCounts(c.db)).toEqual(before);
  });

  it('files a line keyed without a category under the shop’s default', async () => {
    const m = await demoMember();
    const receipt = unwrap(await c.api.recordSale(sale(m.id, '')));
    expect(receipt.lines[0]?.category).toBe('general');
    const listed = unwrap(await c.api.listCategories({}));
    expect(listed.defaultCode).toBe('general');
    expect(listed.categories.find((k) => k.code === 'tobacco')?.names).toEqual({ 'zh-CN': '烟草', en: 'Tobacco' });
  });

  it('without a list yet, still never splits a category by case', async () => {
    c = openTestCore();
    unwrap(
      await c.api.configureShop({ shopId: 's1', shopName: 'Shop One', terminalName: 'Till 1', terminalCode: '31001' }),
    );
    const m = unwrap(
      await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'No List', phone: '13600136001' }),
    );
    expect(unwrap(await c.api.recordSale(sale(m.id, ' Fresh Fruit '))).lines[0]?.category).toBe('fresh fruit');
    expect(unwrap(await c.api.recordSale(sale(m.id, ''))).lines[0]?.category).toBe('general');
    expect(unwrap(await c.api.listCategories({}))).toEqual({ categories: [], defaultCode: null });
  });
});
