import { expect, test, type Page } from '@playwright/test';
import { findMember } from './cards';
import { scanCard, scanField, shot, useTill, valueOf } from './till';

// Member care at the till: edit a member, report a card lost, issue a new card — the old card
// then scans as blocked and the new one finds the same member with the same balance.

const till = useTill({ demo: true });
const fmt = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
const grouped = (n: string) => n.replace(/(\d{4})(?=\d)/g, '$1 ');
const panel = (page: Page) => page.getByTestId('member-panel');

test.beforeEach(async ({ page }) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
});

test('F3 edits name, phone and birthday; the panel and the stored member change', async ({ page }) => {
  const liu = await findMember(till(), '刘洋');
  await scanCard(page, liu.cardNumber);
  await expect(panel(page)).toContainText('刘洋');
  await page.keyboard.press('F3');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('姓名')).toBeFocused();
  await expect(dialog.getByLabel('姓名')).toHaveValue('刘洋');
  await expect(dialog.getByLabel('生日（选填）')).toHaveValue('1992-07-21');
  await expect(dialog.getByLabel('手机号')).toHaveAttribute('placeholder', '保留 +86 186****9876');
  await dialog.getByLabel('姓名').fill('刘洋洋');
  await dialog.getByLabel('手机号').fill('137 0000 1234');
  await dialog.getByLabel('生日（选填）').fill('1992-08-01');
  await shot(page, 'edit-member');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(scanField(page)).toBeFocused();
  await expect(panel(page)).toContainText('刘洋洋');
  await expect(panel(page)).toContainText('+86 137****1234');
  const stored = await till().api.getMember({ memberId: liu.id });
  expect(valueOf(stored)).toMatchObject({ name: '刘洋洋', birthday: '1992-08-01', phoneMasked: '+86 137****1234' });
  // The new phone finds the member; the old one no longer does.
  await page.keyboard.press('F10');
  await scanField(page).fill('13700001234');
  await page.keyboard.press('Enter');
  await expect(panel(page)).toContainText('刘洋洋');
  await page.keyboard.press('F10');
  await scanField(page).fill('18612349876');
  await page.keyboard.press('Enter');
  // The query is the cashier's text: shown isolated (FSI … PDI) inside the sentence.
  await expect(page.getByText('没有与“\u206818612349876\u2069”匹配的会员。')).toBeVisible();
});

test('a refused edit says why, in the registration’s words, and changes nothing', async ({ page }) => {
  const zhang = await findMember(till(), '张敏');
  await scanCard(page, zhang.cardNumber);
  await expect(panel(page)).toContainText('张敏');
  await panel(page)
    .getByRole('button', { name: /修改资料/ })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('   ');
  await dialog.getByLabel('手机号').fill('12345');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('请输入姓名。');
  await expect(dialog.getByRole('alert')).toContainText('请输入有效的手机号（11 位）。');
  // A phone another member holds: refused, naming the holder.
  await dialog.getByLabel('姓名').fill('张敏');
  await dialog.getByLabel('手机号').fill('13912345678');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('该手机号已注册会员。');
  await expect(dialog.getByTestId('existing-member')).toContainText('王芳');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(scanField(page)).toBeFocused();
  const stored = await till().api.getMember({ memberId: zhang.id });
  expect(valueOf(stored)).toMatchObject({ name: '张敏', phoneMasked: '+86 159****6543' });
});

