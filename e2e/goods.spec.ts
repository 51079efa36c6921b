// Issue 15 at the till: item mode picks from the shop's goods by a scanned product barcode (never
// taken for a member card), a manager adds a product on the Programme screen's Goods tab and scans
// it onto a sale, an unknown barcode says so, and a manager adjusts a member's points with a reason.
// Both languages.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Locale } from '../shared/contract/primitives';
import { findMember } from './cards';
import { ARTIFACTS, managerMenuButton, managerTool, scanCard, scanField, useTill, valueOf } from './till';

const till = useTill({ demo: true });
const LATTE = { sku: 'LAT-01', barcode: '6901234567892', name: 'Latte 拿铁', category: 'drink', priceMinor: 2_800 };

// One new product per language, each with its own SKU and EAN-13 (check digit included).
const CAKE = {
  'zh-CN': { sku: 'CAKE-ZH', barcode: '6901234567809', name: '芝士蛋糕', price: '18.50', total: '¥18.50' },
  en: { sku: 'CAKE-EN', barcode: '6901234567816', name: 'Cheesecake', price: '21', total: '¥21.00' },
} as const;
/** A valid EAN-13 no goods carry and no member's phone ends with. */
const UNKNOWN_BARCODE = '4006381333900';
const NO_PRODUCT = { 'zh-CN': '没有条码为', en: 'No product with barcode' };

test.beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
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
    await page.screenshot({ path: `${ARTIFACTS}/goods-scan-${locale}.png` });
  });

  test(`a manager adds a product on the Goods tab and scanning its barcode puts it on the sale (${locale})`, async ({
    page,
  }) => {
    const cake = CAKE[locale];
    await open(page, locale);
    await managerMenuButton(page).click();
    await managerTool(page, 'programme').click();
    await page.getByTestId('programme-tab-goods').click();
    await expect(page.getByTestId('programme-goods')).toBeVisible();
    await page.getByTestId('goods-new').click();
    await page.getByTestId('goods-sku').fill(cake.sku);
    await page.getByTestId('goods-barcode').fill(cake.barcode);
    await page.getByTestId('goods-name').fill(cake.name);
    await page.getByTestId('goods-category').selectOption('bakery');
    await page.getByTestId('goods-price').fill(cake.price);
    await page.screenshot({ path: `${ARTIFACTS}/goods-tab-form-${locale}.png` });
    await page.getByTestId('goods-price').press('Enter');
    await expect(page.getByTestId('programme-saved')).toBeVisible();
    const row = page.locator(`[data-testid="goods-row"][data-sku="${cake.sku}"]`);
    await expect(row).toContainText(cake.name);
    await expect(row).toContainText(locale === 'en' ? 'Bakery' : '烘焙');
    // The list finds it by the start of its name, its SKU or its barcode.
    await page.getByTestId('goods-find').fill(cake.barcode);
    await expect(page.getByTestId('goods-row')).toHaveCount(1);
    await expect(row).toBeVisible();
    await page.screenshot({ path: `${ARTIFACTS}/goods-tab-${locale}.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('programme-screen')).toHaveCount(0);

    const member = await findMember(till(), '张敏');
    await scanCard(page, member.cardNumber);
    await expect(page.getByTestId('member-panel')).toBeVisible();
    await scanCard(page, cake.barcode);
    await expect(page.locator('#line-sku-0')).toHaveValue(cake.sku);
    await expect(page.getByTestId('total')).toHaveText(cake.total);
    await page.screenshot({ path: `${ARTIFACTS}/goods-scanned-${locale}.png` });
  });

  test(`a product barcode no goods carry says so, and still searches members (${locale})`, async ({ page }) => {
    await open(page, locale);
    await scanCard(page, UNKNOWN_BARCODE);
    await expect(page.getByTestId('scan-no-product')).toContainText(NO_PRODUCT[locale]);
    await expect(page.getByTestId('scan-no-product')).toContainText(UNKNOWN_BARCODE);
    await expect(page.locator('.results--empty')).toContainText(locale === 'en' ? 'No member matches' : '没有与');
    await page.screenshot({ path: `${ARTIFACTS}/goods-unknown-${locale}.png` });
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
    await page.screenshot({ path: `${ARTIFACTS}/goods-adjust-form-${locale}.png` });
    await page.getByTestId('adjust-note').press('Enter');
    await expect(page.getByTestId('adjust-done')).toBeVisible();
    const after = valueOf(await till().api.getBalance({ memberId: member.id })).balance;
    expect(after).toBe(before + 150);
    await expect(page.getByTestId('member-balance')).toHaveText(after.toLocaleString('en-US'));
    await page.screenshot({ path: `${ARTIFACTS}/goods-adjust-done-${locale}.png` });
  });
}
