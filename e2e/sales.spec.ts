import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { findMember } from './cards';
import { keyAmount, scanCard, scanField, shot, useTill, valueOf } from './till';

const till = useTill({ demo: true });
const fmt = (n: number) => new Intl.NumberFormat('zh-CN').format(n);

test.beforeEach(async ({ page }) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
});

test('an amount sale for a member shows the points and why, then the receipt and new balance', async ({ page }) => {
  const emily = await findMember(till(), 'Emily');
  const expected = await till().api.previewSale({
    memberId: emily.id,
    lines: [{ sku: 'AMOUNT', name: '', category: 'general', quantity: 1, unitPriceMinor: 12850 }],
    pointsToSpend: 0,
  });
  await scanCard(page, emily.cardNumber);
  await expect(page.getByTestId('member-panel')).toContainText('Emily Chen');
  await keyAmount(page, '128.50');
  await expect(page.getByTestId('total')).toHaveText('¥128.50');
  await expect(page.getByTestId('earn-points')).toHaveText(`+${fmt(valueOf(expected).pointsEarned)}`);
  const explanation = page.getByTestId('explanation');
  await expect(explanation).toContainText('可积分金额 ¥128.50');
  await expect(explanation).toContainText('第 2 次到店：+5 分');
  await expect(page.getByRole('button', { name: /确认收款/ })).toContainText('F12');
  await shot(page, 'till-member');
  // The README's screenshot is refreshed on request only, so a test run never dirties the tree.
  if (process.env.TILLCARD_UPDATE_SCREENSHOT === '1') {
    const repo = resolve(import.meta.dirname, '..');
    mkdirSync(join(repo, 'build', 'screenshots'), { recursive: true });
    copyFileSync(join(repo, 'e2e-artifacts', 'till-member.png'), join(repo, 'build', 'screenshots', 'till.png'));
    expect(statSync(join(repo, 'build', 'screenshots', 'till.png')).size).toBeLessThan(300 * 1024);
  }

  await page.keyboard.press('Enter'); // empty scan field + Enter = confirm
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toBeVisible();
  await expect(page.getByTestId('receipt-earned')).toHaveText(`+${fmt(valueOf(expected).pointsEarned)}`);
  await expect(page.getByTestId('receipt-balance')).toHaveText(fmt(emily.balance + valueOf(expected).pointsEarned));
  await expect(page.getByTestId('member-balance')).toHaveText(fmt(emily.balance + valueOf(expected).pointsEarned));
  await shot(page, 'receipt');
  await page.keyboard.press('Enter'); // next customer
  await expect(receipt).toHaveCount(0);
  await expect(page.getByTestId('member-panel')).toHaveCount(0);
});

test('item lines: totals, double points on bakery, nothing on tobacco', async ({ page }) => {
  const li = await findMember(till(), '李伟');
  await scanCard(page, li.cardNumber);
  await page.keyboard.press('F6');
  await expect(page.locator('#line-sku-0')).toBeFocused();
  await page.keyboard.type('CROISSANT');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Butter croissant');
  await page.keyboard.press('Tab');
  await page.keyboard.type('bakery');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Tab');
  await page.keyboard.type('15');
  await page.keyboard.press('Enter'); // next line
  await expect(page.locator('#line-sku-1')).toBeFocused();
  await page.keyboard.type('CIG-20');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('tobacco');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('25');
  await expect(page.getByTestId('total')).toHaveText('¥55.00');
  const explanation = page.getByTestId('explanation');
  await expect(explanation).toContainText('第 1 行：类别加倍 ×2');
  await expect(explanation).toContainText('第 2 行：不积分（类别除外）');
  await page.keyboard.press('F12');
  await expect(page.getByTestId('receipt')).toContainText('Butter croissant');
  await expect(page.getByTestId('receipt-total')).toHaveText('¥55.00');
});

test('a card scanned while the amount field has the focus still finds the member', async ({ page }) => {
  const li = await findMember(till(), '李伟');
  await page.keyboard.press('F4');
  await page.keyboard.type('12');
  await page.keyboard.type(li.cardNumber, { delay: 2 }); // the scanner burst lands in the amount field
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-panel')).toContainText('李伟');
  await expect(page.locator('#amount-input')).toHaveValue('12');
  await expect(page.getByTestId('total')).toHaveText('¥12.00');
});

test('an anonymous sale is recorded and earns nothing', async ({ page }) => {
  await keyAmount(page, '20');
  await expect(page.locator('.earn')).toContainText('非会员消费 — 不积分');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt')).toContainText('非会员消费');
});

test('a negative or absurd amount cannot be confirmed', async ({ page }) => {
  const confirm = page.getByRole('button', { name: /确认收款/ });
  await page.keyboard.press('F4');
  await page.keyboard.type('-5');
  await expect(page.getByRole('alert')).toContainText('请输入 ¥0.01 至');
  await expect(confirm).toBeDisabled();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2000000');
  await expect(page.getByRole('alert')).toContainText('请输入 ¥0.01 至');
  await expect(confirm).toBeDisabled();
  await page.keyboard.press('F12');
  await expect(page.getByTestId('receipt')).toHaveCount(0);
});

