import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { exportHeaders, exportColumns } from '../shared/contract/tableExport';
import { importReportHeader } from '../shared/contract/memberImportText';
import { openManagerTool, scanField, shot, useTill, valueOf } from './till';

// The manager's "Import / export members" dialog: the CLI's import and export on screen, with the same report.
// Row rules are checked in electron/services/memberImport; here the screen, its numbers and its files.

/** Tuesday 10 June 2025, 10:00 in Shanghai. */
const TUESDAY = Date.UTC(2025, 5, 10, 2, 0, 0);
const till = useTill({ demo: true, clockAt: TUESDAY });

/** Three members from another system; line 3's phone is not a phone. */
const CSV = '姓名,手机号,积分\r\n导入一号,13911110001,120\r\n导入二号,12345,5\r\n导入三号,13911110003,\r\n';

async function chooseAndImport(page: Page): Promise<void> {
  const dialog = page.getByTestId('import-export');
  await dialog
    .getByTestId('import-file')
    .setInputFiles({ name: 'old-members.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await dialog.getByTestId('import-run').click();
  await expect(dialog.getByTestId('import-report')).toBeVisible();
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; rows: string[][] }> {
  const waiting = page.waitForEvent('download');
  await click();
  const file: Download = await waiting;
  const rows = parse(readFileSync(await file.path(), 'utf8'), { bom: true, relax_column_count: true }) as string[][];
  return { name: file.suggestedFilename(), rows };
}

test('imports a CSV with one bad row, shows the report, exports; both languages', async ({ page }) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
  await openManagerTool(page, 'importExport');
  const dialog = page.getByTestId('import-export');
  await expect(dialog.getByTestId('import-limit')).toContainText('npx tillcard import members');
  await chooseAndImport(page);
  await expect(dialog.getByTestId('import-rows')).toHaveText('3');
  await expect(dialog.getByTestId('import-imported')).toHaveText('2');
  await expect(dialog.getByTestId('import-skipped')).toHaveText('0');
  await expect(dialog.getByTestId('import-refused')).toHaveText('1');
  await expect(dialog.getByTestId('import-points')).toHaveText('120');
  const bad = dialog.locator('[data-testid="import-lines"] tr[data-line="3"]');
  await expect(bad).toContainText('未导入');
  await expect(bad).toContainText('手机号无效');
  await shot(page, 'member-import-zh-CN');

  // The error report, as the command line writes it: header and reason in the till's language.
  const report = await downloadOf(page, () => dialog.getByTestId('import-download-report').click());
  expect(report.name).toBe('old-members.errors.csv');
  expect(report.rows).toEqual([[...importReportHeader['zh-CN']], ['3', '未导入', '手机号无效']]);

  // The members table as CSV: the export's headers, the imported member with a masked phone.
  const members = await downloadOf(page, () => dialog.getByTestId('export-run').click());
  expect(members.name).toBe('members-20250610.csv');
  expect(members.rows[0]).toEqual(exportColumns.members.map((c) => exportHeaders['zh-CN'][c]));
  const imported = members.rows.find((r) => r[1] === '导入一号');
  expect(imported?.[2]).not.toBe('13911110001');
  expect(imported?.[5]).toBe('120');
  await expect(dialog.getByTestId('export-note')).toContainText('members-20250610.csv');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The imported member is found at the till by their whole phone.
  await scanField(page).fill('13911110001');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-panel')).toContainText('导入一号');

  // In English: the same file again is skipped, never doubled; the bad line's reason in English.
  valueOf(await till().api.setLocale({ locale: 'en' }));
  await page.reload();
  await openManagerTool(page, 'importExport');
  await chooseAndImport(page);
  await expect(dialog.getByTestId('import-imported')).toHaveText('0');
  await expect(dialog.getByTestId('import-skipped')).toHaveText('2');
  await expect(dialog.getByTestId('import-refused')).toHaveText('1');
  await expect(bad).toContainText('phone number not valid');
  await expect(dialog.locator('[data-testid="import-lines"] tr[data-line="2"]')).toContainText('skipped');
  await shot(page, 'member-import-en');

  // The ledger over a reversed range is refused with a typed message; a right range is saved.
  await dialog.getByTestId('export-table').selectOption('ledger');
  await dialog.getByTestId('export-from').fill('2025-06-10');
  await dialog.getByTestId('export-to').fill('2025-06-01');
  await dialog.getByTestId('export-run').click();
  await expect(dialog.getByRole('alert')).toContainText('before the “from” day');
  await dialog.getByTestId('export-to').fill('2025-06-10');
  const ledger = await downloadOf(page, () => dialog.getByTestId('export-run').click());
  expect(ledger.name).toBe('ledger-20250610.csv');
  expect(ledger.rows[0]).toEqual(exportColumns.ledger.map((c) => exportHeaders.en[c]));
});
