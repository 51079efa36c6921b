import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { findMember } from './cards';
import { ARTIFACTS, keyAmount, scanCard, scanField, useTill, valueOf } from './till';

// Issue 15, tiers: the sale that crosses a threshold says so on its receipt, and a tier a manager
// set by hand shows on the member panel with its end date and reason. Both languages.
const till = useTill({ demo: true });
const SHOTS = ARTIFACTS;

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/tiers-${name}.png`, fullPage: true });
}

test.beforeEach(async ({ page }) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
});

test('a sale that crosses the threshold shows the upgrade on the receipt, in both languages', async ({ page }) => {
  for (const [locale, name, upgraded] of [
    ['zh-CN', 'Emily', /恭喜升级为/],
    ['en', '李伟', /Upgraded to/],
  ] as const) {
    valueOf(await till().api.setLocale({ locale }));
    await page.reload();
    await expect(scanField(page)).toBeFocused();
    const member = await findMember(till(), name);
    const view = valueOf(await till().api.getMember({ memberId: member.id }));
    if (view.pointsToNextTier === null) throw new Error(`${name} is already at the top tier`);
    // One point per yuan at least: this amount earns past the next threshold.
    const yuan = view.pointsToNextTier + 10;
    await scanCard(page, member.cardNumber);
    await expect(page.getByTestId('tier-status')).toBeVisible();
    await keyAmount(page, `${yuan}.00`);
    await page.keyboard.press('Enter');
    const large = page.getByRole('button', { name: /Yes, record|是，记录|确认/ });
    if (await large.isVisible().catch(() => false)) await large.click();
    await expect(page.getByTestId('receipt')).toBeVisible();
    await expect(page.getByTestId('receipt-upgrade')).toContainText(upgraded);
    await snap(page, `receipt-${locale}`);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('receipt')).toHaveCount(0);
  }
});

test('a tier set by hand shows on the member panel with its end date and reason, in both languages', async ({
  page,
}) => {
  const member = await findMember(till(), 'Emily');
  const endsAt = Date.now() + 30 * 86_400_000;
  valueOf(await till().api.setMemberTier({ memberId: member.id, tierCode: 'GOLD', reason: 'VIP 投诉补偿', endsAt }));
  for (const [locale, text] of [
    ['zh-CN', /手动设定/],
    ['en', /Set by hand until/],
  ] as const) {
    valueOf(await till().api.setLocale({ locale }));
    await page.reload();
    await expect(scanField(page)).toBeFocused();
    await scanCard(page, member.cardNumber);
    await expect(page.getByTestId('tier-override')).toContainText(text);
    await expect(page.getByTestId('tier-override')).toContainText('VIP 投诉补偿');
    await expect(page.getByTestId('tier-chip')).toContainText(/Gold|金/);
    await snap(page, `override-${locale}`);
  }
});
