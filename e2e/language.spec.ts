import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHoProcess, type HoProcess } from '../server/testing/hoProcess';
import { seedMigratedPgliteDir } from '../server/testing/pgliteTemplate';
import { findMember } from './cards';
import { scanCard, scanField, useTill, valueOf, refusalOf } from './till';

// The Chinese screen walked as a cashier meets it: every word a person reads is Chinese. A run of
// two or more Latin letters fails the test unless it is in this short list:
const ALLOWED = new Set([
  'Tillcard', // the product's name
  'English', // the language switch offers English in its own words
  'Esc',
  'Enter',
  'Alt',
  'PgUp',
  'PgDn', // key caps, as printed on the keyboard
]);
const FUNCTION_KEY = /^F(?:[1-9]|1[0-2])$/;
// Data the shop or this test typed is shown isolated (<bdi>, or FSI…PDI inside a sentence): it is
// not the till's wording, so it is left out; a name in an unisolated place is caught as a leftover.
const TEST_MEMBER = '周\u202E晓 Amy';

const hoDir = mkdtempSync(join(tmpdir(), 'tillcard-e2e-lang-ho-'));
let ho: HoProcess | null = null;
test.afterAll(async () => {
  await ho?.stop();
  rmSync(hoDir, { recursive: true, force: true });
});

const till = useTill();

interface Leftover {
  word: string;
  text: string;
}

/** Every visible text and every attribute a person reads, with isolated user data left out. */
async function readableTexts(page: Page): Promise<{ texts: string[]; unisolatedOverrides: string[] }> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const unisolatedOverrides: string[] = [];
    const visible = (el: Element): boolean => {
      // An <option> has no box of its own while its <select> is closed.
      const box = el.closest('select') ?? el;
      return box.checkVisibility({ visibilityProperty: true });
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent ?? '';
      if (!el || text.trim() === '' || el.closest('script, style') || !visible(el)) continue;
      const isolated = el.closest('bdi, [dir="auto"]') !== null;
      const outsideIsolates = text.replace(/\u2068[^\u2069]*\u2069/g, '');
      if (!isolated && /[\u202A-\u202E]/.test(outsideIsolates)) unisolatedOverrides.push(text);
      if (!isolated) texts.push(outsideIsolates);
    }
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
      if (!visible(el)) continue;
      for (const name of ['placeholder', 'title', 'aria-label']) {
        const value = el.getAttribute(name);
        if (value) texts.push(value.replace(/\u2068[^\u2069]*\u2069/g, ''));
      }
    }
    return { texts, unisolatedOverrides };
  });
}

async function expectAllChinese(page: Page, screen: string): Promise<void> {
  const { texts, unisolatedOverrides } = await readableTexts(page);
  const leftovers: Leftover[] = [];
  for (const text of texts) {
    for (const [word] of text.matchAll(/[A-Za-z]{2,}/g)) {
      if (!ALLOWED.has(word) && !FUNCTION_KEY.test(word)) leftovers.push({ word, text: text.trim() });
    }
  }
  // Soft: one run lists the leftovers of every screen.
  expect.soft(leftovers, `English left in the zh-CN ${screen}`).toEqual([]);
  expect.soft(unisolatedOverrides, `user text not isolated on the ${screen}`).toEqual([]);
}

test('every screen a cashier walks in zh-CN reads in Chinese, with user text isolated', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(till().url);
  await expect(page.getByRole('heading', { name: '欢迎使用 Tillcard' })).toBeVisible();
  await expectAllChinese(page, 'welcome screen');
  await page.getByRole('button', { name: /设置我的门店/ }).click();
  await expect(page.locator('select[name="currency"]')).toBeVisible();
  await expectAllChinese(page, 'shop set-up form');
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByRole('button', { name: /使用演示门店/ }).click();
  await expect(scanField(page)).toBeFocused();
  await expectAllChinese(page, 'demo till');

  // A member whose name carries a right-to-left override: found, sold to, given a receipt.
  const registered = await till().api.registerMember({
    requestId: crypto.randomUUID(),
    name: TEST_MEMBER,
    phone: '13600001111',
    birthday: null,
  });
  expect(registered.ok, JSON.stringify(refusalOf(registered))).toBe(true);
  const amy = await findMember(till(), '13600001111');
  await scanCard(page, amy.cardNumber);
  await expect(page.getByTestId('member-panel')).toBeVisible();
  await expectAllChinese(page, 'member panel');
  await page.keyboard.press('F4');
  await page.keyboard.type('128');
  await expect(page.getByTestId('explanation')).toBeVisible();
  await expect(page.getByTestId('earn-points')).toHaveText('+133');
  const formula = '(128.00 × 每 ¥1.00 积 1 分 + 到店 5 分) = 133';
  await expect.soft(page.getByTestId('explain-formula')).toHaveText(formula);
  await expectAllChinese(page, 'sale with its explanation');
  await page.keyboard.press('F12');
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expectAllChinese(page, 'receipt');
  await page.keyboard.press('Escape');

  // A long-standing member: rewards, sales and every kind of points movement in the history.
  const wang = await findMember(till(), '王芳');
  await scanCard(page, wang.cardNumber);
  await expect(page.getByTestId('member-panel')).toContainText('王芳');
  await page.keyboard.press('F8');
  await expect(page.getByTestId('reward-COFFEE')).toBeVisible();
  await expectAllChinese(page, 'rewards dialog');
  await page.keyboard.press('Escape');
  await page.keyboard.press('F9');
  await expect(page.getByTestId('history-sales')).toBeVisible();
  await expectAllChinese(page, 'sales history');
  await page.getByRole('tab', { name: '积分明细' }).click();
  await expect(page.getByTestId('history-ledger')).toBeVisible();
  await expectAllChinese(page, 'points history');
  await page.keyboard.press('Escape');
  await page.keyboard.press('F10');
  await page.keyboard.press('F2');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAllChinese(page, 'register dialog');
  await page.keyboard.press('Escape');

  // Head office: connected, then gone; "sync now" fails and the screen says why in Chinese.
  await seedMigratedPgliteDir(hoDir);
  ho = await startHoProcess({ TILLCARD_HO_DATA_DIR: hoDir });
  const status = await till().api.getStatus({});
  const codeFor = { shopId: valueOf(status).shopId ?? '', terminalCode: valueOf(status).terminalCode ?? '' };
  const { code } = await ho.admin.call('createEnrolmentCode', { body: codeFor });
  const enrolled = await till().api.enrolHeadOffice({ url: ho.url, code });
  expect(enrolled.ok, JSON.stringify(refusalOf(enrolled))).toBe(true);
  await ho.stop();
  ho = null;
  await page.getByTestId('headoffice-open').click();
  await page.getByTestId('headoffice-sync-now').click();
  const alert = page.getByTestId('headoffice-dialog').getByRole('alert');
  await expect(alert).toHaveAttribute('data-code', 'HEADOFFICE_UNREACHABLE');
  await expect(page.getByTestId('headoffice-last-error')).toBeVisible();
  await expectAllChinese(page, 'head-office dialog');
});