test('points as a discount: a partial amount the cashier chooses, never above the maximum', async ({ page }) => {
  const wang = await findMember(till(), '王芳');
  await scanCard(page, wang.cardNumber);
  const quote = await till().api.previewSale({
    memberId: wang.id,
    lines: [{ sku: 'AMOUNT', name: '', category: 'general', quantity: 1, unitPriceMinor: 10000 }],
    pointsToSpend: 0,
  });
  const max = valueOf(quote).maxPointsSpendable;
  expect(max).toBeLessThanOrEqual(5000); // at most half of ¥100 at 100 pts = ¥1
  await keyAmount(page, '100');
  await page.keyboard.press('F7');
  await page.keyboard.type(String(max + 1));
  // The maximum is the sale's cap or the member's balance, whichever is lower; the message names which.
  const limitText = max < wang.balance ? `本单最多可使用 ${fmt(max)} 积分。` : `该会员最多可使用 ${fmt(max)} 积分。`;
  await expect(page.getByRole('alert')).toHaveText(limitText);
  await expect(page.getByRole('button', { name: /确认收款/ })).toBeDisabled();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1000');
  await expect(page.getByTestId('total')).toHaveText('¥90.00');
  const earned = Number((await page.getByTestId('earn-points').textContent())?.replace(/[^\d]/g, ''));
  await page.keyboard.press('Enter'); // back to the scan field
  await page.keyboard.press('Enter'); // confirm
  await expect(page.getByTestId('receipt')).toContainText('−1,000');
  await expect(page.getByTestId('receipt-balance')).toHaveText(fmt(wang.balance - 1000 + earned));
});

test('a double press of confirm records one sale', async ({ page }) => {
  const liu = await findMember(till(), '刘洋');
  const before = await till().api.memberSales({ memberId: liu.id });
  const statusBefore = await till().api.getStatus({});
  await scanCard(page, liu.cardNumber);
  await keyAmount(page, '45');
  await expect(page.getByTestId('earn-points')).toBeVisible();
  await page.keyboard.press('F12');
  await page.keyboard.press('F12');
  await expect(page.getByTestId('receipt')).toBeVisible();
  // And a double click on the button, for the next sale.
  await page.keyboard.press('Enter'); // next customer
  await scanCard(page, liu.cardNumber);
  await keyAmount(page, '46');
  await expect(page.getByTestId('earn-points')).toBeVisible();
  await page.getByRole('button', { name: /确认收款/ }).dblclick();
  await expect(page.getByTestId('receipt')).toBeVisible();
  const after = await till().api.memberSales({ memberId: liu.id });
  const statusAfter = await till().api.getStatus({});
  expect(valueOf(after).total).toBe(valueOf(before).total + 2);
  expect(valueOf(statusAfter).outboxPending - valueOf(statusBefore).outboxPending).toBe(2);
  await expect(page.getByTestId('outbox-pending')).toHaveAttribute(
    'data-count',
    String(valueOf(statusAfter).outboxPending),
  );
});

test('switching the language mid-sale keeps the member and the sale', async ({ page }) => {
  const wang = await findMember(till(), '王芳');
  await scanCard(page, wang.cardNumber);
  await keyAmount(page, '88');
  await expect(page.getByTestId('explanation')).toContainText('到店');
  await page.keyboard.press('Alt+L');
  await expect(page.getByText('Points to earn')).toBeVisible();
  await expect(page.getByTestId('explanation')).toContainText('Visit no.');
  await expect(page.locator('#amount-input')).toHaveValue('88');
  await expect(page.getByTestId('member-panel')).toContainText('王芳');
  await expect(page.getByTestId('total')).toHaveText(/¥88\.00$/); // CN¥ in English
  await page.getByTestId('language-switch').click();
  await expect(page.getByText('本单可得积分')).toBeVisible();
  await expect(page.locator('#amount-input')).toHaveValue('88');
  await expect(scanField(page)).toBeFocused();
});

test('history lists the member’s sales and points movements, paged', async ({ page }) => {
  const wang = await findMember(till(), '王芳');
  // Make sure there is more than one page of sales (the demo has ten).
  for (const amount of [1000, 2000]) {
    const r = await till().api.recordSale({
      requestId: crypto.randomUUID(),
      memberId: wang.id,
      pointsToSpend: 0,
      lines: [{ sku: 'LATTE', name: 'Latte', category: 'drink', quantity: 1, unitPriceMinor: amount }],
    });
    expect(r.ok).toBe(true);
  }
  const sales = await till().api.memberSales({ memberId: wang.id });
  const pages = Math.ceil(valueOf(sales).total / 10);
  await scanCard(page, wang.cardNumber);
  // F9 needs the member on screen: wait for the lookup, as a cashier does, before pressing it.
  await expect(page.getByTestId('member-panel')).toContainText('王芳');
  await page.keyboard.press('F9');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('history-sales').locator('tbody tr')).toHaveCount(10);
  await expect(dialog).toContainText(`第 1 / ${pages} 页`);
  await shot(page, 'history');
  await page.keyboard.press('PageDown');
  await expect(dialog).toContainText(`第 2 / ${pages} 页`);
  await dialog.getByRole('tab', { name: '积分明细' }).click();
  await expect(dialog.getByTestId('history-ledger')).toContainText('礼品兑换');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(scanField(page)).toBeFocused();
});
