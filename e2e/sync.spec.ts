import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHoProcess, type HoProcess } from '../server/testing/hoProcess';
import { seedMigratedPgliteDir } from '../server/testing/pgliteTemplate';
import { scanField, shot, useTill, valueOf } from './till';
import { freeLoopbackPort } from '../server/testing/ports';
import { openKeyedSqlite } from '../db/open';
import { keyBeside } from '../electron/platform/databaseKey';
import { DB_FILE_NAME } from '../electron/terminal/terminalCore';

// The promise of the product, end to end: head office goes down, the shop keeps selling, the
// status bar says what is waiting, and when head office is back the record arrives by itself.
process.env.TILLCARD_SYNC_INTERVAL_MS = '1000';
process.env.TILLCARD_SYNC_BACKOFF_MAX_MS = '2000';

// The second test uses the till the first one connected to head office.
test.describe.configure({ mode: 'serial' });
const till = useTill({ demo: true });
const hoDir = mkdtempSync(join(tmpdir(), 'tillcard-e2e-ho-'));
let ho: HoProcess | null = null;

test.afterAll(async () => {
  await ho?.stop();
  rmSync(hoDir, { recursive: true, force: true });
});

const pending = (page: Page) => page.getByTestId('outbox-pending');

// Head office's first owner, who signs in to its page.
const OWNER_ENV = {
  TILLCARD_HO_OWNER_LOGIN: 'owner@example.com',
  TILLCARD_HO_OWNER_PASSWORD: 'a long owner passphrase',
};

test('a sale made while head office is down waits at the till, then arrives when head office is back', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const port = await freeLoopbackPort();
  await seedMigratedPgliteDir(hoDir);
  ho = await startHoProcess({ TILLCARD_HO_DATA_DIR: hoDir, ...OWNER_ENV }, port);
  const hoUrl = ho.url;
  const status = await till().api.getStatus({});
  const codeFor = { shopId: valueOf(status).shopId ?? '', terminalCode: valueOf(status).terminalCode ?? '' };
  const { code } = await ho.admin.call('createEnrolmentCode', { body: codeFor });
  const elsewhere = {
    shopId: 'shop-elsewhere',
    shopName: 'Elsewhere Rd',
    // Head office keeps terminal codes unique across the chain: the other shop's code has its own.
    terminalCode: '90099',
  };
  const { code: otherShopCode } = await ho.admin.call('createEnrolmentCode', { body: elsewhere });

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
  // A code made for another shop: refused in words, and head office keeps no ghost terminal.
  await page.locator('#headoffice-code').fill(otherShopCode);
  await page.getByTestId('headoffice-connect').click();
  await expect(dialog.getByRole('alert')).toHaveAttribute('data-code', 'ENROL_SHOP_MISMATCH');
  await expect(dialog.getByRole('alert')).toContainText(`此接入码属于门店“Elsewhere Rd”（shop-elsewhere），本机是门店`);
  await expect(dialog.getByRole('alert')).toContainText('请向总部索取本店的接入码');
  const ghosts = await ho.admin.call('terminals');
  expect(ghosts.terminals).toEqual([]);
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
  await expect(page.getByTestId('headoffice-dialog').getByRole('alert')).toHaveAttribute(
    'data-code',
    'HEADOFFICE_UNREACHABLE',
  );
  await expect(page.getByTestId('headoffice-pending')).toHaveText('1');
  await page.keyboard.press('Escape');

  // Head office is back (same address, same data): the waiting record arrives on its own.
  ho = await startHoProcess({ TILLCARD_HO_DATA_DIR: hoDir, ...OWNER_ENV }, port);
  await expect(pending(page)).toHaveAttribute('data-count', '0', { timeout: 60_000 });
  await expect(page.getByTestId('online')).toHaveText('在线');

  // …and head office's page shows it: nothing waiting, the sale among the records received and applied.
  await ho.admin.call('derive');
  const { terminals } = await ho.admin.call('terminals');
  const mine = terminals.find((t) => t.terminalCode === valueOf(status).terminalCode);
  expect(mine?.reportedPending).toBe(0);
  const office = await page.context().newPage();
  await office.goto(`${hoUrl}/office/`);
  await office.locator('#login').fill(OWNER_ENV.TILLCARD_HO_OWNER_LOGIN);
  await office.locator('#password').fill(OWNER_ENV.TILLCARD_HO_OWNER_PASSWORD);
  await office.keyboard.press('Enter');
  const row = office.locator(`[data-testid="terminals"] tr[data-terminal-code="${valueOf(status).terminalCode}"]`);
  await expect(row.getByTestId('received')).toHaveText(new Intl.NumberFormat('zh-CN').format(mine?.ackedSeq ?? -1));
  await expect(row.getByTestId('derivation-lag')).toHaveText('0');
  await expect(row.getByTestId('waiting')).toHaveText('0');
});

test('a refused record (from an older till) shows on the status bar, and why in the head-office dialog', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(till().url);
  await expect(pending(page)).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  await expect(pending(page)).toHaveText('已全部同步');
  // An older till's record: a sale line name with a lone surrogate, written straight into the outbox.
  const file = join(till().dataDir, DB_FILE_NAME);
  const db = openKeyedSqlite(file, keyBeside(file));
  try {
    const id = '00000000-0000-4000-8000-00000000e2e3';
    const payload = {
      id,
      memberId: null,
      cardNumber: null,
      subtotalMinor: 100,
      discountMinor: 0,
      totalMinor: 100,
      pointsEarned: 0,
      pointsSpent: 0,
      ruleVersion: 1,
      currency: 'CNY',
      businessDay: '2025-06-01',
      createdAt: Date.now(),
      ledger: [],
      lines: [
        {
          lineNo: 1,
          sku: 'A',
          name: `Tea${String.fromCharCode(0xd800)}`,
          category: 'drinks',
          quantity: 1,
          unitPriceMinor: 100,
          lineTotalMinor: 100,
          points: 0,
        },
      ],
    };
    db.prepare(
      'INSERT INTO outbox (seq, record_id, record_type, payload_json, created_at) ' +
        "SELECT max(seq) + 1, ?, 'sale', ?, ? FROM outbox",
    ).run(id, JSON.stringify(payload), Date.now());
  } finally {
    db.close();
  }
  // The background sync sends it, head office quarantines it and says so in a later answer.
  const refused = page.getByTestId('refused-records');
  await expect(refused).toHaveText('1 条记录被总部拒收 — 请查看“总部”', { timeout: 60_000 });
  await expect(pending(page)).not.toHaveText('已全部同步');
  await refused.click();
  const record = page.getByTestId('headoffice-refused-record');
  await expect(record).toHaveAttribute('data-reason', 'unstorable_text');
  await expect(record).toContainText('“第 1 行商品名称”中含有总部无法保存的字符');
  await shot(page, 'sync-refused-record');
});
