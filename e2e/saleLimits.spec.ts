import { expect, test, type Page } from '@playwright/test';
import { findMember } from './cards';
import {
  keyAmount,
  managerMenuButton,
  managerTool,
  scanCard,
  scanField,
  shot,
  useTill,
  valueOf,
  refusalOf,
} from './till';

// The sale at its limits, as a cashier meets them: a mistyped large amount, F7 with no member,
// points outside what the sale allows, and a sale of nothing through the API.

const till = useTill({ demo: true });
const fmt = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
const amountLine = (minor: number) => [
  { sku: 'AMOUNT', name: '', category: 'general', quantity: 1, unitPriceMinor: minor },
];
const confirmButton = (page: Page) => page.getByRole('button', { name: /确认收款/ });

test.beforeEach(async ({ page }) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
});

const salesOf = async (memberId: string) => valueOf(await till().api.memberSales({ memberId })).total;

test('a mistyped ¥1,000,000.00 is stopped by a second look: the amount in figures and words', async ({ page }) => {
  const liu = await findMember(till(), '刘洋');
  const before = await salesOf(liu.id);
  await scanCard(page, liu.cardNumber);
  await expect(page.getByTestId('member-panel')).toContainText('刘洋');
  await keyAmount(page, '1000000');
  await page.keyboard.press('F12');
  const dialog = page.getByTestId('large-sale-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('large-sale-figures')).toHaveText('¥1,000,000.00');
  await expect(page.getByTestId('large-sale-words')).toHaveText('壹佰万元整');
  await expect(dialog).toContainText('¥10,000.00');
  await shot(page, 'large-sale');
  // Enter lands on "correct the amount", never on "record": a second Enter does not slip it through.
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('#amount-input')).toBeFocused();
  expect(await salesOf(liu.id)).toBe(before);
  await expect(page.getByTestId('receipt')).toHaveCount(0);

  // The cashier corrects it: ¥1,000.00 needs no second look.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1000');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt')).toBeVisible();
  expect(await salesOf(liu.id)).toBe(before + 1);
});

test('a real large sale is recorded after the second confirmation, for exactly the amount shown', async ({ page }) => {
  const li = await findMember(till(), '李伟');
  const before = await salesOf(li.id);
  await scanCard(page, li.cardNumber);
  await expect(page.getByTestId('member-panel')).toContainText('李伟');
  await keyAmount(page, '12000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('large-sale-words')).toHaveText('壹万贰仟元整');
  // F12 while the dialog is open does not record either: the dialog has the keyboard.
  await page.keyboard.press('F12');
  expect(await salesOf(li.id)).toBe(before);
  await page.getByTestId('large-sale-confirm').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(page.getByTestId('receipt')).toContainText('¥12,000.00');
  expect(await salesOf(li.id)).toBe(before + 1);
});

test('the API refuses a large sale unless it carries a confirmation of that total, writing nothing', async () => {
  const liu = await findMember(till(), '刘洋');
  const status = valueOf(await till().api.getStatus({}));
  const before = await salesOf(liu.id);
  const sale = { memberId: liu.id, lines: amountLine(100_000_000), pointsToSpend: 0 };
  const refused = await till().api.recordSale({ ...sale, requestId: crypto.randomUUID() });
  expect(refused.ok).toBe(false);
  expect(refusalOf(refused)).toMatchObject({
    code: 'LARGE_SALE_UNCONFIRMED',
    details: { totalMinor: 100_000_000, limitMinor: 1_000_000 },
  });
  expect(refusalOf(refused)?.message).toContain('大额收款上限');
  const other = { ...sale, confirmedTotalMinor: 1_000_000, requestId: crypto.randomUUID() };
  const wrong = await till().api.recordSale(other);
  expect(refusalOf(wrong)?.code).toBe('LARGE_SALE_UNCONFIRMED');
  expect(await salesOf(liu.id)).toBe(before);
  expect(valueOf(await till().api.getStatus({})).outboxPending).toBe(status.outboxPending);
});

test('the manager changes the limit from the manager menu, and the till asks above the new one', async ({ page }) => {
  await managerMenuButton(page).click();
  const entry = managerTool(page, 'largeSaleLimit');
  await expect(entry).toContainText('¥10,000.00');
  await entry.click();
  const field = page.locator('#large-sale-limit');
  await expect(field).toBeFocused();
  await field.fill('0');
  await expect(page.getByTestId('large-sale-limit-save')).toBeDisabled();
  await field.fill('500');
  await page.getByTestId('large-sale-limit-save').click();
  await expect(page.getByTestId('large-sale-limit-dialog')).toHaveCount(0);
  await managerMenuButton(page).click();
  await expect(entry).toContainText('¥500.00');
  await page.keyboard.press('Escape');
  try {
    await keyAmount(page, '600');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('large-sale-figures')).toHaveText('¥600.00');
    await expect(page.getByTestId('large-sale-words')).toHaveText('陆佰元整');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('large-sale-dialog')).toHaveCount(0);
  } finally {
    expect((await till().api.setLargeSaleLimit({ limitMinor: 1_000_000 })).ok).toBe(true);
  }
});

