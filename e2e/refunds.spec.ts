import { expect, test, type Page } from '@playwright/test';
import { DEMO_STAFF } from '../shared/contract/staff';
import { findMember } from './cards';
import { ARTIFACTS, scanCard, signInAs, useTill, valueOf } from './till';

const till = useTill({ demo: true });
const [manager, cashier] = DEMO_STAFF;

const shoot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/refunds-${name}.png` });

test('a cashier refunds a sale from the history, with the manager prompt, and sees the points go back', async ({
  page,
}) => {
  await page.goto(till().url);
  // The demo set-up signed its manager in: the sale is rung up through the same API the till uses.
  const liu = await findMember(till(), '刘洋');
  const sale = valueOf(
    await till().api.recordSale({
      requestId: crypto.randomUUID(),
      memberId: liu.id,
      lines: [
        { sku: 'LATTE', name: '拿铁', quantity: 2, unitPriceMinor: 3_200 },
        { sku: 'CAKE', name: '蛋糕', quantity: 1, unitPriceMinor: 2_800 },
      ],
    }),
  );
  const afterSale = valueOf(await till().api.getMember({ memberId: liu.id })).balance;
  await signInAs(page, { staffName: cashier.name, pin: cashier.pin });

  await scanCard(page, liu.cardNumber);
  await expect(page.getByTestId('member-balance')).toHaveText(String(afterSale));
  await page.keyboard.press('F9');
  await page.getByTestId(`refund-${sale.saleId}`).click();
  const lines = page.getByTestId('refund-lines');
  await expect(lines).toContainText('拿铁');
  // The first field has the focus once the lines arrive: one latte back, the preview says what goes back.
  await expect(lines.locator('input').first()).toBeFocused();
  await page.keyboard.type('1');
  const preview = page.getByTestId('refund-preview');
  await expect(preview).toContainText('扣回积分');
  await shoot(page, 'zh-dialog');
  await page.keyboard.press('Enter');

  // A cashier may not refund alone: the manager prompt, then the same refund runs as the manager.
  const prompt = page.getByTestId('manager-prompt');
  await expect(prompt).toBeVisible();
  await prompt.getByLabel('密码').fill(manager.pin);
  await prompt.getByRole('button', { name: '批准' }).click();
  const receipt = page.getByTestId('refund-receipt');
  await expect(receipt).toContainText('已退货');
  const firstLatte = sale.lines[0]?.points ?? 0;
  const after = valueOf(await till().api.getMember({ memberId: liu.id })).balance;
  expect(after).toBeLessThanOrEqual(afterSale - Math.ceil(firstLatte / 2));
  await expect(receipt).toContainText(`当前积分 ${after.toLocaleString('zh-CN')}`);
  await shoot(page, 'zh-receipt');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('member-balance')).toHaveText(after.toLocaleString('zh-CN'));
  // Still the cashier: the approval was for that one refund.
  await expect(page.getByTestId('signed-in')).toHaveAttribute('data-role', 'cashier');

  // The rest in English: the last refund settles the remainder, the member is back where they were.
  valueOf(await till().api.setLocale({ locale: 'en' }));
  await page.reload();
  await scanCard(page, liu.cardNumber);
  await expect(page.getByTestId('member-balance')).toHaveText(after.toLocaleString('en'));
  await page.keyboard.press('F9');
  await page.getByTestId(`refund-${sale.saleId}`).click();
  // Typing before the lines arrive would be lost (CI once refunded only the cake): wait for the focus.
  await expect(lines.locator('input').first()).toBeFocused();
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  await expect(lines.locator('input').nth(1)).toBeFocused();
  await page.keyboard.type('1');
  await expect(page.getByTestId('refund-preview')).toContainText('Points taken back');
  await shoot(page, 'en-dialog');
  await page.keyboard.press('Enter');
  await prompt.getByLabel('PIN').fill(manager.pin);
  await prompt.getByRole('button', { name: 'Approve' }).click();
  await expect(receipt).toContainText('Refunded');
  await shoot(page, 'en-receipt');
  expect(valueOf(await till().api.getMember({ memberId: liu.id })).balance).toBe(afterSale - sale.pointsEarned);
  // Without a manager's approval a cashier's refund is refused (the role table), nothing written.
  await page.keyboard.press('Escape');
  const refused = await till().api.refundSale({
    requestId: crypto.randomUUID(),
    saleId: sale.saleId,
    lines: [{ lineNo: 1, quantity: 1 }],
  });
  expect(refused.ok ? 'ok' : refused.error.code).toBe('NOT_ALLOWED');
});
