import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from '../build/scripts/electronBinary.mjs';
import { zhCN as t } from '../renderer/i18n/zhCN';

/**
 * The till walk in the real Electron app: IPC, preload, sandbox and the packaged layout.
 * Runs only where Electron's binary exists; elsewhere the browser-host specs walk the same
 * renderer and core over HTTP. It rebuilds better-sqlite3 for Electron before the walk and
 * restores the Node build after it, so keep it in a project that does not run in parallel
 * with the browser-host specs.
 */
const root = join(import.meta.dirname, '..');
const binary = findElectronBinary();
const skipReason = binary.found
  ? ''
  : `Electron till e2e skipped: ${binary.reason}. The browser-host e2e covers the same walk.`;
if (!binary.found) console.log(skipReason);

test.describe.configure({ mode: 'serial' });
test.skip(!binary.found, skipReason);

const node = (script: string, ...args: string[]): void => {
  execFileSync(process.execPath, [join(root, 'build', 'scripts', script), ...args], { cwd: root, stdio: 'inherit' });
};

let dataDir: string;

test.beforeAll(() => {
  node('build-electron.mjs');
  node('rebuild-native.mjs', 'electron');
  dataDir = mkdtempSync(join(tmpdir(), 'tillcard-electron-e2e-'));
});

test.afterAll(() => {
  node('rebuild-native.mjs', 'node');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function launch(): Promise<{ app: ElectronApplication; page: Page }> {
  if (!binary.found) throw new Error(skipReason);
  const app = await electron.launch({
    executablePath: binary.executable,
    args: [root],
    env: { ...process.env, TILLCARD_DATA_DIR: dataDir, NODE_ENV: 'test' },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

const phone = '13800138123';

test('the till walk: demo shop, register, scan, sale', async () => {
  const { app, page } = await launch();
  try {
    expect(page.url()).toBe('tillcard://app/index.html');
    // The renderer gets one narrow bridge and nothing of Node or Electron.
    const surface = await page.evaluate(() => ({
      bridge: Object.keys(window.tillcard ?? {}),
      require: typeof (window as unknown as Record<string, unknown>).require,
      process: typeof (window as unknown as Record<string, unknown>).process,
      opened: window.open('https://example.com') === null,
    }));
    expect(surface).toEqual({ bridge: ['invoke'], require: 'undefined', process: 'undefined', opened: true });
    const unknown = await page.evaluate(() => window.tillcard?.invoke('ipcRenderer', {}));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await page.getByRole('button', { name: t.welcome.demo }).click();
    await expect(page.getByText(t.app.demoBadge)).toBeVisible();

    await page.getByRole('button', { name: t.keys.register }).click();
    await page.getByLabel(t.register.name).fill('王小明');
    await page.getByLabel(t.register.phone).fill(phone);
    await page.getByRole('button', { name: t.register.submit }).click();
    await expect(page.getByText(t.register.done)).toBeVisible();
    await page.getByRole('button', { name: t.register.close }).click();

    // The card number as head office would print it; typed like a USB scanner (digits + Enter).
    const found = await page.evaluate((query) => window.tillcard?.invoke('searchMembers', { query }), phone);
    const cardNumber = (found as { value: { members: { cardNumber: string }[] } }).value.members[0]?.cardNumber ?? '';
    expect(cardNumber).toMatch(/^\d{16}$/);
    await page.getByLabel(t.scan.label).fill('');
    await page.keyboard.type(cardNumber);
    await page.keyboard.press('Enter');
    await expect(page.getByText('王小明')).toBeVisible();

    await page.getByLabel(t.sale.amountLabel).fill('128.00');
    await page.getByRole('button', { name: t.sale.confirm }).click();
    await expect(page.getByText(t.receipt.title)).toBeVisible();
    await expect(page.getByText(t.receipt.earned)).toBeVisible();
  } finally {
    await app.close();
  }
});

test('the sale is still there after the till restarts', async () => {
  const { app, page } = await launch();
  try {
    // A restart signs everyone out: the demo manager signs in again (the demo's PIN).
    const signedIn = await page.evaluate(async () => {
      const choices = (await window.tillcard?.invoke('signInChoices', {})) as {
        value: { staffId: string; role: string }[];
      };
      const manager = choices.value.find((c) => c.role === 'manager');
      return window.tillcard?.invoke('signIn', { staffId: manager?.staffId, pin: '1234' });
    });
    expect(signedIn).toMatchObject({ ok: true });
    const found = await page.evaluate((query) => window.tillcard?.invoke('searchMembers', { query }), phone);
    expect(found).toMatchObject({ ok: true, value: { members: [{ name: '王小明' }] } });
    const memberId = (found as { value: { members: { id: string }[] } }).value.members[0]?.id;
    const sales = await page.evaluate((id) => window.tillcard?.invoke('memberSales', { memberId: id }), memberId);
    expect(sales).toMatchObject({ ok: true, value: { total: 1, items: [{ totalMinor: 12_800 }] } });
    const status = await page.evaluate(() => window.tillcard?.invoke('getStatus', {}));
    expect(status).toMatchObject({ ok: true, value: { configured: true, demo: true } });
  } finally {
    await app.close();
  }
});
