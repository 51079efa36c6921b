import { expect, test } from '@playwright/test';
import { findMember } from './cards';
import { ARTIFACTS, keyAmount, openManagerTool, scanCard, scanField, useTill, valueOf } from './till';

// A weekend multiplier at a shop without head office: the manager publishes it, and on a Saturday
// the sale's explanation and receipt name it, in Chinese and in English. The host's clock starts on
// Saturday 7 June 2025, 10:00 in Shanghai (e2e/till.ts, clockAt).

const SATURDAY = Date.UTC(2025, 5, 7, 2, 0, 0);
const DAY = 86_400_000;
const NAME = '周末双倍积分';
const till = useTill({ demo: true, clockAt: SATURDAY });
const fmt = (n: number) => new Intl.NumberFormat('zh-CN').format(n);

test.beforeAll(async () => {
  valueOf(
    await till().api.saveCampaign({
      spec: {
        name: NAME,
        rule: { kind: 'multiplier', multiplierBp: 20_000, weekdays: [0, 6] },
        target: { kind: 'everyone' },
        startsAt: SATURDAY - DAY,
        endsAt: SATURDAY + 30 * DAY,
        overlap: 'stack',
        budgetPoints: 100_000,
        perMemberLimit: null,
        holdoutBp: 0,
      },
      state: 'published',
    }),
  );
});

test('a weekend multiplier shows in the explanation and on the receipt by name, in both languages', async ({
  page,
}) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
  const emily = await findMember(till(), 'Emily');
  const quote = valueOf(
    await till().api.previewSale({
      memberId: emily.id,
      lines: [{ sku: 'AMOUNT', name: '', category: 'general', quantity: 1, unitPriceMinor: 12_850 }],
      pointsToSpend: 0,
    }),
  );
  const bonus = quote.campaignBonuses[0]?.points ?? 0;
  expect(bonus).toBeGreaterThan(0);
  await scanCard(page, emily.cardNumber);
  await keyAmount(page, '128.50');
  await expect(page.getByTestId('earn-points')).toHaveText(`+${fmt(quote.pointsEarned)}`);
  // The name is the shop's data: isolated inside the sentence (FSI … PDI).
  await expect(page.getByTestId('campaign-bonus')).toHaveText(`活动「\u2068${NAME}\u2069」：+${fmt(bonus)} 分`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(page.getByTestId('receipt-campaign')).toContainText(NAME);
  await expect(page.getByTestId('receipt-campaign')).toContainText(`+${fmt(bonus)}`);
  await page.screenshot({ path: `${ARTIFACTS}/campaigns-zh.png`, fullPage: true });
  await page.keyboard.press('Enter'); // next customer

  // The manager's list: the campaign running, with what it gave at this till.
  await openManagerTool(page, 'campaigns');
  const row = page.getByTestId('campaign-rows').locator('tbody tr');
  await expect(row).toHaveAttribute('data-status', 'running');
  await expect(row).toContainText(NAME);
  await expect(row).toContainText('进行中');
  await page.screenshot({ path: `${ARTIFACTS}/campaigns-list-zh.png`, fullPage: true });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('campaigns')).toHaveCount(0);

  await page.getByTestId('language-switch').click();
  const li = await findMember(till(), '李伟');
  await scanCard(page, li.cardNumber);
  await keyAmount(page, '88.00');
  await expect(page.getByTestId('campaign-bonus')).toContainText(`Campaign \u2068${NAME}\u2069: +`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt-campaign')).toContainText(`incl. \u2068${NAME}\u2069`);
  await page.screenshot({ path: `${ARTIFACTS}/campaigns-en.png`, fullPage: true });
  await page.keyboard.press('Enter'); // next customer
  await openManagerTool(page, 'campaigns');
  await expect(page.getByTestId('campaign-rows').locator('tbody tr')).toContainText('Running');
  await page.screenshot({ path: `${ARTIFACTS}/campaigns-list-en.png`, fullPage: true });
});
