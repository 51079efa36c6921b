import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { findMember } from './cards';
import { ARTIFACTS, keyAmount, openManagerTool, scanCard, scanField, useTill, valueOf } from './till';

// A shop without head office makes its own campaigns at the till: the manager fills the editor,
// a bad date range is refused by its field with nothing saved, the published weekend multiplier
// names itself on the next sale's receipt, and the list shows it running with what it gave —
// in Chinese, then in English (with a duplicate saved as a draft, scheduled for July, then cancelled). The host's clock
// starts on Saturday 7 June 2025, 10:00 in Shanghai (e2e/till.ts, clockAt).

const SATURDAY = Date.UTC(2025, 5, 7, 2, 0, 0);
const till = useTill({ demo: true, clockAt: SATURDAY });
test.use({ viewport: { width: 1366, height: 768 } });
const SHOTS = ARTIFACTS;

const editor = (page: Page) => page.getByTestId('campaign-editor');

/** The open dialog fits the 1366×768 screen: nothing wider than the window, nothing off its edge. */
async function expectNoOverflow(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  const box = await dialog.boundingBox();
  expect(box).not.toBeNull();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1366);
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(768);
  const wider = await dialog.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(wider).toBeLessThanOrEqual(0);
}

/** Fills the editor with a multiplier campaign on the given weekdays, from 6 to 30 June. */
async function fillMultiplier(page: Page, name: string, times: string, weekdays: number[]): Promise<void> {
  await page.getByTestId('campaign-new').click();
  await expect(editor(page)).toBeVisible();
  await page.getByTestId('campaign-name').fill(name);
  await page.getByTestId('campaign-kind').selectOption('multiplier');
  await page.getByTestId('campaign-multiplier').fill(times);
  for (const d of weekdays) await page.getByTestId(`campaign-weekday-${d}`).check();
  await page.getByTestId('campaign-start').fill('2025-06-06');
  await page.getByTestId('campaign-end').fill('2025-06-30');
  await page.getByTestId('campaign-budget').fill('100000');
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('a manager makes a weekend multiplier at the till; a bad range is refused; the receipt names it', async ({
  page,
}) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
  await openManagerTool(page, 'campaigns');
  await expect(page.getByTestId('campaigns')).toContainText('暂无营销活动');

  const NAME = '周末三倍积分';
  await fillMultiplier(page, NAME, '3', [6, 0]);
  // No stacking choice and an end before the start: each refused by its field, nothing saved.
  await page.getByTestId('campaign-end').fill('2025-06-01');
  await page.getByTestId('campaign-publish').click();
  await expect(page.getByTestId('campaign-issue-overlap')).toContainText('请选择与其他活动同时满足时的处理方式');
  await page.getByTestId('campaign-overlap-stack').check();
  await page.getByTestId('campaign-publish').click();
  await expect(page.getByTestId('campaign-issue-endsAt')).toHaveText('结束日期不能早于开始日期。');
  await expect(page.getByTestId('campaign-issue-overlap')).toHaveCount(0);
  await expect(editor(page)).toBeVisible();
  expect(valueOf(await till().api.listCampaigns({})).campaigns).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/campaign-editor-refused-zh.png` });
  await expectNoOverflow(page);

  await page.getByTestId('campaign-end').fill('2025-06-30');
  await page.getByTestId('campaign-publish').click();
  await expect(page.getByTestId('campaign-saved')).toContainText(NAME);
  const row = page.getByTestId('campaign-rows').locator('tbody tr');
  await expect(row).toHaveAttribute('data-status', 'running');
  await expect(row).toContainText('进行中');
  const [stored] = valueOf(await till().api.listCampaigns({})).campaigns;
  expect(stored?.campaign.rule).toEqual({ kind: 'multiplier', multiplierBp: 30_000, weekdays: [0, 6] });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('campaigns')).toHaveCount(0);

  const emily = await findMember(till(), 'Emily');
  await scanCard(page, emily.cardNumber);
  await keyAmount(page, '100.00');
  await expect(page.getByTestId('campaign-bonus')).toContainText(NAME);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt-campaign')).toContainText(NAME);
  await page.screenshot({ path: `${SHOTS}/campaign-editor-receipt-zh.png` });
  await page.keyboard.press('Enter'); // next customer

  // The list: what it gave here, what is left of its budget, the one member it reached.
  await openManagerTool(page, 'campaigns');
  const given = valueOf(await till().api.listCampaigns({})).campaigns[0]?.givenHere ?? 0;
  expect(given).toBeGreaterThan(0);
  await expect(row.getByTestId('campaign-members')).toHaveText('1');
  await expect(row.getByTestId('campaign-left')).toHaveText(new Intl.NumberFormat('zh-CN').format(100_000 - given));
  await page.screenshot({ path: `${SHOTS}/campaign-editor-list-zh.png` });
  await expectNoOverflow(page);
  await page.keyboard.press('Escape');
});

test('in English: a Saturday campaign, a bad range refused, a duplicate drafted, scheduled, cancelled', async ({
  page,
}) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
  await page.getByTestId('language-switch').click();
  await openManagerTool(page, 'campaigns');

  const NAME = 'Saturday double';
  await fillMultiplier(page, NAME, '2', [6]);
  await page.getByTestId('campaign-overlap-stack').check();
  await page.getByTestId('campaign-start').fill('2025-07-01');
  await page.getByTestId('campaign-save-draft').click();
  await expect(page.getByTestId('campaign-issue-endsAt')).toHaveText('The end date cannot be before the start date.');
  expect(valueOf(await till().api.listCampaigns({})).campaigns).toHaveLength(1);
  await page.screenshot({ path: `${SHOTS}/campaign-editor-refused-en.png` });
  await expectNoOverflow(page);
  await page.getByTestId('campaign-start').fill('2025-06-06');
  await page.getByTestId('campaign-publish').click();
  await expect(page.getByTestId('campaign-saved')).toContainText(NAME);
  await page.keyboard.press('Escape');

  const li = await findMember(till(), '李伟');
  await scanCard(page, li.cardNumber);
  await keyAmount(page, '88.00');
  await expect(page.getByTestId('campaign-bonus').filter({ hasText: NAME })).toContainText(
    `Campaign \u2068${NAME}\u2069: +`,
  );
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt-campaign').filter({ hasText: NAME })).toContainText(
    `incl. \u2068${NAME}\u2069`,
  );
  await page.screenshot({ path: `${SHOTS}/campaign-editor-receipt-en.png` });
  await page.keyboard.press('Enter'); // next customer

  // Duplicate it as a draft, then cancel the copy.
  await openManagerTool(page, 'campaigns');
  const original = page.getByTestId('campaign-rows').locator('tbody tr', { hasText: NAME }).first();
  await original.getByTestId('campaign-duplicate').click();
  await expect(page.getByTestId('campaign-name')).toHaveValue(`${NAME} (copy)`);
  await page.screenshot({ path: `${SHOTS}/campaign-editor-duplicate-en.png` });
  await expectNoOverflow(page);
  await page.getByTestId('campaign-save-draft').click();
  const copy = page.getByTestId('campaign-rows').locator('tbody tr', { hasText: `${NAME} (copy)` });
  await expect(copy).toHaveAttribute('data-status', 'draft');
  // Edited to run in July and published: scheduled until its first day.
  await copy.getByTestId('campaign-edit').click();
  await expect(page.getByTestId('campaign-name')).toBeFocused();
  await page.getByTestId('campaign-start').fill('2025-07-01');
  await page.getByTestId('campaign-end').fill('2025-07-31');
  await page.getByTestId('campaign-publish').click();
  await expect(copy).toHaveAttribute('data-status', 'scheduled');
  await expect(copy).toContainText('Scheduled');
  await copy.getByTestId('campaign-cancel').click();
  await copy.getByTestId('campaign-cancel-yes').click();
  await expect(copy).toHaveAttribute('data-status', 'cancelled');
  await expect(copy.getByTestId('campaign-cancel')).toHaveCount(0);
  await expect(page.getByTestId('campaign-saved')).toHaveText(`Campaign “${NAME} (copy)” cancelled.`);
  await page.screenshot({ path: `${SHOTS}/campaign-editor-list-en.png` });
  await expectNoOverflow(page);
});
