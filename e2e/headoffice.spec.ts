import { expect, test } from '@playwright/test';
import { OWNER, OWNER_PASSWORD, openArea, useHeadOffice } from './headOffice';
import { shot, useTill, valueOf, refusalOf } from './till';

// Head office as a real process (embedded PGlite in a temp folder), a terminal core behind the
// browser host, and head office's page in Chromium. The till closes the day at once
// (TILLCARD_CLOSE_AT=00:00), so the page has a reconciliation to show.
process.env.TILLCARD_SYNC_INTERVAL_MS = '500';
process.env.TILLCARD_SYNC_BACKOFF_MAX_MS = '2000';
process.env.TILLCARD_CLOSE_AT = '00:00';

const till = useTill({ demo: true });
// The first owner from the environment (TILLCARD_HO_OWNER_LOGIN / _PASSWORD), made at first start.
const headOffice = useHeadOffice('ho');

test('a sale made at an enrolled terminal reaches head office and shows on its page', async ({ page }) => {
  const ho = headOffice();
  test.setTimeout(120_000);
  const status = await till().api.getStatus({});
  const codeFor = {
    shopId: valueOf(status).shopId ?? '',
    shopName: 'Nanjing Rd',
    terminalCode: valueOf(status).terminalCode ?? '',
  };
  const { code } = await ho.admin.call('createEnrolmentCode', { body: codeFor });
  const enrolled = await till().api.enrolHeadOffice({ url: ho.url, code });
  expect(enrolled.ok, JSON.stringify(refusalOf(enrolled))).toBe(true);
  expect(valueOf(enrolled).headOfficeUrl).toBe(ho.url);
  // Resending the same code from the same terminal (an answer lost on the way) is answered the same;
  // head office refuses a spent code to any other terminal (server/enrolment.test.ts).
  const again = await till().api.enrolHeadOffice({ url: ho.url, code });
  expect(again.ok, JSON.stringify(refusalOf(again))).toBe(true);
  // A code head office never made is refused.
  expect(refusalOf(await till().api.enrolHeadOffice({ url: ho.url, code: 'NOT-A-REAL-CODE' }))?.code).toBe(
    'ENROL_REFUSED',
  );

  const sale = await till().api.recordSale({
    requestId: crypto.randomUUID(),
    memberId: null,
    lines: [{ sku: 'AMOUNT', quantity: 1, unitPriceMinor: 4_250 }],
    pointsToSpend: 0,
  });
  expect(sale.ok, JSON.stringify(refusalOf(sale))).toBe(true);
  const synced = await till().api.syncNow({});
  expect(synced.ok, JSON.stringify(refusalOf(synced))).toBe(true);
  expect(valueOf(synced).status.outboxPending).toBe(0);
  // Acknowledged at once, applied behind: wait (bounded, by head office itself) until everything is derived.
  await ho.admin.call('derive');
  const { terminals } = await ho.admin.call('terminals');
  const received = terminals.find((t) => t.terminalCode === valueOf(status).terminalCode)?.ackedSeq ?? 0;
  expect(received).toBeGreaterThan(0);

  await page.goto(`${ho.url}/`);
  await expect(page).toHaveURL(/\/office\/$/);
  await page.locator('#login').fill(OWNER);
  await page.locator('#password').fill('not the password at all');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('登录名或密码错误');
  await page.locator('#password').fill(OWNER_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-as')).toContainText('所有者');
  const row = page.locator(`[data-testid="terminals"] tr[data-terminal-code="${valueOf(status).terminalCode}"]`);
  await expect(row).toContainText('Nanjing Rd');
  await expect(row.getByTestId('received')).toHaveText(new Intl.NumberFormat('zh-CN').format(received));
  await expect(row.getByTestId('derived')).toHaveText(new Intl.NumberFormat('zh-CN').format(received));
  await expect(row.getByTestId('derivation-lag')).toHaveText('0');
  await expect(row.getByTestId('waiting')).toHaveText('0');
  // The nightly close ran right after the sync (close time 00:00): today's figures agree.
  await expect(page.getByTestId('day-closes')).toContainText('一致');
  await expect(page.getByTestId('day-closes')).toContainText('¥42.50');
  // The session cookie keeps the tab signed in: a reload does not ask again.
  await page.reload();
  await expect(row).toBeVisible();
  await shot(page, 'headoffice-page');

  // The owner adds a shop manager for this shop on the page; the manager sees only their shop.
  await openArea(page, 'access');
  const users = page.getByTestId('users');
  await page.locator('#new-user-login').fill('manager.nanjing');
  await page.locator('#new-user-name').fill('Wang Fang');
  await page.locator('#new-user-role').selectOption('shop_manager');
  await page.locator('#new-user-shops').fill('other-shop');
  await page.locator('#new-user-password').fill('manager passphrase');
  await page.getByTestId('add-user').getByRole('button').click();
  await expect(users.locator('tr[data-login="manager.nanjing"]')).toContainText('店长');

  // Signing out ends the session: the page asks to sign in, and the old cookie no longer reads anything.
  const cookies = await page.context().cookies();
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
  const session = cookies.find((c) => c.name === 'tillcard_ho_session')?.value ?? '';
  const replay = await page.request.get(`${ho.url}/admin/terminals`, {
    headers: { cookie: `tillcard_ho_session=${session}` },
  });
  expect(replay.status()).toBe(401);

  // The manager of another shop signs in: the terminal of this shop is not listed, and no users section.
  await page.locator('#login').fill('manager.nanjing');
  await page.locator('#password').fill('manager passphrase');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-as')).toContainText('Wang Fang');
  await expect(page.getByText('尚无已接入的终端')).toBeVisible();
  await expect(page.getByTestId('users')).toHaveCount(0);
});

test('no page load asks for something missing (the till and head office have a favicon)', async ({ page }) => {
  const ho = headOffice();
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  for (const url of [till().url, `${ho.url}/office/`]) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('link[rel="icon"]'), url).toHaveAttribute('href', /favicon.*\.svg$/);
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const served = await page.request.get(new URL(icon ?? '', page.url()).toString());
    expect(served.status(), url).toBe(200);
    expect(served.headers()['content-type']).toContain('image/svg+xml');
  }
  expect(missing).toEqual([]);
});
