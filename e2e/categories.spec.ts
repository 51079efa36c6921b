// Issue 12, defect 10 (and the rewards list of defect 11), as a cashier meets them: item categories
// come from the shop's list and match without case, the explanation's eligible amount counts each
// line once, the name and category columns show their text at 1366 px, and rewards show category names.
import { expect, test, type Page } from '@playwright/test';
import { findMember } from './cards';
import { scanCard, scanField, shot, useTill, valueOf } from './till';

const till = useTill({ demo: true });

test.beforeEach(async ({ page }) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
});

/** Keys one item line from its SKU field, Tab by Tab as a cashier does; Enter on the price adds the next line. */
async function keyLine(
  page: Page,
  line: { sku: string; name: string; category: string; quantity: string; price: string },
) {
  await page.keyboard.type(line.sku);
  await page.keyboard.press('Tab');
  await page.keyboard.type(line.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(line.category);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(line.quantity);
  await page.keyboard.press('Tab');
  await page.keyboard.type(line.price);
}

async function itemsFor(page: Page, name: string) {
  const member = await findMember(till(), name);
  await scanCard(page, member.cardNumber);
  await page.keyboard.press('F6');
  await expect(page.locator('#line-sku-0')).toBeFocused();
}

test('Tobacco typed with a capital earns nothing, like tobacco', async ({ page }) => {
  const li = await findMember(till(), '李伟');
  const lower = await till().api.previewSale({
    memberId: li.id,
    lines: [{ sku: 'CIG-20', name: 'Cigarettes', category: 'tobacco', quantity: 2, unitPriceMinor: 2_500 }],
    pointsToSpend: 0,
  });
  // The visit bonus (from ¥30) at the member's tier; no tobacco points.
  const visitOnly = `+${valueOf(lower).pointsEarned}`;
  await itemsFor(page, '李伟');
  await keyLine(page, { sku: 'CIG-20', name: 'Cigarettes', category: 'Tobacco', quantity: '2', price: '25' });
  await expect(page.getByTestId('total')).toHaveText('¥50.00');
  await expect(page.getByTestId('explanation')).toContainText('第 1 行：不积分（类别除外）');
  await expect(page.getByTestId('earn-points')).toHaveText(visitOnly);
  await page.keyboard.press('F12');
  await expect(page.getByTestId('receipt')).toContainText('Cigarettes');
  await expect(page.getByTestId('receipt-earned')).toHaveText(visitOnly);
});

test('the category field offers the shop’s categories by name, and refuses one the shop does not have', async ({
  page,
}) => {
  await itemsFor(page, '李伟');
  const options = page.locator('datalist#shop-categories option');
  await expect(options).toHaveCount(9);
  await expect(options.nth(2)).toHaveAttribute('value', '烘焙');
  await expect(page.getByLabel('类别 1')).toHaveAttribute('placeholder', '普通商品');
  await keyLine(page, { sku: 'CIG-20', name: 'Cigarettes', category: 'tobaco', quantity: '1', price: '25' });
  await expect(page.locator('.earn')).toContainText('本店没有这个商品类别，请从列表中选择。');
  await page.keyboard.press('F12');
  await expect(page.getByTestId('receipt')).toHaveCount(0);
  await page.getByLabel('类别 1').fill('烟草');
  await expect(page.getByTestId('explanation')).toContainText('第 1 行：不积分（类别除外）');
});

test('the eligible amount of a ¥60.00 sale with a double-points line reads ¥60.00', async ({ page }) => {
  await itemsFor(page, '李伟');
  await keyLine(page, { sku: 'CROISSANT', name: 'Butter croissant', category: 'bakery', quantity: '2', price: '15' });
  await page.keyboard.press('Enter');
  await expect(page.locator('#line-sku-1')).toBeFocused();
  await keyLine(page, { sku: 'LATTE', name: 'Latte', category: 'drink', quantity: '1', price: '30' });
  await expect(page.getByTestId('total')).toHaveText('¥60.00');
  const explanation = page.getByTestId('explanation');
  await expect(explanation).toContainText('可积分金额 ¥60.00，按商品加倍计 ¥90.00');
  await expect(explanation).not.toContainText('可积分金额 ¥90.00');
  await shot(page, 'items-eligible');
});

test('at 1366 × 820 the name and category fields show a typical entry whole, and confirm stays in view', async ({
  page,
}) => {
  expect(page.viewportSize()).toEqual({ width: 1366, height: 820 });
  await itemsFor(page, '李伟');
  await keyLine(page, {
    sku: 'TEA-GIFT',
    name: 'Longjing tea gift box',
    category: '粮油杂货',
    quantity: '1',
    price: '368',
  });
  for (const label of ['名称 1', '类别 1']) {
    const fits = await page.getByLabel(label).evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits, label).toBe(true);
  }
  await expect(page.getByRole('button', { name: /确认收款/ })).toBeInViewport();
  await shot(page, 'items-1366');
});

test('the rewards list names each category in the screen’s language', async ({ page }) => {
  const wang = await findMember(till(), '王芳');
  await scanCard(page, wang.cardNumber);
  await page.keyboard.press('F8');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('reward-TOTE')).toContainText('周边商品');
  await expect(dialog.getByTestId('reward-CROISSANT')).toContainText('烘焙');
  await expect(dialog).not.toContainText('merch');
  await expect(dialog).not.toContainText('bakery');
});
