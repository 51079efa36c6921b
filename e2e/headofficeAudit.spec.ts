import { expect, test } from '@playwright/test';
import { findMember } from './cards';
import { openArea, signInPage, useHeadOffice } from './headOffice';
import { shot, useTill, valueOf, refusalOf } from './till';

// A card blocked at an enrolled till: its audit row reaches head office, whose page shows
// the terminal's chain intact and finds the row by member and by shop.

const till = useTill({ demo: true });
const headOffice = useHeadOffice('ho-audit', 120_000);

test("head office's page shows each till's chain check and finds audit rows by member and shop", async ({ page }) => {
  test.setTimeout(120_000);
  const ho = headOffice();
  const status = valueOf(await till().api.getStatus({}));
  const { code } = await ho.admin.call('createEnrolmentCode', {
    body: { shopId: status.shopId ?? '', shopName: 'Nanjing Rd', terminalCode: status.terminalCode ?? '' },
  });
  const enrolled = await till().api.enrolHeadOffice({ url: ho.url, code });
  expect(enrolled.ok, JSON.stringify(refusalOf(enrolled))).toBe(true);
  const wang = await findMember(till(), '王芳');
  valueOf(await till().api.blockCard({ cardNumber: wang.cardNumber, reason: 'blocked' }));
  const synced = await till().api.syncNow({});
  expect(synced.ok, JSON.stringify(refusalOf(synced))).toBe(true);
  await ho.admin.call('derive');

  await signInPage(page, ho);
  await openArea(page, 'audit');
  const audit = page.getByTestId('audit');
  await expect(audit.locator(`li[data-terminal-code="${status.terminalCode ?? ''}"]`)).toContainText('完整');
  await expect(audit.locator('tr[data-action="card.blocked"]')).toContainText(wang.cardNumber);

  await audit.locator('input[name="memberId"]').fill(wang.id);
  await audit.getByRole('button', { name: '查询' }).click();
  await expect(audit.getByTestId('audit-rows').locator('tbody tr')).toHaveCount(1);
  await audit.locator('input[name="memberId"]').fill('');
  await audit.locator('input[name="shopId"]').fill('another-shop');
  await audit.getByRole('button', { name: '查询' }).click();
  await expect(audit.getByTestId('audit-rows')).toHaveCount(0);
  await expect(audit).toContainText('共 0 条');
  await shot(page, 'headoffice-audit');
});
