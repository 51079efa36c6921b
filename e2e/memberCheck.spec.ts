import { expect, test, type Page } from '@playwright/test';
import { findMember } from './cards';
import { scanCard, scanField, shot, useTill, valueOf } from './till';

// The member check a cashier meets: a redemption above the shop's threshold opens the PIN
// prompt (a wrong PIN is refused with the tries left), a member without a PIN is checked by
// phone and birthday before setting one; the card is shown and printable again from the panel.

const till = useTill({ demo: true });
const fmt = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
const panel = (page: Page) => page.getByTestId('member-panel');

test.beforeEach(async ({ page }) => {
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
});

test('a redemption above the threshold asks the member’s PIN; a wrong one is refused, the right one redeems', async ({
  page,
}) => {
  valueOf(await till().api.setMemberCheckLimit({ abovePoints: 1_000 }));
  const member = valueOf(
    await till().api.registerMember({
      requestId: crypto.randomUUID(),
      name: '周杰',
      phone: '13600136001',
      pin: '2468',
    }),
  );
  valueOf(
    await till().api.recordSale({
      requestId: crypto.randomUUID(),
      memberId: member.id,
      lines: [{ sku: 'G', category: 'grocery', quantity: 1, unitPriceMinor: 199_500 }],
    }),
  );
  await scanCard(page, member.cardNumber);
  await expect(panel(page)).toContainText('周杰');
  await page.keyboard.press('F8');
  const rewards = page.getByRole('dialog', { name: '积分兑换' });
  await rewards.getByTestId('reward-MUG').getByRole('button', { name: '兑换' }).click();
  const check = page.getByRole('dialog', { name: '核验会员身份' });
  const pin = check.getByTestId('member-check-pin');
  await expect(pin).toBeFocused();
  await pin.fill('1111');
  await page.keyboard.press('Enter');
  await expect(check.getByRole('alert')).toContainText('还可尝试 4 次');
  await shot(page, 'member-pin-prompt');
  await pin.fill('2468');
  await page.keyboard.press('Enter');
  await expect(check).toHaveCount(0);
  await expect(rewards.getByRole('status')).toContainText('使用 1,200 分');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('member-balance')).toHaveText(fmt(2_000 - 1_200));
  valueOf(await till().api.setMemberCheckLimit({ abovePoints: null }));
});

test('a member without a PIN is checked by phone and birthday, then sets one; the card is shown again', async ({
  page,
}) => {
  const li = await findMember(till(), '李伟');
  await scanCard(page, li.cardNumber);
  await expect(panel(page)).toContainText('李伟');
  await panel(page).getByTestId('member-pin').click();
  const check = page.getByRole('dialog', { name: '核验会员身份' });
  await check.getByTestId('member-check-phone').fill('138 0013 8000');
  await check.getByTestId('member-check-birthday').fill('1979-11-02');
  await page.keyboard.press('Enter');
  const setPin = page.getByRole('dialog', { name: '设置会员密码' });
  await setPin.getByTestId('new-pin').fill('5678');
  await setPin.getByTestId('repeat-pin').fill('5678');
  await page.keyboard.press('Enter');
  await expect(setPin.getByRole('status')).toContainText('密码已保存');
  await page.keyboard.press('Escape');
  await expect(setPin).toHaveCount(0);
  expect(valueOf(await till().api.getMemberCheck({ memberId: li.id })).hasPin).toBe(true);

  await panel(page).getByTestId('show-card').click();
  const card = page.getByRole('dialog', { name: '会员卡' });
  await expect(card.getByTestId('card-number')).toHaveText(li.cardNumber.replace(/(\d{4})(?=\d)/g, '$1 '));
  await expect(card.getByTestId('card-barcode')).toBeVisible();
  await expect(card.getByRole('button', { name: '打印会员卡' })).toBeEnabled();
  await shot(page, 'card-shown-again');
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
});