test('report lost → the old card scans as blocked → a new card → it scans with the same balance', async ({ page }) => {
  const wang = await findMember(till(), '王芳');
  await scanCard(page, wang.cardNumber);
  await expect(panel(page)).toContainText('王芳');
  await page.keyboard.press('F5');
  const confirm = page.getByRole('dialog', { name: '挂失会员卡' });
  await expect(confirm).toContainText(grouped(wang.cardNumber));
  await expect(confirm).toContainText(`${fmt(wang.balance)} 积分`);
  await expect(confirm.getByRole('button', { name: /确认挂失/ })).toBeFocused();
  await shot(page, 'report-lost');
  await page.keyboard.press('Enter');
  // The member proves who they are first: 王芳 has no PIN, so her phone number and birthday.
  const check = page.getByRole('dialog', { name: '核验会员身份' });
  await check.getByTestId('member-check-phone').fill('139 1234 5678');
  await check.getByTestId('member-check-birthday').fill('1985-03-12');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(panel(page).locator('.badge')).toHaveText('已挂失');
  await expect(page.getByTestId('card-note')).toContainText('F11');

  // The lost card no longer finds the member; the refusal offers a new card for its holder.
  await page.keyboard.press('F10');
  await scanCard(page, wang.cardNumber);
  await expect(page.getByRole('alert')).toContainText('该卡已挂失或停用');
  await expect(page.getByTestId('blocked-offer')).toContainText('卡状态：已挂失');
  await expect(panel(page)).toHaveCount(0);
  await shot(page, 'blocked-card-offer');
  await page.keyboard.press('F11');
  const issue = page.getByRole('dialog', { name: '补办新卡' });
  await expect(issue).toContainText('王芳');
  await expect(issue).toContainText('+86 139****5678');
  await expect(issue.getByTestId('new-card-balance')).toHaveText(fmt(wang.balance));
  await page.keyboard.press('Enter');
  const number = page.getByTestId('card-number');
  await expect(number).toHaveText(/^\d{4} \d{4} \d{4} \d{4}$/);
  await expect(page.getByTestId('card-barcode')).toBeVisible();
  await expect(page.getByTestId('card-qr')).toBeVisible();
  await expect(page.getByTestId('new-card-carried')).toContainText(fmt(wang.balance));
  await shot(page, 'new-card');
  const newCard = (await number.textContent())?.replace(/\s/g, '') ?? '';
  expect(newCard).not.toBe(wang.cardNumber);
  await expect(page.getByRole('button', { name: /用此会员开始收银/ })).toBeEnabled();
  await page.keyboard.press('Enter'); // "start sale with this member"
  await expect(panel(page)).toContainText(grouped(newCard));
  await expect(page.getByTestId('member-balance')).toHaveText(fmt(wang.balance));

  await page.keyboard.press('F10');
  await scanCard(page, newCard);
  await expect(panel(page)).toContainText('王芳');
  await expect(panel(page).locator('.badge')).toHaveText('正常');
  await expect(page.getByTestId('member-balance')).toHaveText(fmt(wang.balance));
  await page.keyboard.press('F10');
  await scanCard(page, wang.cardNumber);
  await expect(page.getByRole('alert')).toContainText('该卡已挂失或停用');
});

test('in English: report lost and issue a new card in one step; a replaced card is refused too', async ({ page }) => {
  const emily = await findMember(till(), 'Emily');
  // Reporting a card lost needs the member's check: Emily gives her birthday first (she had none on file).
  valueOf(await till().api.updateMember({ memberId: emily.id, birthday: '1991-04-02' }));
  await page.keyboard.press('Alt+L');
  await expect(page.getByText('Scan card, or type card number, phone or name')).toBeVisible();
  await scanCard(page, emily.cardNumber);
  await expect(panel(page)).toContainText('Emily Chen');
  await panel(page)
    .getByRole('button', { name: /Report card lost/ })
    .click();
  const confirm = page.getByRole('dialog', { name: 'Report card lost' });
  await expect(confirm).toContainText('It stops working at once.');
  await confirm.getByRole('button', { name: 'Report lost and issue a new card' }).click();
  const check = page.getByRole('dialog', { name: 'Check the member' });
  await check.getByTestId('member-check-phone').fill('137 0571 6688');
  await check.getByTestId('member-check-birthday').fill('1991-04-02');
  await check.getByRole('button', { name: /Check/ }).click();
  const issue = page.getByRole('dialog', { name: 'Issue a new card' });
  await expect(issue).toContainText('Reported lost');
  await issue.getByRole('button', { name: /Issue new card/ }).click();
  await expect(page.getByRole('dialog', { name: 'New card issued' })).toContainText(
    `Balance carried over: ${new Intl.NumberFormat('en').format(emily.balance)} points.`,
  );
  const first = (await page.getByTestId('card-number').textContent())?.replace(/\s/g, '') ?? '';
  await page.getByRole('button', { name: /Start sale with this member/ }).click();
  await expect(panel(page)).toContainText(grouped(first));

  // A damaged card: a new one straight from the panel (F11); the old one becomes "replaced".
  await page.keyboard.press('F11');
  await page.getByRole('dialog', { name: 'Issue a new card' }).getByText('The current card stops working').waitFor();
  await page.keyboard.press('Enter');
  const second = (await page.getByTestId('card-number').textContent())?.replace(/\s/g, '') ?? '';
  expect(second).not.toBe(first);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(panel(page)).toContainText(grouped(second));
  await page.keyboard.press('F10');
  await scanCard(page, first);
  await expect(page.getByRole('alert')).toContainText('reported lost or blocked');
  await expect(page.getByTestId('blocked-offer')).toContainText('Card status: Replaced');
  await scanCard(page, second);
  await expect(panel(page)).toContainText('Emily Chen');
  await page.keyboard.press('Alt+L');
  await expect(page.getByText('扫描会员卡，或输入卡号、手机号、姓名')).toBeVisible();
});
