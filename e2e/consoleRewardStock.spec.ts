import { expect, test } from '@playwright/test';
import { memberRecord, pushRecord, uuidFrom } from '../server/testing/records';
import { enrolledTerminal, openArea, signInPage, useHeadOffice } from './headOffice';
import { shot } from './till';

// Issue 16: a reward's stock per shop in the console's Rewards tab. Head office sets shop 1's count;
// the redemptions its till sends count against it, and one past it (a late offline redemption) is
// accepted and shown to the manager as oversold.

const headOffice = useHeadOffice('ho-reward-stock');
const TERMINAL = uuidFrom(1, 0xa);
const MEMBER = uuidFrom(7);
const MUG = uuidFrom(16);
const AT = Date.UTC(2025, 5, 1, 2);

test('sets a shop’s stock of a reward and shows what its tills redeemed, oversold included', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  const ho = headOffice();
  const till = await enrolledTerminal(ho, { shopId: 'shop-1', shopName: 'Shop 1', terminalCode: '90001' }, TERMINAL);
  const push = async (records: ReturnType<typeof pushRecord>[]) => {
    expect(await till.push(records)).toBe(200);
    await ho.admin.call('derive');
  };
  await push([memberRecord(1, MEMBER, 7, AT)]);
  await ho.admin.call('upsertReward', {
    params: { id: MUG },
    body: {
      code: 'MUG',
      name: 'Mug',
      category: 'gift',
      pointsCost: 500,
      cashValueMinor: 2_000,
      stock: 10,
      active: true,
    },
  });

  await signInPage(page, ho);
  await openArea(page, 'programme');
  await page.getByTestId('programme').locator('button[data-tab="rewards"]').click();
  const panel = page.getByTestId('shop-stock');
  const shop = panel.locator('tr[data-shop="shop-1"]');
  await expect(shop.getByTestId('shop-stock-left')).toHaveText('10');
  // A mistyped count is refused on the page by the route's schema: never sent as null (unlimited).
  await shop.getByRole('textbox').fill('abc');
  await shop.getByRole('button', { name: '保存' }).click();
  await expect(panel.getByRole('alert')).toHaveText('需要整数');
  await shop.getByRole('textbox').fill('99999999999999');
  await shop.getByRole('button', { name: '保存' }).click();
  await expect(panel.getByRole('alert')).toHaveText('最多 1000000000');
  await expect(shop.getByTestId('shop-stock-left')).toHaveText('10');
  await shop.getByRole('textbox').fill('2');
  await shop.getByRole('button', { name: '保存' }).click();
  await expect(panel.getByRole('status')).toHaveText('已保存：各收银台下次同步时生效。');
  await expect(shop.getByTestId('shop-stock-left')).toHaveText('2');

  // Three units arrive after the count was set, one of them late from an offline till: accepted, and flagged.
  const after = Date.now() + 1_000;
  const redemption = (seq: number, n: number) =>
    pushRecord(seq, uuidFrom(300 + n), 'redemption', {
      id: uuidFrom(300 + n),
      memberId: MEMBER,
      rewardId: MUG,
      quantity: 1,
      points: 0,
      businessDay: '2025-06-01',
      createdAt: after + n,
      ledger: [],
    });
  await push([redemption(2, 1), redemption(3, 2), redemption(4, 3)]);
  await page.reload();
  await openArea(page, 'programme');
  await page.getByTestId('programme').locator('button[data-tab="rewards"]').click();
  await expect(shop.getByTestId('shop-stock-left')).toContainText('-1');
  await expect(shop.getByRole('note')).toHaveText('超出库存 1 件（离线兑换迟到）');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(shop.getByRole('note')).toHaveText('1 past the stock (late offline redemptions)');
  await page.screenshot({ path: testInfo.outputPath('console-reward-shop-stock.png'), fullPage: true });
  await shot(page, 'console-reward-shop-stock');
});
