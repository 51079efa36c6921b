import { expect, test } from '@playwright/test';
import { breakCheckDigit, findMember, luhnComplete } from './cards';
import { scanCard, scanField, shot, useTill } from './till';

const till = useTill({ demo: true });

test.beforeEach(async ({ page }) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
});

test('F2 registers a member in one dialog and shows the card with its barcode and QR code', async ({ page }) => {
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('陈小明');
  await dialog.getByLabel('手机号').fill('136 1234 5678');
  await dialog.getByLabel('生日（选填）').fill('1990-05-01');
  await page.keyboard.press('Enter');
  const number = page.getByTestId('card-number');
  await expect(number).toHaveText(/^\d{4} \d{4} \d{4} \d{4}$/);
  await expect(page.getByTestId('card-barcode')).toBeVisible();
  await expect(page.getByTestId('card-qr')).toBeVisible();
  await shot(page, 'register-card');
  const cardNumber = (await number.textContent())?.replace(/\s/g, '') ?? '';
  // Once the card has been on screen a moment, Enter starts the sale with the member.
  await expect(page.getByRole('button', { name: /用此会员开始收银/ })).toBeEnabled();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-panel')).toContainText('陈小明');
  await expect(page.getByTestId('member-panel')).toContainText('+86 136****5678');
  // The new card scans at once.
  await page.keyboard.press('F10');
  await scanCard(page, cardNumber);
  await expect(page.getByTestId('member-panel')).toContainText('陈小明');
});

test('refused registrations explain each field in the cashier’s language', async ({ page }) => {
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('手机号').fill('12345');
  await dialog.getByRole('button', { name: /登记/ }).click();
  await expect(dialog.getByRole('alert')).toContainText('请输入姓名。');
  await expect(dialog.getByRole('alert')).toContainText('请输入有效的手机号（11 位）。');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(scanField(page)).toBeFocused();
});

test('a duplicate phone shows the existing member and offers to select them', async ({ page }) => {
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('王芳二号');
  await dialog.getByLabel('手机号').fill('13912345678');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('该手机号已注册会员。');
  await expect(dialog.getByTestId('existing-member')).toContainText('王芳');
  await dialog.getByRole('button', { name: '选择此会员' }).click();
  await expect(page.getByTestId('member-panel')).toContainText('王芳');
});

test('a scanner burst finds the member: name, masked phone, tier, points, last visit', async ({ page }) => {
  const wang = await findMember(till(), '王芳');
  await scanCard(page, wang.cardNumber);
  const panel = page.getByTestId('member-panel');
  await expect(panel).toContainText('王芳');
  await expect(panel).toContainText('+86 139****5678');
  await expect(page.getByTestId('member-balance')).toHaveText(new Intl.NumberFormat('zh-CN').format(wang.balance));
  await expect(panel.locator('.tier-chip')).not.toBeEmpty();
  await expect(scanField(page)).toHaveValue('');
  await expect(scanField(page)).toBeFocused();
});

test('a whole phone number and Enter selects its member at once; last digits or a name list', async ({ page }) => {
  const panel = page.getByTestId('member-panel');
  for (const typed of ['13800138000', '138-0013-8000', '-13800138000', '+86 (138) 0013 8000']) {
    await scanField(page).fill(typed);
    await page.keyboard.press('Enter');
    await expect(panel).toContainText('李伟');
    await expect(page.getByRole('option')).toHaveCount(0);
    await expect(scanField(page)).toHaveValue('');
    await page.keyboard.press('F10');
    await expect(panel).toHaveCount(0);
  }
  await scanField(page).fill('8000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option').first()).toContainText('李伟');
  await page.keyboard.press('Enter');
  await expect(panel).toContainText('李伟');
  await page.keyboard.press('F10');
  await scanField(page).fill('张');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option').first()).toContainText('张敏');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('option')).toHaveCount(0);
});

test('the last 4 to 10 digits of a phone find its member, as the README promises', async ({ page }) => {
  for (let n = 4; n <= 10; n += 1) {
    await scanField(page).fill('13800138000'.slice(-n));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('option').filter({ hasText: '李伟' }), `last ${n} digits`).toHaveCount(1);
    await page.keyboard.press('Escape');
  }
});

test('a foreign number is found by the text it was registered with and by its digits', async ({ page }) => {
  const sam = { requestId: crypto.randomUUID(), name: 'Sam Lee', phone: '+1 (415) 555-2671' };
  const r = await till().api.registerMember(sam);
  expect(r.ok).toBe(true);
  await scanField(page).fill('+1 (415) 555-2671');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-panel')).toContainText('Sam Lee');
  await page.keyboard.press('F10');
  await scanField(page).fill('4155552671');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option').filter({ hasText: 'Sam Lee' })).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-panel')).toContainText('Sam Lee');
});

test('a wrong check digit, an unknown card and a blocked card are refused clearly', async ({ page }) => {
  const li = await findMember(till(), '李伟');
  await scanCard(page, breakCheckDigit(li.cardNumber));
  await expect(page.getByRole('alert')).toContainText('卡号校验位错误');
  await expect(page.getByTestId('member-panel')).toHaveCount(0);

  await scanCard(page, luhnComplete('900019999999999'));
  await expect(page.getByRole('alert')).toContainText('未找到该会员或记录。');

  const zhang = await findMember(till(), '张敏');
  const blocked = await till().api.blockCard({ cardNumber: zhang.cardNumber, reason: 'blocked' });
  expect(blocked.ok).toBe(true);
  await scanCard(page, zhang.cardNumber);
  await expect(page.getByRole('alert')).toContainText('该卡已挂失或停用');
  await expect(page.getByTestId('member-panel')).toHaveCount(0);
  // The failed scan is selected, so the next scan replaces it.
  await scanCard(page, li.cardNumber);
  await expect(page.getByTestId('member-panel')).toContainText('李伟');
});

test('Enter pressed quickly after registering leaves the new card up until the cashier closes it', async ({ page }) => {
  // The page's clock stands still, so "quickly" stays quick however slow this machine is.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('快手');
  await dialog.getByLabel('手机号').fill('136 5555 0001');
  // The cashier hits Enter twice, quickly, and holds it a little on the second press.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.down('Enter');
  await page.keyboard.down('Enter'); // auto-repeat
  await page.keyboard.up('Enter');
  const card = page.getByTestId('member-card');
  await expect(card).toBeVisible();
  await expect(card).toContainText('快手');
  await page.keyboard.press('Enter'); // and once more as the card appears
  await page.keyboard.press(' ');
  await expect(card).toBeVisible();
  await expect(page.getByTestId('member-panel')).toHaveCount(0);
  // Once the card has been on screen a moment, a deliberate Enter starts the sale with the member.
  await page.clock.runFor(1_000);
  await expect(page.getByRole('button', { name: /用此会员开始收银/ })).toBeEnabled();
  await expect(card).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('member-panel')).toContainText('快手');
});
