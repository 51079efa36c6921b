import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHoProcess, type HoProcess } from '../server/testing/hoProcess';
import { scanField, shot, useTill } from './till';
import { freeLoopbackPort } from '../server/testing/ports';

// The promise of the product, end to end: head office goes down, the shop keeps selling, the
// status bar says what is waiting, and when head office is back the record arrives by itself.
process.env.TILLCARD_SYNC_INTERVAL_MS = '1000';
process.env.TILLCARD_SYNC_BACKOFF_MAX_MS = '2000';

const till = useTill({ demo: true });
const hoDir = mkdtempSync(join(tmpdir(), 'tillcard-e2e-ho-'));
let ho: HoProcess | null = null;


test.afterAll(async () => {
  await ho?.stop();
  rmSync(hoDir, { recursive: true, force: true });
});

const pending = (page: Page) => page.getByTestId('outbox-pending');

test('a sale made while head office is down waits at the till, then arrives when head office is back', async ({ page }) => {
  test.setTimeout(240_000);
  const port = await freeLoopbackPort();
  ho = await startHoProcess({ TILLCARD_HO_DATA_DIR: hoDir }, port);
  const hoUrl = ho.url;
  const status = await till().call<{ shopId: string; terminalCode: string }>('getStatus');
  const created = await fetch(`${hoUrl}/admin/enrolment-codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ho.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ shopId: status.value.shopId, terminalCode: status.value.terminalCode }),
  });
  const { code } = (await created.json()) as { code: string };

  // The manager connects the till: address and one-time code on the head-office screen.
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
  await page.getByTestId('headoffice-open').click();
  const dialog = page.getByTestId('headoffice-dialog');
  await expect(dialog).toContainText('本机尚未连接总部');
  await page.locator('#headoffice-url').fill(hoUrl);
  await page.locator('#headoffice-code').fill('WRONG-CODE-00000');
  await page.getByTestId('headoffice-connect').click();
  await expect(dialog.getByRole('alert')).toHaveAttribute('data-code', 'ENROL_REFUSED');
  await page.locator('#headoffice-code').fill(code);
  await page.getByTestId('headoffice-connect').click();
  await expect(page.getByTestId('headoffice-connected')).toBeVisible();
  await expect(page.getByTestId('headoffice-connection')).toContainText(hoUrl);
  await page.getByTestId('headoffice-sync-now').click();
  await expect(page.getByTestId('headoffice-synced')).toBeVisible();
  await expect(page.getByTestId('headoffice-pending')).toHaveText('0');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(pending(page)).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('online')).toHaveText('在线');

  // Head office goes down. The shop keeps selling.
  await ho.stop();
  ho = null;
  await page.keyboard.press('F4');
  await expect(page.locator('#amount-input')).toBeFocused();
  await page.keyboard.type('88.00');
  await page.keyboard.press('Enter');
  await expect(scanField(page)).toBeFocused();
  await page.keyboard.press('Enter'); // empty scan field + Enter = confirm
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(pending(page)).toHaveAttribute('data-count', '1', { timeout: 15_000 });
  await expect(pending(page)).toContainText('1');
  await expect(page.getByTestId('online')).toHaveText('离线', { timeout: 15_000 });
  await shot(page, 'sync-offline-waiting');
  // "Sync now" while head office is down says so, in the cashier's language; the record stays.
  await page.getByTestId('headoffice-open').click();
  await page.getByTestId('headoffice-sync-now').click();
  await expect(page.getByTestId('headoffice-dialog').getByRole('alert')).toHaveAttribute('data-code', 'HEADOFFICE_UNREACHABLE');
  await expect(page.getByTestId('headoffice-pending')).toHaveText('1');
  await page.keyboard.press('Escape');

  // Head office is back (same address, same data): the waiting record arrives on its own.
  ho = await startHoProcess({ TILLCARD_HO_DATA_DIR: hoDir }, port);
  await expect(pending(page)).toHaveAttribute('data-count', '0', { timeout: 60_000 });
  await expect(page.getByTestId('online')).toHaveText('在线');

  // …and head office's page shows it: nothing waiting, the sale among the records received and applied.
  await fetch(`${hoUrl}/admin/derive`, { method: 'POST', headers: { authorization: `Bearer ${ho.adminToken}` } });
  const { terminals } = (await (await fetch(`${hoUrl}/admin/terminals`, { headers: { authorization: `Bearer ${ho.adminToken}` } })).json()) as {
    terminals: { terminalCode: string; ackedSeq: number; reportedPending: number | null }[];
  };
  const mine = terminals.find((t) => t.terminalCode === status.value.terminalCode);
  expect(mine?.reportedPending).toBe(0);
  const office = await page.context().newPage();
  await office.goto(`${hoUrl}/office/`);
  await office.locator('#admin-token').fill(ho.adminToken);
  await office.keyboard.press('Enter');
  const row = office.locator(`[data-testid="terminals"] tr[data-terminal-code="${status.value.terminalCode}"]`);
  await expect(row.getByTestId('received')).toHaveText(new Intl.NumberFormat('zh-CN').format(mine?.ackedSeq ?? -1));
  await expect(row.getByTestId('derivation-lag')).toHaveText('0');
  await expect(row.getByTestId('waiting')).toHaveText('0');
});
