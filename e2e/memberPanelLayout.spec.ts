import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openKeyedSqlite } from '../db/open';
import { keyBeside } from '../electron/platform/databaseKey';
import type { Locale } from '../shared/contract/primitives';
import { ARTIFACTS, scanCard, scanField, useTill, valueOf, type Till } from './till';

// Issue 15, the member panel at a small till screen: a member with everything showing (a tier set by
// hand, points expiring soon, a PIN, spend notices, the whole number revealed, an adjustment's
// answer) still fits between the scan field and the key strip — the panel scrolls inside itself,
// its bottom never under the strip — at 1366 × 768 and 1280 × 800, in both languages.

const till = useTill({ demo: true });
const DAY = 86_400_000;
const SHOTS = ARTIFACTS;

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `panel-${name}.png`) });
}

/** Moves the member's first lot to expire at `at`, as a lot earned long ago would (the till runs on the real clock). */
function expireFirstLotAt(t: Till, memberId: string, at: number): void {
  const file = join(t.dataDir, 'terminal.db');
  const db = openKeyedSqlite(file, keyBeside(file));
  try {
    const lot = db
      .prepare("SELECT id FROM points_ledger WHERE member_id = ? AND kind = 'earn' ORDER BY rowid LIMIT 1")
      .get(memberId) as { id: string };
    db.prepare('UPDATE points_ledger SET expires_at = ? WHERE id = ?').run(at, lot.id);
    db.prepare('UPDATE members SET next_expiry_at = ? WHERE id = ?').run(at, memberId);
  } finally {
    db.close();
  }
}

/** A member with every part of the panel showing; made once for the file. */
async function fullestMember(t: Till): Promise<{ id: string; cardNumber: string }> {
  const member = valueOf(
    await t.api.registerMember({
      requestId: crypto.randomUUID(),
      name: 'Alexandra Montgomery-Wu 欧阳晓明',
      phone: '13922224444',
      birthday: '1990-05-06',
      pin: '2468',
      spendNotices: true,
    }),
  );
  for (const unitPriceMinor of [30_000, 45_000]) {
    valueOf(
      await t.api.recordSale({
        requestId: crypto.randomUUID(),
        memberId: member.id,
        lines: [{ sku: 'AMOUNT', name: '', category: 'general', quantity: 1, unitPriceMinor }],
        pointsToSpend: 0,
      }),
    );
  }
  expireFirstLotAt(t, member.id, Date.now() + 10 * DAY);
  valueOf(
    await t.api.setMemberTier({
      memberId: member.id,
      tierCode: 'GOLD',
      reason: '开业活动老会员保级 / kept for the opening',
      endsAt: Date.now() + 40 * DAY,
    }),
  );
  return member;
}

/** The panel's box ends above the key strip's top, and starts below the scan field: nothing overlaps. */
async function expectPanelFits(page: Page): Promise<void> {
  const panel = await page.getByTestId('member-panel').boundingBox();
  const strip = await page.locator('footer.help').boundingBox();
  const scan = await scanField(page).boundingBox();
  if (!panel || !strip || !scan) throw new Error('the panel, the key strip or the scan field is not on screen');
  expect(panel.y + panel.height).toBeLessThanOrEqual(strip.y);
  expect(panel.y).toBeGreaterThanOrEqual(scan.y + scan.height);
  // The key strip itself stays whole on screen, at the foot of the window, in one line.
  expect(strip.height).toBeLessThanOrEqual(48);
  const viewport = page.viewportSize();
  expect(strip.y + strip.height).toBeLessThanOrEqual(viewport?.height ?? 0);
}

let member: { id: string; cardNumber: string } | null = null;

for (const size of [
  { width: 1366, height: 768 },
  { width: 1280, height: 800 },
]) {
  test.describe(`at ${size.width} × ${size.height}`, () => {
    test.use({ viewport: size });
    for (const locale of ['zh-CN', 'en'] satisfies Locale[]) {
      test(`the fullest member panel ends above the key strip (${locale})`, async ({ page }) => {
        member ??= await fullestMember(till());
        valueOf(await till().api.setLocale({ locale }));
        await page.goto(till().url);
        await expect(scanField(page)).toBeFocused();
        await scanCard(page, member.cardNumber);
        await expect(page.getByTestId('tier-override')).toBeVisible();
        await expect(page.getByTestId('member-expiring')).toBeVisible();
        await expectPanelFits(page);
        await snap(page, `${size.width}x${size.height}-${locale}-top`);
        // The whole number revealed (a manager's action) adds its line below the manager row, brought into view.
        await page
          .getByTestId('member-manager')
          .getByRole('button', { name: /显示完整号码|Show number/ })
          .click();
        await expect(page.getByTestId('revealed-phone')).toBeInViewport({ ratio: 0.9 });
        await expectPanelFits(page);
        await snap(page, `${size.width}x${size.height}-${locale}`);

        // Scrolled to its foot, the last manager action is whole on screen and still above the strip.
        const last = page.getByTestId('member-manager').getByRole('button').last();
        await page.getByTestId('member-panel').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        await expect(last).toBeInViewport({ ratio: 0.9 });
        const strip = await page.locator('footer.help').boundingBox();
        const box = await last.boundingBox();
        expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(strip?.y ?? 0);
        await snap(page, `${size.width}x${size.height}-${locale}-foot`);

        // The open adjustment form is the tallest the panel gets: it scrolls inside, the strip stays clear.
        await page.getByTestId('adjust-open').click();
        await expect(page.getByTestId('adjust-form')).toBeVisible();
        await expectPanelFits(page);
        await page.getByTestId('adjust-save').scrollIntoViewIfNeeded();
        await expect(page.getByTestId('adjust-save')).toBeInViewport({ ratio: 0.9 });
        await snap(page, `${size.width}x${size.height}-${locale}-adjust`);
      });
    }
  });
}
