import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { findMember } from './cards';
import { refusalOf, scanCard, scanField, shot, useTill, valueOf } from './till';

// Privacy at the till: the panel shows a masked number; a manager shows the whole one (audited in
// the core), exports the member's data as JSON and CSV, and erases a member on request.

const till = useTill({ demo: true });
const panel = (page: Page) => page.getByTestId('member-panel');

test.beforeEach(async ({ page }) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
});

test('the panel masks the number; “show number” reveals it, and another member starts masked', async ({ page }) => {
  const liu = await findMember(till(), '刘洋');
  await scanCard(page, liu.cardNumber);
  await expect(panel(page)).toContainText('+86 186****9876');
  await expect(panel(page)).not.toContainText('18612349876');
  await panel(page).getByRole('button', { name: '显示完整号码（店长）' }).click();
  await expect(page.getByTestId('revealed-phone')).toContainText('+8618612349876');
  await shot(page, 'phone-revealed');
  const zhang = await findMember(till(), '张敏');
  await page.keyboard.press('F10');
  await scanCard(page, zhang.cardNumber);
  await expect(panel(page)).toContainText('张敏');
  await expect(page.getByTestId('revealed-phone')).toHaveCount(0);
});

test('export saves the member’s data as JSON and CSV', async ({ page }) => {
  const liu = await findMember(till(), '刘洋');
  await scanCard(page, liu.cardNumber);
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await panel(page).getByRole('button', { name: '导出会员数据（店长）' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const named = (end: string) => downloads.find((d) => d.suggestedFilename() === `member-${liu.id}${end}`);
  const json = named('.json');
  const csv = named('.csv');
  if (!json || !csv) throw new Error(`downloads: ${downloads.map((d) => d.suggestedFilename()).join(', ')}`);
  const data: unknown = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(data).toMatchObject({ source: 'till', member: { id: liu.id, name: '刘洋', phone: '+8618612349876' } });
  expect(readFileSync(await csv.path(), 'utf8')).toContain(`member,${liu.id},`);
  await expect(panel(page).getByRole('status')).toContainText(`member-${liu.id}.json`);
});

test('erase asks for the card number, then removes name and number and blocks the card', async ({ page }) => {
  const liu = await findMember(till(), '刘洋');
  await scanCard(page, liu.cardNumber);
  await panel(page).getByRole('button', { name: '删除会员…（店长）' }).click();
  await panel(page).getByLabel('卡号').fill('1234');
  await panel(page).getByRole('button', { name: '永久删除' }).click();
  await expect(page.getByText('确认内容与该会员的卡号不符，未删除任何数据。')).toBeVisible();
  await panel(page).getByLabel('卡号').fill(liu.cardNumber);
  await shot(page, 'erase-member');
  await panel(page).getByRole('button', { name: '永久删除' }).click();
  await expect(panel(page).getByRole('status').last()).toContainText('该会员的数据已删除。');
  await expect(panel(page)).not.toContainText('刘洋');
  await expect(panel(page)).toContainText('已停用');
  const stored = valueOf(await till().api.getMember({ memberId: liu.id }));
  expect(stored).toMatchObject({ name: '', phoneMasked: '', birthday: null, cardStatus: 'blocked' });
  expect(refusalOf(await till().api.revealMemberPhone({ memberId: liu.id }))?.code).toBe('NOT_FOUND');
});
