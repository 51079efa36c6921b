import { expect, test, type Page } from '@playwright/test';
import { scanField, useTill, valueOf } from './till';

// A birthday as a cashier types it: in the shop's language's order, with or without the year; what
// the till cannot store is refused with words that say why, and nothing is registered.

const till = useTill({ demo: true });

test.beforeEach(async ({ page }) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
});

const byPhone = (phone: string) => till().api.searchMembers({ query: phone });

async function openRegister(page: Page, name: string, phone: string) {
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill(name);
  await dialog.getByLabel('手机号').fill(phone);
  return dialog;
}

test('an impossible day, month 13 and a future date are refused in words; nothing is registered', async ({ page }) => {
  const dialog = await openRegister(page, '周日', '137 1111 2222');
  const birthday = dialog.getByLabel('生日（选填）');
  await expect(birthday).toHaveAttribute('placeholder', '年-月-日 或 月-日');
  for (const typed of ['02/30/2025', '2025-02-30', '2025-13-01', '13-01', '1990-02-29']) {
    await birthday.fill(typed);
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert'), typed).toContainText('输入真实的生日');
  }
  // The loop's last refusal may still be on its way (every one above reads alike), and an Enter
  // pressed while it is gets no answer of its own: send the future date until it is the one refused.
  await expect(async () => {
    await birthday.fill('2999-01-01');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert')).toContainText('生日不能晚于今天。', { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  expect(valueOf(await byPhone('13711112222')).members).toEqual([]);
});

test('a month and day without a year registers, is stored as --MM-DD and shows again in F3', async ({ page }) => {
  const dialog = await openRegister(page, '月日', '137 1111 3333');
  await dialog.getByLabel('生日（选填）').fill('5月1日');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-card')).toContainText('月日');
  const [member] = valueOf(await byPhone('13711113333')).members;
  const stored = await till().api.getMember({ memberId: member?.id ?? '' });
  expect(valueOf(stored).birthday).toBe('--05-01');
  await page.keyboard.press('Escape');

  await scanField(page).fill('13711113333');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-panel')).toContainText('月日');
  await page.keyboard.press('F3');
  const edit = page.getByRole('dialog');
  await expect(edit.getByLabel('生日（选填）')).toHaveValue('05-01');
  await edit.getByLabel('生日（选填）').fill('2/29');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const edited = await till().api.getMember({ memberId: member?.id ?? '' });
  expect(valueOf(edited).birthday).toBe('--02-29');
  // A whole date with the year, in year-month-day order, is kept as it was typed.
  await page.keyboard.press('F3');
  await page.getByRole('dialog').getByLabel('生日（选填）').fill('1988年2月29日');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const whole = await till().api.getMember({ memberId: member?.id ?? '' });
  expect(valueOf(whole).birthday).toBe('1988-02-29');
});

test('in English the field asks for year-month-day or month-day and refuses 02/30/2025', async ({ page }) => {
  await page.keyboard.press('Alt+L');
  await expect(page.getByText('Scan card, or type card number, phone or name')).toBeVisible();
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Dee Day');
  await dialog.getByLabel('Mobile phone').fill('137 1111 4444');
  const birthday = dialog.getByLabel('Birthday (optional)');
  await expect(birthday).toHaveAttribute('placeholder', 'YYYY-MM-DD or MM-DD');
  await birthday.fill('02/30/2025');
  await page.keyboard.press('Enter');
  const why = 'Enter the birthday as year-month-day (1990-05-01) or month-day alone (05-01)';
  await expect(dialog.getByRole('alert')).toContainText(why);
  expect(valueOf(await byPhone('13711114444')).members).toEqual([]);
  await birthday.fill('12-31');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-card')).toContainText('Dee Day');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+L');
  await expect(page.getByText('扫描会员卡，或输入卡号、手机号、姓名')).toBeVisible();
});