test('F7 with no member says to add one first, and the points never reach the amount', async ({ page }) => {
  await page.keyboard.press('F4');
  await page.keyboard.type('100');
  await page.keyboard.press('F7');
  await expect(page.getByTestId('points-need-member')).toBeVisible();
  await shot(page, 'points-need-member');
  await expect(page.getByTestId('points-need-member')).toHaveText('请先添加会员：扫描会员卡或按手机号查找，再按 F7。');
  await page.keyboard.type('550');
  await expect(page.locator('#amount-input')).toHaveValue('100');
  await expect(page.getByTestId('total')).toHaveText('¥100.00');
});

test('the points field: one message per wrong figure, confirm disabled, the preview settled', async ({ page }) => {
  const li = await findMember(till(), '李伟');
  expect(li.balance).toBeGreaterThan(300);
  await scanCard(page, li.cardNumber);
  await keyAmount(page, '100');
  const points = page.locator('#points-input');
  const error = page.getByTestId('points-error');
  const earn = page.locator('.earn');
  const cases: [string, string][] = [
    ['99', '每次至少使用 100 积分。'],
    [String(li.balance + 1), `该会员最多可使用 ${fmt(li.balance)} 积分。`],
    ['-5', '积分须为 0 或正整数。'],
    ['1.5', '积分须为 0 或正整数。'],
  ];
  for (const [typed, message] of cases) {
    await page.keyboard.press('F7');
    await expect(points).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typed);
    await expect(error).toHaveText(message);
    await expect(confirmButton(page)).toBeDisabled();
    await expect(earn).toContainText('请先更正使用积分');
    await expect(earn).not.toContainText('计算中');
    // Neither key records the sale at full price.
    await page.keyboard.press('F12');
    await expect(page.getByTestId('receipt')).toHaveCount(0);
  }
  // A good figure: the discount and the total follow at once.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('100');
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('total')).toHaveText('¥99.00');
  await expect(confirmButton(page)).toBeEnabled();
});

test('points above what this sale can take off are refused, not quietly capped', async ({ page }) => {
  const wang = await findMember(till(), '王芳');
  expect(wang.balance).toBeGreaterThan(200);
  await scanCard(page, wang.cardNumber);
  await keyAmount(page, '3'); // at most half of ¥3.00 = ¥1.50 = 150 points
  await page.keyboard.press('F7');
  await page.keyboard.type('200');
  await expect(page.getByTestId('points-error')).toHaveText('本单最多可使用 150 积分。');
  await expect(page.getByTestId('total')).toHaveText('¥3.00');
  await expect(confirmButton(page)).toBeDisabled();
  const api = await till().api.previewSale({ memberId: wang.id, lines: amountLine(300), pointsToSpend: 200 });
  expect(refusalOf(api)).toMatchObject({ code: 'POINTS_ABOVE_SALE_CAP', details: { requested: 200, maxPoints: 150 } });
});

test('a ¥0 sale is no visit: the screen cannot confirm it, the API refuses it', async ({ page }) => {
  const emily = await findMember(till(), 'Emily');
  const visits = async () => valueOf(await till().api.getMember({ memberId: emily.id })).visits;
  const before = await visits();
  const zero = { memberId: emily.id, lines: amountLine(0), pointsToSpend: 0, requestId: crypto.randomUUID() };
  const refused = await till().api.recordSale(zero);
  expect(refusalOf(refused)).toMatchObject({ code: 'EMPTY_SALE', details: { subtotalMinor: 0 } });
  expect(refusalOf(refused)?.message).toBe('本单金额为零，不能作为一笔消费记录。');
  expect(await visits()).toBe(before);
  await scanCard(page, emily.cardNumber);
  await keyAmount(page, '0');
  await expect(confirmButton(page)).toBeDisabled();
  await page.keyboard.press('F12');
  await expect(page.getByTestId('receipt')).toHaveCount(0);
  expect(await visits()).toBe(before);
});
