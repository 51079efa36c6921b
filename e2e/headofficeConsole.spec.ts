import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { OWNER, openArea, signInPage, useHeadOffice } from './headOffice';
import { ARTIFACTS, refusalOf, shot, useTill, valueOf } from './till';

// Head office as a place where people answer for what they do: the owner changes a user's role
// and shops, creates and revokes an API token, and finds each of its own actions in the audit
// trail, on head office's own chain, checked intact — in Chinese and in English.

const headOffice = useHeadOffice('ho-console');
const till = useTill();
const SHOTS = join(ARTIFACTS, 'console');

const search = async (page: Page, person: string, button: string) => {
  const audit = page.getByTestId('audit');
  await audit.locator('input[name="staffId"]').fill(person);
  await audit.getByRole('button', { name: button }).click();
  return audit.getByTestId('audit-rows');
};

test("an owner edits a user's role and shops, creates and revokes a token, and sees it all audited", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const ho = headOffice();
  await ho.admin.call('createUser', {
    body: { login: 'li.lei', name: '李雷', role: 'auditor', shops: [], password: 'a long user passphrase' },
  });
  await signInPage(page, ho);
  await openArea(page, 'access');

  const users = page.getByTestId('users');
  const li = users.locator('tr[data-login="li.lei"]');
  await li.locator('select[data-field="role"]').selectOption('shop_manager');
  await li.locator('input[data-field="shops"]').fill('shop-1, shop-2');
  await li.locator('button[data-action="save-role"]').click();
  await expect(users.getByRole('status')).toContainText('li.lei');
  const [saved] = (await ho.admin.call('users')).users.filter((u) => u.login === 'li.lei');
  expect(saved).toMatchObject({ role: 'shop_manager', shops: ['shop-1', 'shop-2'] });

  const tokens = page.getByTestId('api-tokens');
  await tokens.locator('#new-token-label').fill('nightly report');
  await tokens.locator('#new-token-role').selectOption('auditor');
  await tokens.getByRole('button', { name: '创建令牌' }).click();
  await expect(tokens.getByTestId('new-token')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(tokens.locator('tr[data-label="nightly report"]')).toBeVisible();
  await shot(page, 'headoffice-console-zh-CN');
  await tokens.locator('tr[data-label="nightly report"]').getByRole('button', { name: '吊销' }).click();
  await expect(tokens.locator('tr[data-label="nightly report"]')).toHaveCount(0);
  await expect(tokens.getByTestId('new-token')).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('api-tokens')).toBeVisible();
  await openArea(page, 'audit');
  const rows = await search(page, OWNER, '查询');
  for (const action of ['staff.signed_in', 'user.changed', 'api_token.created', 'api_token.revoked'])
    await expect(rows.locator(`tr[data-action="${action}"]`).first()).toBeVisible();
  await expect(page.getByTestId('head-office-chain')).toContainText('完整');
  await page.getByTestId('audit').locator('input[name="from"]').fill('2020-01-01');
  await page.getByTestId('audit').getByRole('button', { name: '查询' }).click();
  await expect(rows.locator('tr[data-action="api_token.revoked"]')).toBeVisible();
  await shot(page, 'headoffice-console-audit-zh-CN');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('head-office-chain')).toContainText('intact');
  await openArea(page, 'access');
  await expect(page.getByTestId('api-tokens')).toContainText('Create token');
  await expect(page.getByTestId('api-tokens')).not.toContainText('nightly report');
  await shot(page, 'headoffice-console-en');
});

/** Today as the till, head office and the page count it (one machine, one zone). */
const today = (): string => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

