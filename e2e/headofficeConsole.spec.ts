import { expect, test, type Page } from '@playwright/test';
import { OWNER, signInPage, useHeadOffice } from './headOffice';
import { shot } from './till';

// Head office as a place where people answer for what they do: the owner changes a user's role
// and shops, creates and revokes an API token, and finds each of its own actions in the audit
// trail, on head office's own chain, checked intact — in Chinese and in English.

const headOffice = useHeadOffice('ho-console');

const search = async (page: Page, person: string, button: string) => {
  const audit = page.getByTestId('audit');
  await audit.locator('input[name="staffId"]').fill(person);
  await audit.getByRole('button', { name: button }).click();
  return audit.getByTestId('audit-rows');
};

test("an owner edits a user's role and shops, creates and revokes a token, and sees it all audited", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const ho = headOffice();
  await ho.admin.call('createUser', {
    body: { login: 'li.lei', name: '李雷', role: 'auditor', shops: [], password: 'a long user passphrase' },
  });
  await signInPage(page, ho);

  const users = page.getByTestId('users');
  const li = users.locator('tr[data-login="li.lei"]');
  await li.locator('select[data-field="role"]').selectOption('shop_manager');
  await li.locator('input[data-field="shops"]').fill('shop-1, shop-2');
  await li.locator('button[data-action="save-role"]').click();
  await expect(users.getByRole('status')).toContainText('li.lei');
  const [saved] = (await ho.admin.call('users')).users.filter((u) => u.login === 'li.lei');
  expect(saved).toMatchObject({ role: 'shop_manager', shops: ['shop-1', 'shop-2'] });

  const tokens = page.getByTestId('api-tokens');
  await tokens.locator('#new-token-label').fill('nightly report');
  await tokens.locator('#new-token-role').selectOption('auditor');
  await tokens.getByRole('button', { name: '创建令牌' }).click();
  await expect(tokens.getByTestId('new-token')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(tokens.locator('tr[data-label="nightly report"]')).toBeVisible();
  await shot(page, 'headoffice-console-zh-CN');
  await tokens.locator('tr[data-label="nightly report"]').getByRole('button', { name: '吊销' }).click();
  await expect(tokens.locator('tr[data-label="nightly report"]')).toHaveCount(0);
  await expect(tokens.getByTestId('new-token')).toHaveCount(0);

  await page.reload();
  const rows = await search(page, OWNER, '查询');
  for (const action of ['staff.signed_in', 'user.changed', 'api_token.created', 'api_token.revoked'])
    await expect(rows.locator(`tr[data-action="${action}"]`).first()).toBeVisible();
  await expect(page.getByTestId('head-office-chain')).toContainText('完整');
  await page.getByTestId('audit').locator('input[name="from"]').fill('2020-01-01');
  await page.getByTestId('audit').getByRole('button', { name: '查询' }).click();
  await expect(rows.locator('tr[data-action="api_token.revoked"]')).toBeVisible();
  await shot(page, 'headoffice-console-audit-zh-CN');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('head-office-chain')).toContainText('intact');
  await expect(page.getByTestId('api-tokens')).toContainText('Create token');
  await expect(page.getByTestId('api-tokens')).not.toContainText('nightly report');
  await shot(page, 'headoffice-console-en');
});
