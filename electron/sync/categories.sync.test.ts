// Issue 12, defect 10: the shop's item categories are head office's, sent down to the tills like
// rules and rewards. Through real HTTP: published, pulled, then a sale's `Tobacco` is the excluded
// `tobacco` of the head-office rules.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { unwrap } from '../services/services.testkit';
import { useEnrolledTills } from './enrolledTerminal.testkit';
import { syncOnce } from './job';

const START = Date.UTC(2025, 5, 1, 2, 0, 0);
const CATEGORIES = {
  defaultCode: 'general',
  categories: [
    { code: 'general', names: { 'zh-CN': '普通商品', en: 'General' } },
    { code: 'Tobacco', names: { 'zh-CN': '烟草', en: 'Tobacco' } },
  ],
};

describe.each(testBackends)('head office sends the shop’s categories down, on $name', (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [{ prefix: 3, shopId: 'shopC', code: '90103' }]);

  it('a till pulls the list and resolves a sale’s category against it, without case', async () => {
    const { ho } = fixture();
    const till = fixture().till(0);
    expect((await ho.call('PUT', '/admin/categories', CATEGORIES, ho.adminToken)).status).toBe(200);
    // Head office numbers its first rule version 1000 (server/admin/catalog.ts).
    const rules = {
      version: 1000,
      base: { kind: 'perAmount', ratio: { points: 1, perMinor: 100 } },
      excludedCategories: ['TOBACCO'],
      redemption: { pointsPerUnit: 100, unitValueMinor: 100 },
    };
    expect((await ho.call('POST', '/admin/rules', { rules, effectiveFrom: 0 }, ho.adminToken)).status).toBe(200);
    expect(await syncOnce({ db: till.db, clock, owner: 'c' })).toMatchObject({ status: 'synced' });

    expect(unwrap(await till.api.listCategories({})).categories.map((c) => c.code)).toEqual(['general', 'tobacco']);
    const member = unwrap(
      await till.api.registerMember({ requestId: till.ctx.ids.uuid(), name: 'Pulled', phone: '13700137000' }),
    );
    const sale = (category: string) =>
      till.api.previewSale({
        memberId: member.id,
        lines: [{ sku: 'CIG', category, quantity: 1, unitPriceMinor: 5_000 }],
      });
    expect(unwrap(await sale('Tobacco')).pointsEarned).toBe(0);
    expect(unwrap(await sale('烟草')).pointsEarned).toBe(0);
    expect(unwrap(await sale('')).pointsEarned).toBe(50);
    expect(await sale('snacks')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CATEGORY' } });
  });
});
