import { expect, test } from '@playwright/test';
import { useHeadOffice } from './headOffice';
import { ARTIFACTS, managerMenuButton, managerTool, refusalOf, scanCard, scanField, useTill, valueOf } from './till';

// Issue 15: an enrolled shop's goods are head office's. An item head office adds reaches the till by
// one sync, the Goods tab shows it read-only (no add, no edit), and scanning its barcode sells it.
process.env.TILLCARD_SYNC_INTERVAL_MS = '500';
process.env.TILLCARD_SYNC_BACKOFF_MAX_MS = '2000';

const till = useTill({ demo: true });
const headOffice = useHeadOffice('ho-goods');
const JAM = { sku: 'JAM-HO', barcode: '6901234567823', name: 'Jam 果酱', priceMinor: 1_650 };

test('head office’s product reaches the till read-only and sells by its barcode (zh-CN, en)', async ({ page }) => {
  test.setTimeout(120_000);
  const status = valueOf(await till().api.getStatus({}));
  const shopId = status.shopId ?? '';
  const { code } = await headOffice().admin.call('createEnrolmentCode', {
    body: { shopId, shopName: 'Nanjing Rd', terminalCode: status.terminalCode ?? '' },
  });
  const enrolled = await till().api.enrolHeadOffice({ url: headOffice().url, code });
  expect(enrolled.ok, JSON.stringify(refusalOf(enrolled))).toBe(true);
  await headOffice().admin.call('addGoods', { body: JAM });
  const synced = await till().api.syncNow({});
  expect(synced.ok, JSON.stringify(refusalOf(synced))).toBe(true);
  // A pull reads head office's changes up to its oldest transaction still writing (nothing is ever skipped): one
  // still open when the item was added brings it at a next sync (every 500 ms here), before the screen opens.
  await expect
    .poll(async () => valueOf(await till().api.listGoods({ find: JAM.sku })).map((g) => g.sku), { timeout: 30_000 })
    .toContain(JAM.sku);

  for (const locale of ['zh-CN', 'en'] as const) {
    valueOf(await till().api.setLocale({ locale }));
    await page.goto(till().url);
    await expect(scanField(page)).toBeFocused();
    await managerMenuButton(page).click();
    await managerTool(page, 'programme').click();
    const row = page.locator(`[data-testid="goods-row"][data-sku="${JAM.sku}"]`);
    // Once (a CI rehearsal, 2026-12-04) the screen showed its first tab again after this click: mounted afresh, cause
    // not found. The click is made again if so; the row must then show.
    await expect(async () => {
      await page.getByTestId('programme-tab-goods').click();
      await expect(row).toContainText(JAM.name, { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByTestId('programme-readonly')).toBeVisible();
    await expect(page.getByTestId('goods-new')).toHaveCount(0);
    await expect(page.getByTestId('goods-edit')).toHaveCount(0);
    await page.screenshot({ path: `${ARTIFACTS}/goods-readonly-${locale}.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('programme-screen')).toHaveCount(0);
    await scanCard(page, JAM.barcode);
    await expect(page.locator('#line-sku-0')).toHaveValue(JAM.sku);
    await expect(page.getByTestId('total')).toHaveText('¥16.50');
  }
  expect(refusalOf(await till().api.addGoods({ sku: 'LOCAL-1', name: 'Local', priceMinor: 100 }))?.code).toBe(
    'GOODS_AT_HEAD_OFFICE',
  );
});
