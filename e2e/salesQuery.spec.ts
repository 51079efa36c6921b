import { mkdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { salesCsvHeaders } from '../shared/contract/salesCsvText';
import { findMember } from './cards';
import { ARTIFACTS, openManagerTool, scanField, useTill, valueOf } from './till';

// The manager's consumption query at the till (exact answers are checked in
// electron/services/salesQuery.test.ts): two sales of one member, the one found by member and amount,
// its detail and its receipt reprinted as a copy (audited), the filter's CSV downloaded and read back.

/** Tuesday 10 June 2025, 10:00 in Shanghai. */
const TUESDAY = Date.UTC(2025, 5, 10, 2, 0, 0);
const till = useTill({ demo: true, clockAt: TUESDAY });
const SHOTS = `${ARTIFACTS}/i16b-tillqueries`;

async function shotAt(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('finds a sale by member and amount, shows it, reprints its receipt and downloads the CSV', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const wang = await findMember(till(), '王芳');
  const sale = async (unitPriceMinor: number) =>
    valueOf(
      await till().api.recordSale({
        requestId: crypto.randomUUID(),
        memberId: wang.id,
        lines: [{ sku: 'TEA', name: '乌龙茶', category: 'grocery', quantity: 2, unitPriceMinor }],
      }),
    );
  const small = await sale(1_250); // ¥25.00
  const big = await sale(6_400); // ¥128.00

  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
  await page.evaluate(() => {
    // Headless Chromium has no printer: count the prints instead.
    const w = window as Window & { printed?: number };
    w.printed = 0;
    window.print = () => {
      w.printed = (w.printed ?? 0) + 1;
    };
  });
  await openManagerTool(page, 'sales');
  const tool = page.getByTestId('sales-query');
  await expect(tool).toBeVisible();
  // Today by the till's clock fills both days; today's sales are listed newest first.
  await expect(tool.locator('input[name="fromDay"]')).toHaveValue('2025-06-10');
  await expect(tool.locator('input[name="toDay"]')).toHaveValue('2025-06-10');
  await expect(tool.locator(`tr[data-sale="${big.saleId}"]`)).toBeVisible();

  // The member by card number, the amount between ¥100 and ¥300: the big sale alone. Enter searches.
  await tool.locator('input[name="member"]').fill(wang.cardNumber);
  await tool.locator('input[name="minTotal"]').fill('100');
  await tool.locator('input[name="maxTotal"]').fill('300');
  await tool.locator('input[name="maxTotal"]').press('Enter');
  const rows = tool.locator('[data-testid="sales-rows"] tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-sale', big.saleId);
  await expect(tool.getByTestId('sales-totals')).toContainText('共 1 笔');
  await expect(tool.locator(`tr[data-sale="${small.saleId}"]`)).toHaveCount(0);
  await shotAt(page, 'sales-query-zh-CN');

  // The CSV of the filter: every row, headers in the till's language, the BOM for Excel.
  const [download] = await Promise.all([page.waitForEvent('download'), tool.getByTestId('sales-csv').click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const table = parse(csv, { bom: true }) as string[][];
  expect(table[0]).toEqual(Object.values(salesCsvHeaders['zh-CN']));
  expect(table.slice(1).map((r) => r[3])).toEqual([big.saleId]);
  expect(table[1]?.[7]).toBe('128.00');
  await expect(tool.getByTestId('sales-note')).toContainText('1');

  // The detail, by the keyboard: Enter on the row.
  await rows.first().focus();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('sale-detail');
  await expect(detail).toBeVisible();
  await expect(detail.getByTestId('sale-detail-lines')).toContainText('乌龙茶');
  await expect(detail.getByTestId('sale-detail-total')).toHaveText('¥128.00');
  const copy = detail.getByTestId('receipt-reprint');
  await expect(copy.getByTestId('receipt-copy-mark')).toHaveText('重印');
  await expect(copy.getByTestId('receipt-total')).toHaveText('¥128.00');
  await expect(copy.getByTestId('receipt-earned')).toHaveText(`+${big.pointsEarned}`);
  await page.getByTestId('sale-reprint').click();
  await expect(page.getByTestId('sale-reprinted')).toBeVisible();
  expect(await page.evaluate(() => (window as Window & { printed?: number }).printed)).toBe(1);
  // On paper: the copy alone.
  await page.emulateMedia({ media: 'print' });
  await expect(copy).toBeVisible();
  await expect(page.getByTestId('sale-reprint')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await shotAt(page, 'sale-detail-zh-CN');
  const trail = JSON.stringify(valueOf(await till().api.auditTrail({})));
  expect(trail).toContain('sale.receipt_reprinted');

  // Esc: back to the list, then out of the tool.
  await page.keyboard.press('Escape');
  await expect(tool).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(scanField(page)).toBeFocused();

  // The same tool in English, for its screenshots.
  valueOf(await till().api.setLocale({ locale: 'en' }));
  await page.reload();
  await expect(scanField(page)).toBeFocused();
  await openManagerTool(page, 'sales');
  await expect(page.getByTestId('sales-totals')).toContainText('2 sales');
  await shotAt(page, 'sales-query-en');
  await page.locator(`tr[data-sale="${small.saleId}"]`).click();
  await expect(page.getByTestId('receipt-copy-mark')).toHaveText('COPY');
  await shotAt(page, 'sale-detail-en');
});
