import { expect, test } from '@playwright/test';
import { openArea, signInPage, useHeadOffice } from './headOffice';
import { openManagerTool, refusalOf, shot, signInAs, useTill, valueOf } from './till';

// Till staff managed at head office: the owner adds a cashier on head office's page, and after one
// sync the cashier signs in at the enrolled till with the PIN typed there.
process.env.TILLCARD_SYNC_INTERVAL_MS = '500';
process.env.TILLCARD_SYNC_BACKOFF_MAX_MS = '2000';

const till = useTill({ demo: true });
const headOffice = useHeadOffice('ho-staff');

test('a cashier added on head office’s page signs in at the till after one sync', async ({ page }) => {
  test.setTimeout(120_000);
  const status = valueOf(await till().api.getStatus({}));
  const shopId = status.shopId ?? '';
  const { code } = await headOffice().admin.call('createEnrolmentCode', {
    body: { shopId, shopName: 'Nanjing Rd', terminalCode: status.terminalCode ?? '' },
  });
  const enrolled = await till().api.enrolHeadOffice({ url: headOffice().url, code });
  expect(enrolled.ok, JSON.stringify(refusalOf(enrolled))).toBe(true);

  await signInPage(page, headOffice());
  await openArea(page, 'shops');
  const section = page.getByTestId('till-staff');
  await expect(section).toContainText('收银员工');
  await page.locator('#new-till-staff-shop').fill(shopId);
  await page.locator('#new-till-staff-name').fill('Zhao Min');
  await page.locator('#new-till-staff-pin').fill('1357');
  await page.getByTestId('add-till-staff').getByRole('button').click();
  await expect(section.locator('tr[data-till-staff="Zhao Min"]')).toContainText('收银员');

  const [added] = (await headOffice().admin.call('tillStaff', { query: { shopId } })).staff;
  const synced = await till().api.syncNow({});
  expect(synced.ok, JSON.stringify(refusalOf(synced))).toBe(true);
  const signedIn = await till().api.signIn({ staffId: added?.id ?? '', pin: '1357' });
  expect(signedIn.ok, JSON.stringify(refusalOf(signedIn))).toBe(true);
});

test('head office’s first manager takes over: the till’s own accounts retire and its staff list is read-only', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const shopId = valueOf(await till().api.getStatus({})).shopId ?? '';
  await headOffice().admin.call('addTillStaff', {
    body: { shopId, name: 'Qian Jing', role: 'manager', pin: '8642' },
  });
  await signInPage(page, headOffice());
  await openArea(page, 'shops');
  const section = page.getByTestId('till-staff');
  await expect(section.locator('tr[data-till-staff="Qian Jing"]')).toContainText('店长');
  await section.scrollIntoViewIfNeeded();
  await shot(page, 'headoffice-till-staff-zh-CN');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(section.locator('tr[data-till-staff="Qian Jing"]')).toContainText('manager');
  await shot(page, 'headoffice-till-staff-en');

  // At the till, after one sync: the shop's own accounts are retired (head office's cashier from the
  // first test is still signed in); head office's manager signs in, and the staff list has no add form.
  valueOf(await till().api.syncNow({}));
  await page.goto(till().url);
  await signInAs(page, { staffName: 'Qian Jing', pin: '8642' });
  const local = valueOf(await till().api.listStaff({})).filter((s) => s.source === 'local');
  expect(local.length).toBeGreaterThan(0);
  expect(local.filter((s) => s.active)).toEqual([]);
  await openManagerTool(page, 'staff');
  const dialog = page.getByTestId('staff-dialog');
  await expect(dialog.getByTestId('staff-from-headoffice')).toBeVisible();
  await expect(dialog.getByTestId('staff-add')).toHaveCount(0);
  // The retired accounts cannot be brought back here either.
  await expect(dialog.getByRole('button', { name: '重新启用' })).toHaveCount(0);
  await shot(page, 'till-staff-from-headoffice-zh-CN');
});
