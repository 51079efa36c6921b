import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openKeyedSqlite } from '../db/open';
import { keyBeside } from '../electron/platform/databaseKey';
import { ARTIFACTS, keyAmount, refusalOf, scanCard, scanField, useTill, valueOf, type Till } from './till';

// Issue 15, expiry, at the till: points expiring within 30 days show on the member panel and the
// receipt in both languages, and points whose lot has expired cannot be spent. The till runs on the
// real clock, so a lot's expiry is moved in the database file (as a lot earned long ago would be).

const till = useTill({ demo: true });
const DAY = 86_400_000;
const SHOTS = ARTIFACTS;

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `expiry-${name}.png`) });
}

/** A new member with one lot per amount (in minor units), each earned by a sale. */
async function memberWithLots(t: Till, name: string, phone: string, amounts: number[]) {
  const member = valueOf(await t.api.registerMember({ requestId: crypto.randomUUID(), name, phone }));
  const earned: number[] = [];
  for (const unitPriceMinor of amounts) {
    const receipt = valueOf(
      await t.api.recordSale({
        requestId: crypto.randomUUID(),
        memberId: member.id,
        lines: [{ sku: 'AMOUNT', name: '', category: 'general', quantity: 1, unitPriceMinor }],
        pointsToSpend: 0,
      }),
    );
    earned.push(receipt.pointsEarned);
  }
  return { member, earned };
}

/** Moves the member's nth lot to expire at `at` (and the member's next expiry with it). */
function setLotExpiry(t: Till, memberId: string, nth: number, at: number): void {
  const file = join(t.dataDir, 'terminal.db');
  const db = openKeyedSqlite(file, keyBeside(file));
  try {
    const lot = db
      .prepare("SELECT id FROM points_ledger WHERE member_id = ? AND kind = 'earn' ORDER BY rowid LIMIT 1 OFFSET ?")
      .get(memberId, nth) as { id: string };
    db.prepare('UPDATE points_ledger SET expires_at = ? WHERE id = ?').run(at, lot.id);
    db.prepare('UPDATE members SET next_expiry_at = min(coalesce(next_expiry_at, ?), ?) WHERE id = ?').run(
      at,
      at,
      memberId,
    );
  } finally {
    db.close();
  }
}

test.beforeEach(async ({ page }) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
});

test('points expiring within 30 days show on the member panel and the receipt, in both languages', async ({ page }) => {
  const { member, earned } = await memberWithLots(till(), '周期', '13911112222', [30_000]);
  const lot = earned[0] ?? 0;
  const at = Date.now() + 10 * DAY;
  setLotExpiry(till(), member.id, 0, at);
  const day = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(at - 1);

  await scanCard(page, member.cardNumber);
  const note = page.getByTestId('member-expiring');
  await expect(note).toHaveText(`${new Intl.NumberFormat('zh-CN').format(lot)} 积分将于 ${day('zh-CN')} 后过期`);
  await snap(page, 'panel-zh');

  await keyAmount(page, '12');
  await page.keyboard.press('F12');
  await expect(page.getByTestId('receipt-expiring')).toHaveText(
    `${new Intl.NumberFormat('zh-CN').format(lot)} 积分将于 ${day('zh-CN')} 后过期`,
  );
  await snap(page, 'receipt-zh');

  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('receipt-expiring')).toHaveText(`${lot} pts expire after ${day('en')}`);
  await snap(page, 'receipt-en');
  await page.keyboard.press('Enter'); // next customer
  await scanCard(page, member.cardNumber);
  await expect(page.getByTestId('member-expiring')).toHaveText(`${lot} pts expire after ${day('en')}`);
  await snap(page, 'panel-en');
  await page.getByTestId('language-switch').click();
});

test('expired points cannot be spent, at the till or through the API', async ({ page }) => {
  const { member, earned } = await memberWithLots(till(), '过期', '13911113333', [80_000, 20_000]);
  const [old = 0, recent = 0] = earned;
  setLotExpiry(till(), member.id, 0, Date.now() - 60_000); // the first lot expired a minute ago

  await scanCard(page, member.cardNumber);
  await expect(page.getByTestId('member-balance')).toHaveText(new Intl.NumberFormat('zh-CN').format(recent));
  await expect(page.getByTestId('member-expiring')).toHaveCount(0);
  await keyAmount(page, '1000');
  await page.keyboard.press('F7');
  await page.keyboard.type(String(old + recent));
  await expect(page.getByTestId('points-error')).toContainText(new Intl.NumberFormat('zh-CN').format(recent));
  await expect(page.getByRole('button', { name: /确认收款/ })).toBeDisabled();
  await snap(page, 'refused-zh');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('points-error')).toContainText(String(recent));
  await snap(page, 'refused-en');
  await page.getByTestId('language-switch').click();

  const refused = await till().api.recordSale({
    requestId: crypto.randomUUID(),
    memberId: member.id,
    lines: [{ sku: 'AMOUNT', name: '', category: 'general', quantity: 1, unitPriceMinor: 1_000_000 }],
    pointsToSpend: recent + 100,
  });
  expect(refusalOf(refused)?.code).toBe('INSUFFICIENT_POINTS');
  // The expiry is a ledger row in the member's history, never a deletion.
  const ledger = valueOf(await till().api.memberLedger({ memberId: member.id, page: 0, pageSize: 20 }));
  expect(JSON.stringify(ledger)).toContain(`"kind":"expire","delta":-${old}`);
});
