import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { openArea, signInPage, useHeadOffice } from './headOffice';
import { ARTIFACTS, refusalOf, useTill, valueOf } from './till';

// Issue 16: a campaign made on head office's page. Created in the editor (a missing choice is said
// beside its field), its what-if run over the till's real sales, published after a confirmation;
// the enrolled till pulls it, a sale there earns its bonus, and the campaign's effect shows it.
// Screenshots of the editor, the what-if and the effect in zh-CN and en.

const till = useTill({ demo: true });
const headOffice = useHeadOffice('ho-console-campaign');

/** One screenshot in each language (the language button toggles; the area keeps its state). */
async function shotBoth(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}/console-campaign-${name}-zh-CN.png`, fullPage: true });
  await page.getByRole('button', { name: 'English' }).click();
  await page.screenshot({ path: `${ARTIFACTS}/console-campaign-${name}-en.png`, fullPage: true });
  await page.getByRole('button', { name: '中文' }).click();
}

async function sell(memberId: string) {
  return valueOf(
    await till().api.recordSale({
      requestId: randomUUID(),
      memberId,
      lines: [{ sku: 'TEA', quantity: 1, unitPriceMinor: 2_000 }],
    }),
  );
}

test('a campaign made on the page: what-if, publish, a till gives its bonus, its effect shows it', async ({ page }) => {
  test.setTimeout(60_000);
  const ho = headOffice();
  const status = valueOf(await till().api.getStatus({}));
  const { code } = await ho.admin.call('createEnrolmentCode', {
    body: { shopId: status.shopId ?? '', shopName: 'Nanjing Rd', terminalCode: status.terminalCode ?? '' },
  });
  const enrolled = await till().api.enrolHeadOffice({ url: ho.url, code });
  expect(enrolled.ok, JSON.stringify(refusalOf(enrolled))).toBe(true);
  // Real sales for the what-if: one member, two sales of ¥20, at head office once pushed.
  const member = valueOf(
    await till().api.registerMember({ requestId: randomUUID(), name: 'Li Lei', phone: '13900139000' }),
  );
  await sell(member.id);
  await sell(member.id);
  valueOf(await till().api.syncNow({}));
  await ho.admin.call('derive');
  // What head office holds of the weeks (the demo shop's sales and ours): the page must replay as many.
  const everyone = await ho.admin.call('campaignWhatIf', {
    params: { id: randomUUID() },
    query: { weeks: 1 },
    body: {
      name: 'probe',
      rule: { kind: 'spendBonus', minSpendMinor: 1_000, points: 50 },
      target: { kind: 'everyone' },
      startsAt: 0,
      endsAt: 1,
      overlap: 'stack',
      budgetPoints: 10_000,
      perMemberLimit: null,
      holdoutBp: 0,
    },
  });
  expect(everyone.salesScanned).toBeGreaterThanOrEqual(2);

  await signInPage(page, ho);
  await openArea(page, 'campaigns');
  // Before the first campaign the list says what to do, and there is no effect to measure yet.
  await expect(page.getByTestId('campaign-list-empty')).toContainText('点击“新建活动”创建第一个');
  await expect(page.getByTestId('campaign-effect-area')).toHaveCount(0);
  await page.getByTestId('campaign-new').click();
  await page.locator('#campaign-name').fill('满额送积分 Spend bonus');
  await page.locator('#campaign-kind').selectOption('spendBonus');
  await page.locator('#campaign-minSpend').fill('10');
  await page.locator('#campaign-points').fill('50');
  await page.locator('#campaign-holdoutPercent').fill('0');
  // No overlap chosen: refused beside the field, nothing sent.
  await page.getByTestId('campaign-save').click();
  await expect(page.getByTestId('issue-campaign-overlap')).toHaveText('请选择与其他活动同时满足时的处理方式。');
  await expect(page.getByTestId('campaign-row')).toHaveCount(0);
  await expect(page.getByTestId('campaign-publish')).toBeDisabled();
  await shotBoth(page, 'editor');

  await page.locator('#campaign-overlap').selectOption('stack');
  await page.locator('#campaign-weeks').fill('1');
  await page.getByTestId('campaign-whatif').click();
  await expect(page.getByTestId('campaign-whatif-result')).toContainText(`已模拟 ${everyone.salesScanned} 笔消费`);
  await expect(page.getByTestId('campaign-row')).toHaveAttribute('data-status', 'draft');
  await shotBoth(page, 'whatif');

  await page.getByTestId('campaign-publish').click();
  await page.getByTestId('campaign-publish-confirm').click();
  await expect(page.getByTestId('campaign-row')).toHaveAttribute('data-status', 'running');

  // The till pulls it (and its share of the budget); its next sale earns the bonus, decided there.
  valueOf(await till().api.syncNow({}));
  const receipt = await sell(member.id);
  expect(receipt.campaignBonuses.map((b) => b.points)).toEqual([50]);
  valueOf(await till().api.syncNow({}));

  const campaignId = (await ho.admin.call('campaigns')).campaigns[0]?.campaign.id ?? '';
  await expect
    .poll(async () => (await ho.admin.call('campaignEffect', { params: { id: campaignId } })).overall.pointsIssued, {
      timeout: 15_000,
    })
    .toBe(50);
  await page.getByTestId('campaign-effect-area').getByRole('button', { name: '查看效果' }).click();
  await expect(page.getByTestId('campaign-effect-area').locator('table').first()).toContainText('50');
  await shotBoth(page, 'effect');
});
