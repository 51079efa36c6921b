import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHoProcess, type HoProcess } from '../server/testing/hoProcess';
import { useTill, valueOf, refusalOf } from './till';

// Till staff managed at head office: the owner adds a cashier on head office's page, and after one
// sync the cashier signs in at the enrolled till with the PIN typed there.
process.env.TILLCARD_SYNC_INTERVAL_MS = '500';
process.env.TILLCARD_SYNC_BACKOFF_MAX_MS = '2000';

const till = useTill({ demo: true });
const hoDir = mkdtempSync(join(tmpdir(), 'tillcard-e2e-ho-'));
let ho: HoProcess;
const OWNER = 'owner@example.com';
const OWNER_PASSWORD = 'a long owner passphrase';

test.beforeAll(async () => {
  test.setTimeout(200_000);
  ho = await startHoProcess({
    TILLCARD_HO_DATA_DIR: hoDir,
    TILLCARD_HO_OWNER_LOGIN: OWNER,
    TILLCARD_HO_OWNER_PASSWORD: OWNER_PASSWORD,
  });
});
test.afterAll(async () => {
  await ho.stop();
  rmSync(hoDir, { recursive: true, force: true });
});

test('a cashier added on head office’s page signs in at the till after one sync', async ({ page }) => {
  test.setTimeout(120_000);
  const status = valueOf(await till().api.getStatus({}));
  const shopId = status.shopId ?? '';
  const { code } = await ho.admin.call('createEnrolmentCode', {
    body: { shopId, shopName: 'Nanjing Rd', terminalCode: status.terminalCode ?? '' },
  });
  const enrolled = await till().api.enrolHeadOffice({ url: ho.url, code });
  expect(enrolled.ok, JSON.stringify(refusalOf(enrolled))).toBe(true);

  await page.goto(`${ho.url}/`);
  await page.locator('#login').fill(OWNER);
  await page.locator('#password').fill(OWNER_PASSWORD);
  await page.keyboard.press('Enter');
  const section = page.getByTestId('till-staff');
  await expect(section).toContainText('收银员工');
  await page.locator('#new-till-staff-shop').fill(shopId);
  await page.locator('#new-till-staff-name').fill('Zhao Min');
  await page.locator('#new-till-staff-pin').fill('1357');
  await page.getByTestId('add-till-staff').getByRole('button').click();
  await expect(section.locator('tr[data-till-staff="Zhao Min"]')).toContainText('收银员');

  const [added] = (await ho.admin.call('tillStaff', { query: { shopId } })).staff;
  const synced = await till().api.syncNow({});
  expect(synced.ok, JSON.stringify(refusalOf(synced))).toBe(true);
  const signedIn = await till().api.signIn({ staffId: added?.id ?? '', pin: '1357' });
  expect(signedIn.ok, JSON.stringify(refusalOf(signedIn))).toBe(true);
});