test('the console: areas by role, and statistics of two sales as chart, table and CSV (zh-CN, en)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const ho = headOffice();
  const t = till();
  // A real shop (no demo history): the only figures head office gets are this test's.
  valueOf(
    await t.api.configureShop({
      shopId: 'shop-stats',
      shopName: 'Stats Rd',
      terminalName: 'Till 1',
      terminalCode: '10042',
      manager: { name: 'Boss', pin: '2468' },
    }),
  );
  const { code } = await ho.admin.call('createEnrolmentCode', {
    body: { shopId: 'shop-stats', shopName: 'Stats Rd', terminalCode: '10042' },
  });
  const enrolled = await t.api.enrolHeadOffice({ url: ho.url, code });
  expect(enrolled.ok, JSON.stringify(refusalOf(enrolled))).toBe(true);
  // A ladder before the sales: head office derives the member's step up when the sale reaches it.
  await ho.admin.call('publishTiers', {
    body: {
      tiers: [
        { code: 'BRONZE', name: '铜卡', rank: 1, qualifyPoints: 0 },
        { code: 'SILVER', name: '银卡', rank: 2, qualifyPoints: 1 },
      ],
    },
  });
  const member = valueOf(
    await t.api.registerMember({ requestId: crypto.randomUUID(), name: '林小雨', phone: '13800138042' }),
  );
  const sale = (memberId: string | null, unitPriceMinor: number) =>
    t.api.recordSale({
      requestId: crypto.randomUUID(),
      memberId,
      lines: [{ sku: 'G', category: 'general', quantity: 1, unitPriceMinor }],
    });
  const earned = valueOf(await sale(member.id, 12_300)).pointsEarned + valueOf(await sale(null, 4_500)).pointsEarned;
  const synced = await t.api.syncNow({});
  expect(synced.ok, JSON.stringify(refusalOf(synced))).toBe(true);
  await ho.admin.call('derive');

  await signInPage(page, ho);
  const nav = page.getByTestId('console-nav');
  await expect(nav.locator('a')).toHaveText([
    '概览',
    '统计',
    '会员',
    '营销活动',
    '会员方案',
    '门店与终端',
    '审计',
    '用户与令牌',
  ]);
  await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute('data-area', 'overview');
  await page.screenshot({ path: `${SHOTS}/overview-zh-CN.png` });
  // By keyboard: the link takes the focus and Enter opens the area; its name goes into the address.
  await nav.locator('a[data-area="stats"]').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/stats$/);

  const view = page.getByTestId('stats-view');
  const day = today();
  const row = view.locator(`tr[data-day="${day}"]`);
  const cell = (col: string) => row.locator(`td[data-col="${col}"]`);
  await expect(cell('salesCount')).toHaveText('2');
  await expect(cell('salesAmount')).toHaveText('168.00');
  await expect(cell('averageBasket')).toHaveText('84.00');
  await expect(view.getByTestId('stats-chart').locator('canvas')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/stats-sales-zh-CN.png` });

  const [download] = await Promise.all([page.waitForEvent('download'), view.getByTestId('stats-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^sales_.*\.csv$/);
  const file = readFileSync(await download.path(), 'utf8');
  expect(file.startsWith('\uFEFF')).toBe(true);
  const records: string[][] = parse(file, { bom: true });
  expect(records[0]).toEqual(['日期', '销售笔数', '销售额', '客单价', '退款笔数', '退款金额']);
  expect(records.find((r) => r[0] === day)).toEqual([day, '2', '168', '84', '0', '0']);

  await page.getByRole('button', { name: '会员销售占比' }).click();
  await expect(cell('memberSalesAmount')).toHaveText('123.00');
  await expect(cell('memberShare')).toHaveText('73.2%');
  await page.screenshot({ path: `${SHOTS}/stats-member-share-zh-CN.png` });
  await page.getByRole('button', { name: '新增会员' }).click();
  await expect(cell('newMembers')).toHaveText('1');
  await page.getByRole('button', { name: '积分发放、兑换与过期' }).click();
  await expect(cell('pointsIssued')).toHaveText(String(earned));
  await expect(cell('pointsNet')).toHaveText(String(earned));
  await page.screenshot({ path: `${SHOTS}/stats-points-zh-CN.png` });
  // The tiers: the member stepped up from the entry tier with the sale, each view a chart and its table.
  const tierRow = (name: string) => view.locator(`tr[data-day="${name}"]`);
  await page.getByRole('button', { name: '会员等级分布' }).click();
  await expect(tierRow('银卡').locator('td[data-col="members"]')).toHaveText('1');
  await expect(tierRow('银卡').locator('td[data-col="shareOfMembers"]')).toHaveText('100.0%');
  await expect(tierRow('铜卡').locator('td[data-col="members"]')).toHaveText('0');
  await expect(view.getByTestId('stats-chart').locator('canvas')).toBeVisible();
  for (const path of [`${SHOTS}/stats-tiers-zh-CN.png`, test.info().outputPath('stats-tiers-zh-CN.png')])
    await page.screenshot({ path });
  await page.getByRole('button', { name: '会员升降级' }).click();
  const move = view.getByTestId('stats-table').locator('tbody tr');
  await expect(move).toHaveCount(1);
  await expect(move.locator('td')).toHaveText(['铜卡', '银卡', '升级', '1']);
  await expect(view.getByTestId('stats-chart').locator('canvas')).toBeVisible();
  for (const path of [`${SHOTS}/stats-tier-moves-zh-CN.png`, test.info().outputPath('stats-tier-moves-zh-CN.png')])
    await page.screenshot({ path });
  await page.getByRole('button', { name: '积分发放、兑换与过期' }).click();

  // The shop filter and the range: one shop has the same figures; a range without sales says so.
  const stats = page.getByTestId('stats');
  await stats.locator('select[name="shop"]').selectOption('shop-stats');
  await stats.getByRole('button', { name: '查询' }).click();
  await expect(cell('pointsIssued')).toHaveText(String(earned));
  await stats.locator('input[name="from"]').fill('2020-01-01');
  await stats.locator('input[name="to"]').fill('2020/1/31');
  await stats.getByRole('button', { name: '查询' }).click();
  await expect(view.getByTestId('stats-empty')).toHaveText('此日期范围内没有数据。');
  await stats.locator('input[name="to"]').fill('2019-12-31');
  await stats.getByRole('button', { name: '查询' }).click();
  await expect(stats.getByTestId('stats-bad-range')).toBeVisible();

  // Reload stays in the area; back goes to the area before.
  await page.reload();
  await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute('data-area', 'stats');
  await page.goBack();
  await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute('data-area', 'overview');
  await page.goForward();
  await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute('data-area', 'stats');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(nav.locator('a')).toHaveText([
    'Overview',
    'Statistics',
    'Members',
    'Campaigns',
    'Programme',
    'Shops & terminals',
    'Audit',
    'Users & tokens',
  ]);
  await expect(view.locator('th').nth(2)).toHaveText('Sales amount');
  await expect(cell('salesAmount')).toHaveText('168.00');
  await page.screenshot({ path: `${SHOTS}/stats-sales-en.png` });
  const [english] = await Promise.all([page.waitForEvent('download'), view.getByTestId('stats-csv').click()]);
  const englishRows: string[][] = parse(readFileSync(await english.path(), 'utf8'), { bom: true });
  expect(englishRows[0]).toEqual(['Day', 'Sales', 'Sales amount', 'Average basket', 'Refunds', 'Refunded amount']);
  await page.getByRole('button', { name: "Members' share of sales" }).click();
  await expect(cell('memberShare')).toHaveText('73.2%');
  await page.screenshot({ path: `${SHOTS}/stats-member-share-en.png` });
  await page.getByRole('button', { name: 'Points issued, redeemed and expired' }).click();
  await page.screenshot({ path: `${SHOTS}/stats-points-en.png` });
  await openArea(page, 'overview');
  await page.screenshot({ path: `${SHOTS}/overview-en.png` });
});

test('a campaign published at head office earns at the till, then shows its effect and what-if on the page', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const ho = headOffice();
  const t = till();
  const id = crypto.randomUUID();
  const now = Date.now();
  const DAY = 86_400_000;
  await ho.admin.call('upsertCampaign', {
    params: { id },
    body: {
      name: '整周双倍 Double week',
      rule: { kind: 'multiplier', multiplierBp: 20_000, weekdays: [0, 1, 2, 3, 4, 5, 6] },
      target: { kind: 'everyone' },
      startsAt: now - DAY,
      endsAt: now + 7 * DAY,
      overlap: 'stack',
      budgetPoints: 100_000,
      perMemberLimit: 10_000,
      holdoutBp: 0,
    },
  });
  await ho.admin.call('publishCampaign', { params: { id } });
  expect(valueOf(await t.api.syncNow({}))).toBeTruthy();
  const member = valueOf(
    await t.api.registerMember({ requestId: crypto.randomUUID(), name: '周双倍', phone: '13800138043' }),
  );
  const lines = [{ sku: 'G', category: 'general', quantity: 1, unitPriceMinor: 10_000 }];
  const plain = valueOf(await t.api.previewSale({ memberId: null, lines, pointsToSpend: 0 }));
  const sold = valueOf(await t.api.recordSale({ requestId: crypto.randomUUID(), memberId: member.id, lines }));
  const bonus = sold.pointsEarned - plain.pointsEarned;
  expect(bonus).toBeGreaterThan(0);
  valueOf(await t.api.syncNow({}));
  await ho.admin.call('derive');

  await signInPage(page, ho);
  await openArea(page, 'campaigns');
  const area = page.getByTestId('campaign-effect-area');
  await area.locator('select').selectOption(id);
  await area.getByRole('button', { name: '查看效果' }).click();
  const overall = area.getByTestId('campaign-effect').locator('tbody tr').first();
  await expect(overall.locator('td').nth(1)).toHaveText('1');
  await expect(overall.locator('td').nth(2)).toHaveText('1');
  // Money as the statistics write it: grouped, two decimals (not a bare 101187145.65).
  await expect(overall.locator('td').nth(3)).toHaveText(/^\d{1,3}(,\d{3})*\.\d{2}$/);
  await shot(page, 'headoffice-campaign-effect-zh-CN');
  await area.getByRole('button', { name: '模拟' }).click();
  await expect(area.getByTestId('what-if-result')).toBeVisible();
  await shot(page, 'headoffice-campaign-whatif-zh-CN');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(area.getByRole('heading', { level: 2 })).toHaveText(/campaign/i);
  await shot(page, 'headoffice-campaign-en');
});
