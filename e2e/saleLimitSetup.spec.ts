import { expect, test } from '@playwright/test';
import { managerMenuButton, managerTool, useTill, valueOf } from './till';

// A real shop sets its large-sale limit when it is set up (empty keeps the default of ¥10,000.00).
const till = useTill();

test('the shop set-up takes the large-sale limit; a wrong figure is said before saving', async ({ page }) => {
  await page.goto(till().url);
  await page.getByRole('button', { name: /设置我的门店/ }).click();
  await page.locator('input[name="shopName"]').fill('街角咖啡');
  await page.locator('input[name="shopId"]').fill('shop-corner');
  await page.locator('input[name="terminalName"]').fill('1 号机');
  await page.locator('input[name="terminalCode"]').fill('31007');
  await page.getByLabel('店长姓名').fill('李店长');
  await page.getByLabel('店长密码（4–8 位数字）').fill('8642');
  const limit = page.locator('input[name="largeSaleLimit"]');
  await expect(limit).toHaveAttribute('placeholder', '10000.00');
  await limit.fill('0');
  await expect(page.getByRole('alert')).toContainText('请输入 ¥0.01 至');
  await page.getByRole('button', { name: /开始使用/ }).click();
  expect(valueOf(await till().api.getStatus({})).configured).toBe(false);
  await limit.fill('3000');
  await page.getByRole('button', { name: /开始使用/ }).click();
  await expect(page.getByTestId('shop-name')).toHaveText('街角咖啡');
  await managerMenuButton(page).click();
  await expect(managerTool(page, 'largeSaleLimit')).toContainText('¥3,000.00');
  expect(valueOf(await till().api.getStatus({})).largeSaleLimitMinor).toBe(300_000);
});
