import { expect, test } from '@playwright/test';
import { findMember } from './cards';
import { scanCard, scanField, shot, useTill, valueOf } from './till';

const till = useTill({ demo: true });
const fmt = (n: number) => new Intl.NumberFormat('zh-CN').format(n);

test.beforeEach(async ({ page }) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
});

test('redeeming a reward spends its points and lowers its stock', async ({ page }) => {
  const wang = await findMember(till(), '王芳');
  await scanCard(page, wang.cardNumber);
  await page.keyboard.press('F8');
  const dialog = page.getByRole('dialog');
  const coffee = dialog.getByTestId('reward-COFFEE');
  const catalogue = await till().api.listRewards({});
  const stock = valueOf(catalogue).find((r) => r.code === 'COFFEE')?.stock ?? 0;
  await expect(coffee).toContainText(`库存 ${stock}`);
  await shot(page, 'rewards');
  await coffee.getByRole('button', { name: '兑换' }).click();
  await expect(dialog.getByRole('status')).toContainText(`使用 300 分。当前积分 ${fmt(wang.balance - 300)} 分`);
  await expect(coffee).toContainText(`库存 ${stock - 1}`);
  await expect(dialog.getByTestId('rewards-balance')).toContainText(fmt(wang.balance - 300));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('member-balance')).toHaveText(fmt(wang.balance - 300));
  await expect(scanField(page)).toBeFocused();
});

test('out-of-stock and inactive rewards cannot be chosen', async ({ page }) => {
  const wang = await findMember(till(), '王芳');
  await scanCard(page, wang.cardNumber);
  await page.keyboard.press('F8');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('reward-UMBRELLA')).toContainText('已兑完');
  await expect(dialog.getByTestId('reward-UMBRELLA').getByRole('button', { name: '兑换' })).toBeDisabled();
  await expect(dialog.getByTestId('reward-MOONCAKE')).toContainText('已下架');
  await expect(dialog.getByTestId('reward-MOONCAKE').getByRole('button', { name: '兑换' })).toBeDisabled();
});

test('more than the balance, or more than the stock, is refused and nothing is spent', async ({ page }) => {
  const emily = await findMember(till(), 'Emily');
  await scanCard(page, emily.cardNumber);
  await page.keyboard.press('F8');
  let dialog = page.getByRole('dialog');
  await dialog.getByTestId('reward-TOTE').getByRole('button', { name: '兑换' }).click();
  await expect(dialog.getByRole('alert')).toContainText('积分不足。');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('member-balance')).toHaveText(fmt(emily.balance));

  const wang = await findMember(till(), '王芳');
  await scanCard(page, wang.cardNumber);
  await page.keyboard.press('F8');
  dialog = page.getByRole('dialog');
  const thermos = dialog.getByTestId('reward-THERMOS');
  await thermos.getByRole('textbox').fill('7');
  await thermos.getByRole('button', { name: '兑换' }).click();
  await expect(dialog.getByRole('alert')).toContainText('该礼品库存不足：本店剩余 6 件。');
  await expect(thermos).toContainText('库存 6');
});

test('without a member the catalogue says to scan a card first', async ({ page }) => {
  await page.keyboard.press('F8');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('请先扫描会员卡再兑换。');
  await expect(dialog.getByTestId('reward-COFFEE').getByRole('button', { name: '兑换' })).toBeDisabled();
});
