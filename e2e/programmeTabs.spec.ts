import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Locale } from '../shared/contract/primitives';
import { ARTIFACTS, openManagerTool, scanField, useTill, valueOf } from './till';

// Issue 15, the Programme screen at a 1366 px till: its tabs stand in one row in both languages,
// each whole on screen, and the arrow keys walk them.

const till = useTill({ demo: true });
const SHOTS = ARTIFACTS;
test.use({ viewport: { width: 1366, height: 768 } });

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `panel-programme-tabs-${name}.png`) });
}

for (const locale of ['zh-CN', 'en'] satisfies Locale[]) {
  test(`the Programme screen's tabs stand in one row (${locale})`, async ({ page }) => {
    valueOf(await till().api.setLocale({ locale }));
    await page.goto(till().url);
    await expect(scanField(page)).toBeFocused();
    await openManagerTool(page, 'programme');
    await expect(page.getByTestId('programme-screen')).toBeVisible();
    const tabs = page.getByTestId('programme-screen').getByRole('tablist');
    const boxes = await tabs.evaluate((list) =>
      [...list.querySelectorAll('[role="tab"]')].map((tab) => {
        const r = tab.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, right: r.right };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(8);
    // One row: every tab overlaps every other vertically; nothing hides past the strip's end.
    expect(Math.max(...boxes.map((b) => b.top))).toBeLessThan(Math.min(...boxes.map((b) => b.bottom)));
    expect(await tabs.evaluate((list) => list.scrollWidth - list.clientWidth)).toBeLessThanOrEqual(0);
    for (const tab of await tabs.getByRole('tab').all()) await expect(tab).toBeInViewport({ ratio: 1 });
    await snap(page, locale);

    // ← → walk the tabs, the last one too.
    await page.getByTestId('programme-tab-earn').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('programme-tab-goods')).toBeFocused();
    await expect(page.getByTestId('programme-tab-goods')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('programme-screen')).toHaveCount(0);
  });
}
