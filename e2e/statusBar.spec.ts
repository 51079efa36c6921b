import { join } from 'node:path';
import { openKeyedSqlite } from '../db/open';
import { keyBeside } from '../electron/platform/databaseKey';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_STAFF } from '../shared/contract/staff';
import type { Locale } from '../shared/contract/primitives';
import {
  managerMenuButton,
  managerTool,
  openManagerTool,
  scanField,
  shot,
  signInAs,
  useTill,
  valueOf,
  type ManagerTool,
} from './till';

// The status bar at a 1366 x 768 till, in both languages, as a manager and as a cashier: one row;
// the manager's tools in one menu the keyboard drives; a cashier sees none of them (the core would
// refuse their calls: the role table decides both).

const till = useTill({ demo: true });
const [manager, cashier] = DEMO_STAFF;
test.use({ viewport: { width: 1366, height: 768 } });

/** Every item of the bar overlaps every other vertically: they stand in one row. */
async function expectOneRow(page: Page): Promise<void> {
  const bar = page.locator('header.statusbar');
  const box = await bar.boundingBox();
  expect(box?.height ?? 0).toBeLessThanOrEqual(60);
  const rows = await bar.evaluate((header) =>
    [...header.querySelectorAll(':scope > div > *')]
      .filter((el) => el instanceof HTMLElement && el.offsetParent !== null)
      .map((el) => el.getBoundingClientRect())
      .map((r) => ({ top: r.top, bottom: r.bottom })),
  );
  expect(rows.length).toBeGreaterThan(5);
  const lowestTop = Math.max(...rows.map((r) => r.top));
  const highestBottom = Math.min(...rows.map((r) => r.bottom));
  expect(lowestTop).toBeLessThan(highestBottom);
  // And all of it on the screen: nothing pushed past the bar's right edge.
  const overflow = await bar.evaluate((header) => header.scrollWidth - header.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('language-switch')).toBeInViewport({ ratio: 1 });
}

/**
 * The fullest bar a till shows: records head office refused, changes the pull kept aside, the last
 * sync and the last close — written into the till's file as its sync job writes them.
 */
function fillTheBar(dataDir: string): void {
  // The file is encrypted: the browser host keeps its key in terminal.key beside it.
  const file = join(dataDir, 'terminal.db');
  const db = openKeyedSqlite(file, keyBeside(file));
  try {
    const now = Date.now();
    const issue = db.prepare(
      'INSERT INTO sync_issues (direction, kind, entity_id, detail, payload_json, at) VALUES (?, ?, ?, ?, NULL, ?)',
    );
    issue.run('push', 'quarantined', 'e2e-refused', 'e2e', now);
    issue.run('pull', 'duplicate_phone', 'e2e-pulled', 'e2e', now);
    const state = db.prepare('INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)');
    state.run('lastSyncAt', String(now));
    state.run('lastCloseAt', String(now));
    // The last good backup three days back: the bar warns (the daily job looks again only in an hour).
    state.run('lastGoodBackupAt', String(now - 3 * 86_400_000));
  } finally {
    db.close();
  }
}

const toolDialog: Record<Exclude<ManagerTool, 'leaveDemo'>, string> = {
  staff: 'staff-dialog',
  largeSaleLimit: 'large-sale-limit-dialog',
  backupKeep: 'backup-keep-dialog',
  memberCheckLimit: 'member-check-limit-dialog',
  programme: 'programme-screen',
  auditTrail: 'audit-trail',
  campaigns: 'campaigns',
  dayReport: 'day-report',
  sales: 'sales-query',
  memberList: 'member-list',
  importExport: 'import-export',
};

for (const locale of ['zh-CN', 'en'] satisfies Locale[]) {
  test.describe(`in ${locale}`, () => {
    test.beforeEach(async ({ page }) => {
      valueOf(await till().api.setLocale({ locale }));
      await page.goto(till().url);
      await expect(scanField(page)).toBeFocused();
    });

    test('as a manager: one row, and the manager menu opens each tool', async ({ page }) => {
      if ((await page.getByTestId('signed-in').getAttribute('data-role')) !== 'manager') {
        await signInAs(page, { staffName: manager.name, pin: manager.pin });
      }
      await expectOneRow(page);
      await shot(page, `status-bar-manager-${locale}`);

      // The keyboard: Alt+M opens it on its first tool, arrows move, Esc closes it back to its button.
      await page.keyboard.press('Alt+m');
      const menu = page.getByTestId('manager-menu');
      await expect(menu).toBeVisible();
      await expect(managerMenuButton(page)).toHaveAttribute('aria-expanded', 'true');
      await expect(managerTool(page, 'staff')).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(managerTool(page, 'largeSaleLimit')).toBeFocused();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await expect(managerTool(page, 'leaveDemo')).toBeFocused();
      await shot(page, `manager-menu-${locale}`);
      await page.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);
      await expect(managerMenuButton(page)).toBeFocused();
      await expect(managerMenuButton(page)).toHaveAttribute('aria-expanded', 'false');

      // Enter on a tool opens it, as a click does.
      await page.keyboard.press('Enter');
      await expect(menu).toBeVisible();
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowUp');
      await expect(managerTool(page, 'auditTrail')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('audit-trail')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      for (const [tool, dialog] of Object.entries(toolDialog)) {
        await openManagerTool(page, tool as keyof typeof toolDialog);
        await expect(page.getByTestId(dialog)).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toHaveCount(0);
        await expect(scanField(page)).toBeFocused();
      }
      await openManagerTool(page, 'leaveDemo');
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      // A click outside closes the open menu and opens nothing.
      await managerMenuButton(page).click();
      await expect(menu).toBeVisible();
      await page.getByTestId('shop-name').click();
      await expect(menu).toHaveCount(0);
      await expect(page.getByRole('dialog')).toHaveCount(0);
    });

    test('the fullest bar (refusals, pull issues, old backup, last sync and close) is one row', async ({ page }) => {
      if (valueOf(await till().api.getStatus({})).refused.count === 0) fillTheBar(till().dataDir);
      await page.reload();
      await expect(page.getByTestId('refused-records')).toBeVisible();
      await expect(page.getByTestId('pull-issues')).toBeVisible();
      await expect(page.getByTestId('backup-overdue')).toBeVisible();
      // The last sync and close may give way to nothing (the head-office dialog has them); the rest may not.
      await expect(page.getByTestId('last-close')).toBeAttached();
      await expect(managerMenuButton(page)).toBeVisible();
      await expectOneRow(page);
      await shot(page, `status-bar-fullest-${locale}`);
    });

    test('as a cashier: one row, and no manager tools at all', async ({ page }) => {
      await signInAs(page, { staffName: cashier.name, pin: cashier.pin });
      await expect(page.getByTestId('signed-in')).toHaveAttribute('data-role', 'cashier');
      await expectOneRow(page);
      await expect(managerMenuButton(page)).toHaveCount(0);
      await expect(page.locator('[data-testid^="manager-tool-"]')).toHaveCount(0);
      await page.keyboard.press('Alt+m');
      await expect(page.getByTestId('manager-menu')).toHaveCount(0);
      await expect(page.getByTestId('lock-till')).toBeVisible();
      await expect(page.getByTestId('headoffice-open')).toBeVisible();
      await shot(page, `status-bar-cashier-${locale}`);
      // Back to the manager, for the next test.
      await signInAs(page, { staffName: manager.name, pin: manager.pin });
    });
  });
}
