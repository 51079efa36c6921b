import { expect, test } from '@playwright/test';
import { formatMoney } from '../shared/domain/money';
import { findMember } from './cards';
import { openManagerTool, scanField, shot, useTill, valueOf } from './till';

// The manager's end-of-day report at the till: today's figures as the till counts them (exact
// numbers are checked in electron/services/dayReport.test.ts), two sales moving them, another
// day picked, and the report alone on paper.

/** Tuesday 10 June 2025, 10:00 in Shanghai. */
const TUESDAY = Date.UTC(2025, 5, 10, 2, 0, 0);
const till = useTill({ demo: true, clockAt: TUESDAY });

test('today’s report counts the day’s sales and members’ share; another day can be picked; it prints alone', async ({
  page,
}) => {
  const before = valueOf(await till().api.dayReport({}));
  expect(before.businessDay).toBe('2025-06-10');
  const wang = await findMember(till(), '王芳');
  const sale = (memberId: string | null, unitPriceMinor: number) =>
    till().api.recordSale({
      requestId: crypto.randomUUID(),
      memberId,
      lines: [{ sku: 'G', category: 'grocery', quantity: 1, unitPriceMinor }],
    });
  valueOf(await sale(wang.id, 12_300));
  valueOf(await sale(null, 4_500));

  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
  await openManagerTool(page, 'dayReport');
  const sheet = page.getByTestId('day-report-sheet');
  await expect(sheet).toHaveAttribute('data-day', '2025-06-10');
  await expect(sheet.getByRole('heading', { level: 3 })).toHaveText('日结报表 · 2025-06-10');
  const money = (minor: number) => formatMoney(minor, 'CNY', 'zh-CN');
  const all = sheet.locator('tr[data-row="all"] td');
  await expect(all.nth(1)).toHaveText(String(before.sales.count + 2));
  await expect(all.nth(2)).toHaveText(money(before.sales.amountMinor + 16_800));
  const members = sheet.locator('tr[data-row="members"] td');
  await expect(members.nth(1)).toHaveText(String(before.memberSales.count + 1));
  await expect(members.nth(2)).toHaveText(money(before.memberSales.amountMinor + 12_300));
  await shot(page, 'day-report');

  // The report prints alone, at receipt width.
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(page.getByTestId('day-report-print')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // The day before has neither sale.
  const monday = valueOf(await till().api.dayReport({ businessDay: '2025-06-09' }));
  await page.getByTestId('day-report-day').fill('2025-06-09');
  await expect(sheet).toHaveAttribute('data-day', '2025-06-09');
  await expect(sheet.locator('tr[data-row="all"] td').nth(1)).toHaveText(String(monday.sales.count));

  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(scanField(page)).toBeFocused();
});
