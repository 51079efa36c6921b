import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createApi, type ApiError, type Result, type TillApi } from '../shared/contract';
import { browserHostTransport, TOKEN_PARAM } from '../shared/contract/browserHost';

// One browser host per test file, on a fresh temp data folder, started the way a shop starts it
// (`node dist/browser-host/main.js`, bundled by the run's global set-up); the URL line it prints is read back.

const repo = resolve(import.meta.dirname, '..');
const BROWSER_HOST = join(repo, 'dist', 'browser-host', 'main.js');
/** Where the specs leave their screenshots (ignored by git; CI keeps the folder). */
export const ARTIFACTS = join(repo, 'e2e-artifacts');

export interface Till {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Calls straight to the core over the host's API, typed by the contract (test setup, checking what was stored). */
  api: TillApi;
}

/** The value of an answer the test needs to have succeeded; a refusal fails the test with its error. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`the call was refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The refusal of an answer, or undefined when it succeeded. */
export function refusalOf(result: Result<unknown>): ApiError | undefined {
  return result.ok ? undefined : result.error;
}

async function startHost(clockAt?: number): Promise<{ till: Till; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tillcard-e2e-'));
  const child = spawn(process.execPath, [BROWSER_HOST], {
    cwd: repo,
    env: {
      ...process.env,
      TILLCARD_DATA_DIR: dataDir,
      TILLCARD_PORT: '0',
      NODE_ENV: 'test',
      ...(clockAt === undefined ? {} : { TILLCARD_TEST_CLOCK_MS: String(clockAt) }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Tillcard till: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`browser host exited (${code}):\n${output}`)));
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get(TOKEN_PARAM) ?? '';
  const till: Till = {
    url,
    origin: parsed.origin,
    token,
    dataDir,
    api: createApi(browserHostTransport({ origin: parsed.origin, token, fetch: (path, init) => fetch(path, init) })),
  };
  return { till, child };
}

/**
 * Registers beforeAll/afterAll for this file; the returned getter gives the running till. `clockAt`
 * starts the host's clock at that instant (electron/browser-host/testClock.ts).
 */
export function useTill(options: { demo?: boolean; clockAt?: number } = {}): () => Till {
  let running: { till: Till; child: ChildProcess } | null = null;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    running = await startHost(options.clockAt);
    if (options.demo) {
      const r = await running.till.api.setupDemoShop({});
      if (!r.ok) throw new Error(`setupDemoShop failed: ${JSON.stringify(r.error)}`);
    }
  });
  test.afterAll(async () => {
    if (!running) return;
    const { child, till } = running;
    await new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
    rmSync(till.dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!running) throw new Error('the till is not running');
    return running.till;
  };
}

export const scanField = (page: Page) => page.locator('#scan-input');

/**
 * A USB scanner: the digits in a burst a few ms apart, then Enter; back when the till has answered (the
 * field empties on a find and selects what failed otherwise), as a cashier waits for the member to show.
 */
export async function scanCard(page: Page, number: string): Promise<void> {
  await scanField(page).focus();
  await page.keyboard.type(number, { delay: 2 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    const field = document.querySelector<HTMLInputElement>('#scan-input');
    if (!field || field.getAttribute('aria-busy') === 'true') return false;
    return field.value === '' || (field.selectionStart === 0 && field.selectionEnd === field.value.length);
  });
}

/** F4, the amount as typed, Enter: the focus goes back to the scan field. */
export async function keyAmount(page: Page, amount: string): Promise<void> {
  await page.keyboard.press('F4');
  await expect(page.locator('#amount-input')).toBeFocused();
  await page.keyboard.type(amount);
  await page.keyboard.press('Enter');
  await expect(scanField(page)).toBeFocused();
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** The tools of the status bar's manager menu, by the name in their test ids (renderer/components/ManagerMenu.tsx). */
export type ManagerTool =
  | 'staff'
  | 'programme'
  | 'largeSaleLimit'
  | 'memberCheckLimit'
  | 'backupKeep'
  | 'auditTrail'
  | 'campaigns'
  | 'dayReport'
  | 'sales'
  | 'memberList'
  | 'importExport'
  | 'leaveDemo';

export const managerMenuButton = (page: Page) => page.getByTestId('manager-menu-open');
export const managerTool = (page: Page, tool: ManagerTool) => page.getByTestId(`manager-tool-${tool}`);

/** Opens the manager menu in the status bar and picks one tool from it (its dialog opens). */
export async function openManagerTool(page: Page, tool: ManagerTool): Promise<void> {
  await managerMenuButton(page).click();
  await managerTool(page, tool).click();
  await expect(page.getByTestId('manager-menu')).toHaveCount(0);
}

/** Signs out whoever is signed in and signs in one of the demo shop's staff with their PIN (any language). */
export async function signInAs(page: Page, staff: { staffName: string; pin: string }): Promise<void> {
  await page.getByTestId('sign-out').click();
  const form = page.getByTestId('sign-in-form');
  await expect(form).toBeVisible();
  const option = form.locator('option', { hasText: staff.staffName });
  await form.locator('select[name="staffId"]').selectOption((await option.getAttribute('value')) ?? '');
  await form.locator('input[name="pin"]').fill(staff.pin);
  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId('signed-in')).toContainText(staff.staffName);
}
