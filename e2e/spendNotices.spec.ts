import { expect, test } from '@playwright/test';
import { signInPage, useHeadOffice } from './headOffice';
import { findMember } from './cards';
import { refusalOf, scanCard, scanField, shot, useTill, valueOf } from './till';

// Spend notices: the cashier turns them on in the member's edit dialog (F3), the choice reaches
// head office with the member, and an owner sets the webhook on head office's page.

const till = useTill({ demo: true });
const headOffice = useHeadOffice('ho-notices');

test('the till takes the member’s choice, head office holds it, and an owner sets the webhook', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
  const liu = await findMember(till(), '刘洋');
  await scanCard(page, liu.cardNumber);
  await expect(page.getByTestId('member-panel')).toContainText('刘洋');
  await page.keyboard.press('F3');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('消费提醒')).not.toBeChecked();
  await dialog.getByLabel('消费提醒').check();
  await dialog.getByRole('button', { name: /保存修改/ }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(valueOf(await till().api.getMember({ memberId: liu.id })).spendNotices).toBe(true);

  const status = valueOf(await till().api.getStatus({}));
  const { code } = await headOffice().admin.call('createEnrolmentCode', {
    body: { shopId: status.shopId ?? '', shopName: 'Nanjing Rd', terminalCode: status.terminalCode ?? '' },
  });
  const enrolled = await till().api.enrolHeadOffice({ url: headOffice().url, code });
  expect(enrolled.ok, JSON.stringify(refusalOf(enrolled))).toBe(true);
  const synced = await till().api.syncNow({});
  expect(synced.ok, JSON.stringify(refusalOf(synced))).toBe(true);
  await headOffice().admin.call('derive');
  const exported = await headOffice().admin.call('exportMember', { params: { id: liu.id } });
  expect(exported.data.member.spendNotices).toBe(true);

  await signInPage(page, headOffice());
  const section = page.getByTestId('spend-notices');
  await expect(section).toContainText('未开启');
  await section.locator('input[name="url"]').fill('https://hooks.example.com/tillcard');
  await section.locator('input[name="secret"]').fill('a-shared-secret-of-the-chain');
  await section.getByRole('button', { name: '保存' }).click();
  await expect(section).toContainText('发送至 https://hooks.example.com/tillcard');
  await expect(section).toContainText('已设置密钥');
  await expect(section.locator('input[name="secret"]')).toHaveValue('');
  expect(await headOffice().admin.call('spendNoticeSettings')).toEqual({
    url: 'https://hooks.example.com/tillcard',
    secretSet: true,
  });
  await shot(page, 'headoffice-spend-notices');
});
