import { expect, test, type Locator, type Page } from '@playwright/test';
import { uuidFrom } from '../server/testing/records';
import { programmeText, type ProgrammeTextKey } from '../server/web/programme/programmeText';
import type { Lang } from '../server/web/text';
import { enrolledTerminal, openArea, signInPage, useHeadOffice } from './headOffice';
import { shot } from './till';

// Issue 16: the console's Programme › Goods tab. The owner adds an item in Chinese (confirming what is
// published), edits its name and price in English, finds it in the list by its barcode, and a till's
// pull carries the item as added, then as edited.

const headOffice = useHeadOffice('ho-console-goods');
const TERMINAL = uuidFrom(1, 0xa);
const JAM = { sku: 'JAM-HO', barcode: '6901234567823' };

const goodsTab = (page: Page): Locator => page.getByTestId('goods-tab');
const field = (row: Locator, lang: Lang, key: ProgrammeTextKey): Locator =>
  row.getByRole('textbox', { name: programmeText(lang, key), exact: true });

/** Sends the row's button, then publishes what the confirmation lists; the tab says it is saved. */
async function publishRow(page: Page, row: Locator, lang: Lang, button: ProgrammeTextKey): Promise<void> {
  await row.getByRole('button', { name: programmeText(lang, button), exact: true }).click();
  await goodsTab(page)
    .getByTestId('confirm')
    .getByRole('button', { name: programmeText(lang, 'confirm') })
    .click();
  await expect(goodsTab(page).getByRole('status')).toHaveText(programmeText(lang, 'saved'));
}

test('adds a goods item, edits it and finds it in the list; a till pulls it as saved (zh-CN, en)', async ({ page }) => {
  test.setTimeout(90_000);
  const ho = headOffice();
  const till = await enrolledTerminal(ho, { shopId: 'shop-1', shopName: 'Shop 1', terminalCode: '90001' }, TERMINAL);
  await signInPage(page, ho);
  await openArea(page, 'programme');
  await page.getByTestId('programme').locator('button[data-tab="goods"]').click();
  await expect(goodsTab(page).getByText(programmeText('zh-CN', 'noGoods'))).toBeVisible();

  // Added in Chinese, in the blank row at the foot of the list (its category the default).
  const blank = goodsTab(page).locator('tr[data-goods="new"]');
  await field(blank, 'zh-CN', 'sku').fill(JAM.sku);
  await field(blank, 'zh-CN', 'barcode').fill(JAM.barcode);
  await field(blank, 'zh-CN', 'goodsName').fill('果酱');
  await field(blank, 'zh-CN', 'price').fill('16.50');
  await publishRow(page, blank, 'zh-CN', 'addGoods');
  const row = goodsTab(page).locator(`tr[data-goods="${JAM.sku}"]`);
  await expect(field(row, 'zh-CN', 'goodsName')).toHaveValue('果酱');
  await expect(field(row, 'zh-CN', 'price')).toHaveValue('16.50');
  await shot(page, 'console-goods-added-zh-CN');

  // Edited in English: only the name and the price change.
  await page.getByRole('button', { name: 'English' }).click();
  await field(row, 'en', 'goodsName').fill('Jam');
  await field(row, 'en', 'price').fill('18.00');
  await publishRow(page, row, 'en', 'save');
  await expect(field(row, 'en', 'goodsName')).toHaveValue('Jam');
  await expect(field(row, 'en', 'price')).toHaveValue('18.00');

  // Found in the list by its barcode, and by nothing else.
  await goodsTab(page).locator('input[name="find"]').fill(JAM.barcode);
  await goodsTab(page)
    .getByRole('button', { name: programmeText('en', 'search'), exact: true })
    .click();
  await expect(goodsTab(page).locator('tbody tr[data-goods]:not([data-goods="new"])')).toHaveCount(1);
  await expect(field(row, 'en', 'barcode')).toHaveValue(JAM.barcode);
  await goodsTab(page).locator('input[name="find"]').fill('NO-SUCH-ITEM');
  await goodsTab(page)
    .getByRole('button', { name: programmeText('en', 'search'), exact: true })
    .click();
  await expect(goodsTab(page).getByText(programmeText('en', 'noGoods'))).toBeVisible();
  await goodsTab(page).locator('input[name="find"]').fill(JAM.sku);
  await goodsTab(page)
    .getByRole('button', { name: programmeText('en', 'search'), exact: true })
    .click();
  await expect(row).toBeVisible();
  await shot(page, 'console-goods-edited-en');

  // A till reading its feed from the start gets the item as added, then as edited: it ends as last saved.
  const pulled = (await till.pull()).filter((c) => c.kind === 'goods');
  const item = { kind: 'goods', sku: JAM.sku, barcode: JAM.barcode, category: 'general', active: true };
  expect(pulled).toEqual([
    expect.objectContaining({ ...item, name: '果酱', priceMinor: 1_650 }),
    expect.objectContaining({ ...item, name: 'Jam', priceMinor: 1_800 }),
  ]);
});
