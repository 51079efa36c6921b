import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Clock } from '../../../electron/platform/sources';
import { DEFAULT_END_MS } from '../generate/generator';
import { repoRoot } from '../paths.mjs';
import e2eConfig from '../../../e2e/playwright.config';
import { TILL_PROBE_SCRIPT } from './tillProbe';

// The browser side of the till suite: the renderer build, Chromium as the e2e tests launch it,
// and the clock the browser host writes sales with.

export const rendererDir = join(repoRoot, 'dist', 'renderer');

/** The suite drives the built till; build it once when it is missing (vite, ~20 s). */
export function ensureRendererBuilt(log: (message: string) => void): void {
  if (existsSync(join(rendererDir, 'index.html'))) return;
  log('bench: dist/renderer is missing; running npm run build:renderer');
  const built = spawnSync('npm', ['run', 'build:renderer'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0 || !existsSync(join(rendererDir, 'index.html')))
    throw new Error('npm run build:renderer failed; the till suite needs dist/renderer');
}

/** Debian's Chromium with exactly the e2e tests' flags (one place: e2e/playwright.config.ts). */
export async function launchTillBrowser(): Promise<Browser> {
  const launch = e2eConfig.use?.launchOptions ?? {};
  return chromium.launch({ ...launch, headless: true });
}

/** A fresh tab (empty cache, like a till that has just started) with the timing probe installed. */
export async function newTillPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: e2eConfig.use?.viewport ?? { width: 1366, height: 820 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  await page.addInitScript({ content: TILL_PROBE_SCRIPT });
  return page;
}

/**
 * Real time, moved to just after the generated history and after the sale suite's clock
 * (which starts at +9 h and moves one second per sale), so the till's sales come last.
 */
export function benchTillClock(): Clock {
  const start = DEFAULT_END_MS + 12 * 3_600_000;
  const origin = Date.now();
  return { now: () => start + (Date.now() - origin) };
}

export interface TillProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Bundles the browser host (`npm run build:browser-host`) before anything is timed. */
export function buildBrowserHost(): void {
  const built = spawnSync(process.execPath, ['build/scripts/build-browser-host.mjs'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('npm run build:browser-host failed');
}

/**
 * `node dist/browser-host/main.js` on the dataset, as `npm run start:browser` runs it once the
 * renderer and the host are built: resolves when the process prints its URL line.
 */
export function startTillProcess(dataDir: string): Promise<TillProcess> {
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'browser-host', 'main.js')], {
    cwd: repoRoot,
    env: { ...process.env, TILLCARD_DATA_DIR: dataDir, TILLCARD_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = (): Promise<void> =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the browser host did not print its URL within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /Tillcard till: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the browser host exited (${String(code)}):\n${output}`));
    });
  });
}
