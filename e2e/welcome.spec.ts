import { expect, test } from '@playwright/test';
import { openManagerTool, shot, useTill, valueOf, refusalOf } from './till';

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

test('a manager leaves the demo: a warning, a typed word, no demo record left, "Set up my shop"', async ({ page }) => {
  const setup = await till().api.setupDemoShop({});
  expect(setup.ok || setup.error?.code === 'ALREADY_CONFIGURED').toBe(true);
  await page.goto(till().url);
  await expect(page.getByTestId('shop-name')).toHaveText('演示门店 Demo Shop');
  // A demo member on screen, and demo records waiting for a head office.
  await page.locator('#scan-input').fill('13912345678');
  await page.keyboard.press('Enter');
  await expect(page.getByText('王芳').first()).toBeVisible();
  const before = await till().api.getStatus({});
  expect(valueOf(before).outboxPending).toBeGreaterThan(0);

  await openManagerTool(page, 'leaveDemo');
  const dialog = page.getByRole('dialog', { name: '退出演示，设置我的门店' });
  await expect(dialog.getByRole('alert')).toContainText('全部演示会员、消费、礼品和记录都将被删除');
  const confirm = dialog.getByRole('button', { name: '删除演示数据' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('请输入“删除”以确认').fill('删');
  await expect(confirm).toBeDisabled();
  // F12 (confirm sale) does nothing while the dialog is open; Esc would cancel.
  await page.keyboard.press('F12');
  await dialog.getByLabel('请输入“删除”以确认').fill('删除');
  await confirm.click();

  // Straight to "Set up my shop", with nothing of the demo left.
  await expect(page.getByLabel('门店名称')).toBeVisible();
  const after = await till().api.getStatus({});
  expect(valueOf(after)).toMatchObject({ configured: false, demo: false, outboxPending: 0 });
  expect(valueOf(after).terminalId).not.toBe(valueOf(before).terminalId);
  await page.getByLabel('门店名称').fill('河畔面包房');
  await page.getByLabel('门店编号（总部提供）').fill('shop-018');
  await page.getByLabel('收银台名称').fill('前台');
  await page.getByLabel('收银台编号（5 位数字）').fill('31018');
  await page.getByLabel('店长姓名').fill('李店长');
  await page.getByLabel('店长密码（4–8 位数字）').fill('8642');
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByTestId('signed-in')).toContainText('李店长');
  await expect(page.getByTestId('shop-name')).toHaveText('河畔面包房');
  await expect(page.getByText('王芳')).toHaveCount(0);
  await page.getByTestId('manager-menu-open').click();
  await expect(page.getByTestId('manager-tool-leaveDemo')).toHaveCount(0);
  await page.keyboard.press('Escape');
  const found = await till().api.searchMembers({ query: '13912345678' });
  expect(valueOf(found).members).toEqual([]);
  // A real shop cannot be wiped through the same call.
  const refused = await till().api.leaveDemoShop({ deleteAllDemoData: true });
  expect(refusalOf(refused)?.code).toBe('NOT_DEMO');
});
