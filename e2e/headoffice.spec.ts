import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHoProcess, type HoProcess } from '../server/testing/hoProcess';
import { shot, useTill, valueOf, refusalOf } from './till';

// Head office as a real process (embedded PGlite in a temp folder), a terminal core behind the
// browser host, and head office's page in Chromium. The till closes the day at once
// (TILLCARD_CLOSE_AT=00:00), so the page has a reconciliation to show.
process.env.TILLCARD_SYNC_INTERVAL_MS = '500';
process.env.TILLCARD_SYNC_BACKOFF_MAX_MS = '2000';
process.env.TILLCARD_CLOSE_AT = '00:00';

const till = useTill({ demo: true });
const hoDir = mkdtempSync(join(tmpdir(), 'tillcard-e2e-ho-'));
let ho: HoProcess;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ho = await startHoProcess({ TILLCARD_HO_DATA_DIR: hoDir });
});
test.afterAll(async () => {
  await ho.stop();
  rmSync(hoDir, { recursive: true, force: true });
});

test('a sale made at an enrolled terminal reaches head office and shows on its page', async ({ page }) => {
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
  await page.locator('#admin-token').fill('not-the-token');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('总部拒绝了此管理员令牌');
  await page.locator('#admin-token').fill(ho.adminToken);
  await page.keyboard.press('Enter');
  const row = page.locator(`[data-testid="terminals"] tr[data-terminal-code="${valueOf(status).terminalCode}"]`);
  await expect(row).toContainText('Nanjing Rd');
  await expect(row.getByTestId('received')).toHaveText(new Intl.NumberFormat('zh-CN').format(received));
  await expect(row.getByTestId('derived')).toHaveText(new Intl.NumberFormat('zh-CN').format(received));
  await expect(row.getByTestId('derivation-lag')).toHaveText('0');
  await expect(row.getByTestId('waiting')).toHaveText('0');
  // The nightly close ran right after the sync (close time 00:00): today's figures agree.
  await expect(page.getByTestId('day-closes')).toContainText('一致');
  await expect(page.getByTestId('day-closes')).toContainText('¥42.50');
  // The token is kept for this tab: a reload does not ask again.
  await page.reload();
  await expect(row).toBeVisible();
  await shot(page, 'headoffice-page');
});

test('no page load asks for something missing (the till and head office have a favicon)', async ({ page }) => {
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
