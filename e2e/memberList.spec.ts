import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Download } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { memberListColumns } from '../shared/contract/memberListColumns';
import { ARTIFACTS, openManagerTool, scanField, useTill, valueOf } from './till';

// The manager's member list at the till: filters, a page, the count, the CSV of the whole filter (parsed
// back), and a row opening that member. Exact rows are checked in electron/services/memberList.test.ts.

/** Tuesday 10 June 2025, 10:00 in Shanghai. */
const TUESDAY = Date.UTC(2025, 5, 10, 2, 0, 0);
const till = useTill({ demo: true, clockAt: TUESDAY });
const SHOTS = `${ARTIFACTS}/i16b-memberlist`;

test('filters, pages, counts and exports the members; a row opens the member; both languages', async ({ page }) => {
  // 23 members born in May with balances 0 (never bought): more than one page of 20.
  for (let i = 1; i <= 23; i += 1)
    valueOf(
      await till().api.registerMember({
        requestId: crypto.randomUUID(),
        name: `五月会员${String(i).padStart(2, '0')}`,
        phone: `1390000${String(i).padStart(4, '0')}`,
        birthday: `1990-05-${String(i).padStart(2, '0')}`,
      }),
    );
  const all = valueOf(await till().api.listMembers({}));
  const may = { birthdayMonth: 5, balance: { max: 0 } };
  const mayPage = valueOf(await till().api.listMembers({ filter: may, pageSize: 100 }));
  expect(mayPage.total).toBeGreaterThanOrEqual(23);

  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
  await openManagerTool(page, 'memberList');
  const list = page.getByTestId('member-list');
  await expect(list.getByTestId('ml-count')).toHaveAttribute('data-total', String(all.total));
  await expect(list.locator('tbody tr')).toHaveCount(Math.min(20, all.total));

  // Born in May with no points, sorted by name: the first page is the first 20 names.
  await list.getByTestId('ml-month').selectOption('5');
  await list.getByTestId('ml-balance-max').fill('0');
  await list.getByTestId('ml-apply').click();
  await expect(list.getByTestId('ml-count')).toHaveText(`共 ${mayPage.total} 位会员`);
  const names = list.locator('tbody tr td:nth-child(2)');
  await expect(names).toHaveText(mayPage.rows.slice(0, 20).map((r) => r.name));
  await expect(list.getByTestId('ml-page')).toHaveText(`第 1 / ${Math.ceil(mayPage.total / 20)} 页`);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'member-list-zh-CN.png') });
  await list.getByTestId('ml-next').click();
  await expect(names).toHaveText(mayPage.rows.slice(20, 40).map((r) => r.name));
  // The phone column is masked.
  await expect(list.locator('tbody tr td:nth-child(3)').first()).toContainText('****');

  // The CSV holds the whole filter (not the page), headers in Chinese.
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await list.getByTestId('ml-csv').click();
  await expect.poll(() => downloads.length).toBe(1);
  const file = downloads[0];
  if (!file) throw new Error('no download');
  expect(file.suggestedFilename()).toBe('members-20250610.csv');
  const text = readFileSync(await file.path(), 'utf8');
  copyFileSync(await file.path(), join(SHOTS, 'members-20250610.csv'));
  const rows = parse(text, { bom: true }) as string[][];
  expect(rows[0]).toEqual(Object.values(memberListColumns['zh-CN']));
  expect(rows.slice(1).map((r) => r[1])).toEqual(mayPage.rows.map((r) => r.name));
  expect(rows.slice(1).map((r) => r[7])).toEqual(mayPage.rows.map(() => '5'));
  await expect(list.getByTestId('ml-note')).toContainText('members-20250610.csv');

  // A row opens that member in the till's member panel.
  const target = mayPage.rows[20];
  if (!target) throw new Error('no second page');
  await list.locator(`tr[data-member="${target.memberId}"]`).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('member-panel')).toContainText(target.name);

  // In English: the same tool, its texts and the CSV's headers.
  valueOf(await till().api.setLocale({ locale: 'en' }));
  await page.reload();
  await openManagerTool(page, 'memberList');
  await list.getByTestId('ml-visit').selectOption('notWithin');
  await list.getByTestId('ml-days').fill('30');
  await list.getByTestId('ml-sort').selectOption('joined');
  await list.getByTestId('ml-direction').selectOption('desc');
  await list.getByTestId('ml-apply').click();
  const notWithin = valueOf(
    await till().api.listMembers({
      filter: { lastVisit: { kind: 'notWithin', days: 30 } },
      sort: { by: 'joined', direction: 'desc' },
      pageSize: 20,
    }),
  );
  await expect(list.getByTestId('ml-count')).toHaveText(`${notWithin.total} members`);
  await expect(names).toHaveText(notWithin.rows.map((r) => r.name));
  await page.screenshot({ path: join(SHOTS, 'member-list-en.png') });
  await list.getByTestId('ml-csv').click();
  await expect.poll(() => downloads.length).toBe(2);
  const enRows = parse(readFileSync(await (downloads[1] as Download).path(), 'utf8'), { bom: true }) as string[][];
  expect(enRows[0]).toEqual(Object.values(memberListColumns.en));
  expect(enRows.length - 1).toBe(notWithin.total);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
