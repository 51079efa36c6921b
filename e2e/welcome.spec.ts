import { expect, test } from '@playwright/test';
import { shot, useTill } from './till';

const till = useTill();

test('first start shows the welcome screen; the demo shop opens the till', async ({ page }) => {
  await page.goto(till().url);
  await expect(page.getByRole('heading', { name: '欢迎使用 Tillcard' })).toBeVisible();
  // The token is taken out of the address bar once read.
  await expect(page).not.toHaveURL(/token=/);
  await shot(page, 'welcome');
  await page.getByRole('button', { name: /使用演示门店/ }).click();
  await expect(page.getByTestId('shop-name')).toHaveText('演示门店 Demo Shop');
  await expect(page.locator('#scan-input')).toBeFocused();
  // A reload keeps working: the token lives in sessionStorage for this tab.
  await page.reload();
  await expect(page.getByTestId('shop-name')).toHaveText('演示门店 Demo Shop');
});
