import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../shared/contract/staff';
import { findMember } from './cards';
import { scanCard, useTill } from './till';

const till = useTill({ demo: true });
const [manager, cashier] = DEMO_STAFF;

test('sign out, sign in as a cashier, and a manager approves one manager-only action with their PIN', async ({
  page,
}) => {
  await page.goto(till().url);
  // The demo set-up signed its manager in.
  await expect(page.getByTestId('signed-in')).toHaveAttribute('data-role', 'manager');
  await page.getByTestId('sign-out').click();

  const signIn = page.getByTestId('sign-in-screen');
  await expect(signIn).toBeVisible();
  await expect(page.getByTestId('demo-pins')).toContainText(manager.pin);
  await expect(page.getByTestId('demo-pins')).toContainText(cashier.pin);
  // Signed out, the browser host's API answers nothing but the open calls.
  const refused = await till().api.searchMembers({ query: '139' });
  expect(refused.ok ? 'ok' : refused.error.code).toBe('SIGNED_OUT');

  const form = page.getByTestId('sign-in-form');
  await form.getByRole('combobox').selectOption({ label: `${cashier.name} · 收银员` });
  await form.getByLabel('密码').fill('9999');
  await form.getByRole('button', { name: '登录' }).click();
  await expect(form.getByRole('alert')).toContainText('密码错误');
  await form.getByLabel('密码').fill(cashier.pin);
  await form.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('signed-in')).toHaveAttribute('data-role', 'cashier');
  // The cashier sees no manager tools: the role table leaves them nothing in the manager menu.
  await expect(page.getByTestId('manager-menu-open')).toHaveCount(0);

  // A manager-only action in serving a member: the cashier gets the manager prompt, not a sign-out.
  const liu = await findMember(till(), '刘洋');
  await scanCard(page, liu.cardNumber);
  await page.getByTestId('member-panel').getByRole('button', { name: '显示完整号码（店长）' }).click();
  const prompt = page.getByTestId('manager-prompt');
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('combobox')).toContainText(manager.name);
  await prompt.getByLabel('密码').fill(manager.pin);
  await prompt.getByRole('button', { name: '批准' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByTestId('revealed-phone')).toContainText('+8618612349876');
  // Still the cashier; the approval was for that one call.
  await expect(page.getByTestId('signed-in')).toHaveAttribute('data-role', 'cashier');
  const again = await till().api.revealMemberPhone({ memberId: liu.id });
  expect(again.ok ? 'ok' : again.error.code).toBe('NOT_ALLOWED');
  const setting = await till().api.setLargeSaleLimit({ limitMinor: 100 });
  expect(setting.ok ? 'ok' : setting.error.code).toBe('NOT_ALLOWED');
});
