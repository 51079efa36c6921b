// Issue 15 at the till: item mode picks from the shop's goods by a scanned product barcode (never
// taken for a member card), and a manager adjusts a member's points with a reason. Both languages.
import { expect, test, type Page } from '@playwright/test';
import type { Locale } from '../shared/contract/primitives';
import { findMember } from './cards';
import { scanCard, scanField, useTill, valueOf } from './till';

const till = useTill({ demo: true });
const LATTE = { sku: 'LAT-01', barcode: '6901234567892', name: 'Latte 拿铁', category: 'drink', priceMinor: 2_800 };

test.beforeAll(async () => {
  valueOf(await till().api.addGoods(LATTE));
});

async function open(page: Page, locale: Locale) {
  valueOf(await till().api.setLocale({ locale }));
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`scanning a product barcode adds its line with its price (${locale})`, async ({ page }) => {
    await open(page, locale);
    const member = await findMember(till(), '李伟');
    await scanCard(page, member.cardNumber);
    await expect(page.getByTestId('member-panel')).toBeVisible();
    // The scanner types the product's 13 digits and Enter, like a card's 16.
    await scanCard(page, LATTE.barcode);
    await expect(page.locator('#line-sku-0')).toHaveValue(LATTE.sku);
    await expect(page.getByTestId('total')).toHaveText('¥28.00');
    await scanCard(page, LATTE.barcode);
    await expect(page.locator('#line-sku-1')).toHaveValue(LATTE.sku);
    await expect(page.getByTestId('total')).toHaveText('¥56.00');
    await page.screenshot({ path: `/tmp/shots/goods-scan-${locale}.png` });
  });

  test(`a manager adjusts a member's points with a reason and the balance changes (${locale})`, async ({ page }) => {
    await open(page, locale);
    const member = await findMember(till(), '王芳');
    const before = valueOf(await till().api.getBalance({ memberId: member.id })).balance;
    await scanCard(page, member.cardNumber);
    // The panel is long at 1366 px: the key strip covers its foot, so the keyboard opens the form.
    await page.getByTestId('adjust-open').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('adjust-points').fill('150');
    await page.getByTestId('adjust-reason').selectOption('complaint');
    await page.getByTestId('adjust-note').fill('coffee spilt');
    await page.screenshot({ path: `/tmp/shots/goods-adjust-form-${locale}.png` });
    await page.getByTestId('adjust-note').press('Enter');
    await expect(page.getByTestId('adjust-done')).toBeVisible();
    const after = valueOf(await till().api.getBalance({ memberId: member.id })).balance;
    expect(after).toBe(before + 150);
    await expect(page.getByTestId('member-balance')).toHaveText(after.toLocaleString('en-US'));
    await page.screenshot({ path: `/tmp/shots/goods-adjust-done-${locale}.png` });
  });
}
