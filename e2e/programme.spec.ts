import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { findMember } from './cards';
import { ARTIFACTS, keyAmount, managerMenuButton, managerTool, scanCard, scanField, useTill, valueOf } from './till';

// Issue 15: a manager of a shop without head office changes the earn ratio at the till, the preview
// shows the sample basket under both rules, and the next sale earns by the new version.

const till = useTill({ demo: true });
const fmt = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
const SHOTS = ARTIFACTS;

async function openProgramme(page: Page): Promise<void> {
  await managerMenuButton(page).click();
  await managerTool(page, 'programme').click();
  await expect(page.getByTestId('programme-screen')).toBeVisible();
  await expect(page.getByTestId('programme-earn')).toBeVisible();
}

test('a manager changes the earn ratio, previews it, saves it, and the next sale earns by the new version', async ({
  page,
}) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
  const emily = await findMember(till(), 'Emily');
  const sale = {
    memberId: emily.id,
    lines: [{ sku: 'AMOUNT', name: '', category: '', quantity: 1, unitPriceMinor: 10_000 }],
    pointsToSpend: 0,
  };
  const before = valueOf(await till().api.previewSale(sale));

  await openProgramme(page);
  await expect(page.getByTestId('programme-screen')).toContainText('当前规则版本 1');
  await page.getByTestId('earn-ratio-points').fill('3');
  await expect(page.getByTestId('earn-ratio-points')).toHaveValue('3');
  await page.getByTestId('preview-amount').fill('100');
  await page.getByTestId('preview-run').click();
  // ¥100 in the entry tier (×1) on a first visit: 100 + 5 visit points now, 300 + 5 edited.
  await expect(page.getByTestId('preview-current')).toHaveText('105 积分');
  // The edit is still in the field the preview read (a reload of the screen would have put 1 back).
  await expect(page.getByTestId('earn-ratio-points')).toHaveValue('3');
  await expect(page.getByTestId('preview-edited')).toHaveText('305 积分');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/programme-zh-CN.png`, fullPage: true });
  // Enter in a field saves the section.
  await page.getByTestId('earn-ratio-points').press('Enter');
  await expect(page.getByTestId('programme-saved')).toBeVisible();
  await expect(page.getByTestId('programme-screen')).toContainText('当前规则版本 2');

  // A ratio that is not a number is refused by the core's schema, field by field, and nothing is saved.
  await page.getByTestId('earn-ratio-points').fill('-2');
  await page.getByTestId('programme-save-rules').click();
  await expect(page.getByTestId('programme-error')).toContainText('积分：不能小于 0。');
  // A ladder with two equal thresholds is refused, field by field, and nothing changes.
  await page.getByTestId('programme-tab-tiers').click();
  const gold = page.getByTestId('programme-tier-row').nth(2).getByLabel('升级所需累计积分');
  await gold.fill('1000');
  await gold.press('Enter');
  await expect(page.getByTestId('programme-error')).toContainText('每个等级所需积分必须高于下一级，不能相同');
  expect(valueOf(await till().api.listTiers({})).map((t) => t.qualifyPoints)).toEqual([0, 1_000, 5_000]);
  await page.getByTestId('programme-tab-history').click();
  await expect(page.getByTestId('programme-history-row')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('programme-screen')).toHaveCount(0);

  const after = valueOf(await till().api.previewSale(sale));
  expect(after.ruleVersion).toBe(2);
  expect(after.pointsEarned).toBeGreaterThan(before.pointsEarned);
  await scanCard(page, emily.cardNumber);
  await keyAmount(page, '100');
  await expect(page.getByTestId('earn-points')).toHaveText(`+${fmt(after.pointsEarned)}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt-earned')).toHaveText(`+${fmt(after.pointsEarned)}`);
  await page.keyboard.press('Enter');

  // The same screen in English.
  valueOf(await till().api.setLocale({ locale: 'en' }));
  await page.reload();
  await expect(scanField(page)).toBeFocused();
  await openProgramme(page);
  await expect(page.getByTestId('programme-screen')).toContainText('Rules in force: version 2');
  await page.getByTestId('preview-run').click();
  await expect(page.getByTestId('preview-edited')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/programme-en.png`, fullPage: true });
  await page.getByTestId('programme-tab-tiers').click();
  await page.keyboard.press('ArrowRight'); // how tiers qualify
  await expect(page.getByTestId('programme-qualification')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('programme-rewards')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/programme-en-rewards.png`, fullPage: true });
  await page.getByTestId('programme-tab-expiry').click();
  await expect(page.getByTestId('expiry-section')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/programme-en-expiry.png`, fullPage: true });
});
