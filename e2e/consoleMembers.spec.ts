import { expect, test } from '@playwright/test';
import { formatCardNumber } from '../shared/domain/cardNumber';
import { cardNumberFrom, memberRecord, saleRecord, uuidFrom } from '../server/testing/records';
import { enrolledTerminal, openArea, signInPage, useHeadOffice } from './headOffice';
import { shot } from './till';

// The console's Members area: a member a till registered is found by card and by phone, opened,
// given points by hand, and the new ledger row is there — in Chinese, then in English.

const headOffice = useHeadOffice('ho-members');
const TERMINAL = uuidFrom(1, 0xa);
const MEMBER = uuidFrom(7);
const AT = Date.UTC(2025, 5, 1, 2);

test('finds a member by card and by phone, adjusts their points and sees the ledger row, in both languages', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const ho = headOffice();
  const till = await enrolledTerminal(ho, { shopId: 'shop-1', shopName: 'Shop 1', terminalCode: '90001' }, TERMINAL);
  expect(
    await till.push([
      memberRecord(1, MEMBER, 7, AT),
      saleRecord(2, {
        saleId: uuidFrom(70),
        memberId: MEMBER,
        totalMinor: 6000,
        earned: 60,
        spent: 0,
        ledgerIds: [uuidFrom(71), uuidFrom(72)],
        day: '2025-06-01',
        at: AT,
      }),
    ]),
  ).toBe(200);
  await ho.admin.call('derive');

  await signInPage(page, ho);
  await openArea(page, 'members');
  const area = page.getByTestId('members-area');
  // The default search reads what was typed as the till does: a phone finds its member.
  await area.getByTestId('member-search').fill('138 0000 0007');
  await area.getByRole('button', { name: '查找' }).click();
  await expect(area.getByTestId('member-hits')).toContainText('Member 7');
  await area.getByTestId('member-search-by').selectOption('card');
  await area.getByTestId('member-search').fill(formatCardNumber(cardNumberFrom(7)));
  await area.getByRole('button', { name: '查找' }).click();
  await expect(area.getByTestId('member-hits')).toContainText('Member 7');
  await expect(area.getByTestId('member-hits')).toContainText('+86 138****0007');

  await area.getByTestId('member-search-by').selectOption('phone');
  await area.getByTestId('member-search').fill('abc');
  await area.getByRole('button', { name: '查找' }).click();
  await expect(area.getByTestId('member-search-problem')).toHaveText('不是有效的手机号。');
  await area.getByTestId('member-search').fill('138 0000 0007');
  await area.getByRole('button', { name: '查找' }).click();
  await area.getByTestId('member-hits').getByRole('button', { name: '查看' }).click();

  const detail = page.getByTestId('member-detail');
  await expect(detail.getByTestId('member-balance')).toHaveText('60');
  await expect(detail.getByTestId('member-sales')).toContainText('Tea');
  const adjust = detail.getByTestId('adjust-points');
  await adjust.locator('input[name="delta"]').fill('0');
  await adjust.getByRole('button', { name: '调整' }).click();
  await expect(adjust.getByTestId('problem-delta')).toHaveText(' 请输入不为零的积分。');
  await adjust.locator('input[name="delta"]').fill('25');
  await adjust.getByRole('button', { name: '调整' }).click();
  await expect(detail.getByTestId('member-action-note')).toHaveText('已调整：当前余额 85。');
  await expect(detail.getByTestId('member-ledger').locator('tbody tr').first()).toContainText('调整');
  await expect(detail.getByTestId('member-ledger').locator('tbody tr').first()).toContainText('+25');
  await expect(detail.getByTestId('member-balance')).toHaveText('85');
  await shot(page, 'console-members-zh-CN');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(detail.getByTestId('member-ledger').locator('tbody tr').first()).toContainText('adjustment');
  await adjust.locator('input[name="delta"]').fill('-500');
  await adjust.getByRole('button', { name: 'Adjust' }).click();
  await expect(detail.getByTestId('member-action-note')).toHaveText(
    'The member has 85 points: a removal may not take the balance below zero.',
  );
  await expect(detail.getByTestId('member-balance')).toHaveText('85');
  await shot(page, 'console-members-en');
});

// A member registered twice (two cards, two balances): from the survivor's page, the duplicate's card,
// both side by side, the last four digits typed to confirm; the survivor then holds both cards and points.
test('merges a member registered twice into the one shown: both cards and the points are the survivor’s', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  const ho = headOffice();
  const terminal = uuidFrom(2, 0xa);
  const [keep, duplicate] = [uuidFrom(8), uuidFrom(9)];
  const till = await enrolledTerminal(ho, { shopId: 'shop-2', shopName: 'Shop 2', terminalCode: '90002' }, terminal);
  const sale = (seq: number, memberId: string, n: number, earned: number) =>
    saleRecord(seq, {
      saleId: uuidFrom(80 + n),
      memberId,
      totalMinor: earned * 100,
      earned,
      spent: 0,
      ledgerIds: [uuidFrom(90 + 2 * n), uuidFrom(91 + 2 * n)],
      day: '2025-06-01',
      at: AT,
    });
  expect(
    await till.push([
      memberRecord(1, keep, 8, AT),
      memberRecord(2, duplicate, 9, AT),
      sale(3, keep, 0, 60),
      sale(4, duplicate, 1, 40),
    ]),
  ).toBe(200);
  await ho.admin.call('derive');

  await signInPage(page, ho);
  await openArea(page, 'members');
  const area = page.getByTestId('members-area');
  await area.getByTestId('member-search-by').selectOption('card');
  await area.getByTestId('member-search').fill(formatCardNumber(cardNumberFrom(8)));
  await area.getByRole('button', { name: '查找' }).click();
  await expect(area.getByTestId('member-hits')).toContainText('Member 8');
  await area.getByTestId('member-hits').getByRole('button', { name: '查看' }).click();
  const detail = page.getByTestId('member-detail');
  await expect(detail.getByTestId('member-balance')).toHaveText('60');

  const merge = page.getByTestId('merge-members');
  await merge.getByTestId('merge-card').fill(cardNumberFrom(9));
  await merge.getByRole('button', { name: '查找' }).click();
  await expect(merge.getByTestId('merge-sides')).toContainText('Member 9');
  const confirm = merge.getByTestId('merge-confirm');
  await confirm.getByTestId('merge-confirm-input').fill('0000');
  await confirm.getByRole('button', { name: '合并' }).click();
  await expect(confirm.getByRole('alert')).toBeVisible();
  await confirm.getByTestId('merge-confirm-input').fill(cardNumberFrom(9).slice(-4));
  await confirm.getByRole('button', { name: '合并' }).click();
  await expect(merge.getByTestId('merge-done')).toHaveText(/已合并：转入 40 积分、1 张卡；Member 8 现有 100 积分。/);

  await expect(detail.getByTestId('member-balance')).toHaveText('100');
  const cards = detail.getByTestId('member-cards');
  await expect(cards).toContainText(formatCardNumber(cardNumberFrom(8)));
  await expect(cards).toContainText(formatCardNumber(cardNumberFrom(9)));
  await page.screenshot({ path: testInfo.outputPath('console-member-merge.png'), fullPage: true });
  await shot(page, 'console-member-merge');
});
