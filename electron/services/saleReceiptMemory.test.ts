import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput, MemberView } from '../../shared/contract';
import {
  assertLedgerConsistent,
  assertOutboxGapFree,
  openTestCore,
  tableCounts,
  unwrap,
  type TestCore,
} from './services.testkit';

let c: TestCore;
let member: MemberView;
beforeEach(async () => {
  c = openTestCore();
  unwrap(await c.api.setupDemoShop({}));
  member = unwrap(await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: '王芳', phone: '13011112298' }));
});
afterEach(() => {
  assertLedgerConsistent(c.db);
  assertOutboxGapFree(c.db);
  c.dispose();
});

const tea = { sku: 'TEA-250', name: '乌龙茶 250g', category: 'drink', quantity: 2, unitPriceMinor: 4_850 };
const basket = [tea, { sku: 'BRD-1', name: 'Bread', category: 'bakery', quantity: 1, unitPriceMinor: 1_250 }];
const keptText = (requestId: string): string =>
  c.db.$client.prepare('SELECT result_json FROM requests WHERE request_id = ?').pluck().get(requestId) as string;

describe('the receipt a repeated sale gets back', () => {
  it('is the first receipt exactly, key for key, for member, spending and anonymous sales', async () => {
    const inputs: ChannelInput<'recordSale'>[] = [
      { requestId: c.ctx.ids.uuid(), memberId: member.id, lines: basket },
      // Enough to cross a tier threshold (a large sale, confirmed for its total), then a sale that spends points.
      {
        requestId: c.ctx.ids.uuid(),
        memberId: member.id,
        lines: [{ ...tea, quantity: 400 }],
        confirmedTotalMinor: 400 * tea.unitPriceMinor,
      },
      { requestId: c.ctx.ids.uuid(), memberId: member.id, lines: basket, pointsToSpend: 300 },
      { requestId: c.ctx.ids.uuid(), memberId: null, lines: basket },
    ];
    for (const input of inputs) {
      const first = unwrap(await c.api.recordSale(input));
      c.clock.advance(60_000);
      // The member's name changes between the sale and the repeat: the receipt shows the first one.
      unwrap(await c.api.updateMember({ memberId: member.id, name: `王芳 ${c.clock.now()}` }));
      const counts = tableCounts(c.db);
      const again = unwrap(await c.api.recordSale(input));
      expect(again).toStrictEqual(first);
      expect(JSON.stringify(again)).toBe(JSON.stringify(first));
      expect(tableCounts(c.db)).toEqual(counts);
    }
  });

  it('keeps only what the sale rows do not hold', async () => {
    const input = { requestId: c.ctx.ids.uuid(), memberId: member.id, lines: basket };
    const first = unwrap(await c.api.recordSale(input));
    const kept: unknown = JSON.parse(keptText(input.requestId));
    expect(Object.keys(kept ?? {})).toEqual([
      'saleId',
      'maxPointsSpendable',
      'balanceBefore',
      'balanceAfter',
      'tierAfter',
      'nextTier',
      'pointsToNextTier',
      'tierUpgrade',
      'birthdayBonus',
      'memberName',
      'shopName',
      'terminalName',
      'expiringSoon',
      'campaignBonuses',
    ]);
    expect(keptText(input.requestId).length).toBeLessThan(JSON.stringify(first).length / 2);
  });

  it('recalls a request remembered with its whole receipt (before the upgrade) as it was kept', async () => {
    const input = { requestId: c.ctx.ids.uuid(), memberId: member.id, lines: basket };
    const first = unwrap(await c.api.recordSale(input));
    const legacy = { ...first, memberName: 'kept then' };
    c.db.$client
      .prepare('UPDATE requests SET result_json = ? WHERE request_id = ?')
      .run(JSON.stringify(legacy), input.requestId);
    expect(unwrap(await c.api.recordSale(input))).toStrictEqual(legacy);
  });
});
