import { defineConfig } from '@playwright/test';
import { findChromium } from '../build/scripts/test-env/chromium.mjs';

// The till end to end in Chromium against the browser host (the real core and a real SQLite
// file per test file). Electron cannot be downloaded here; the browser host is the same
// renderer build over a second transport.
export default defineConfig({
  testDir: '.',
  // Bundles the browser host once for the run, so no test file compiles TypeScript to start one.
  globalSetup: './bundleBrowserHost.setup.ts',
  testMatch: /.*\.spec\.ts$/,
  // Each file has its own browser host (and head office) on a temp folder and port 0, so three files run
  // side by side; the tests inside a file run in order. Three on two cores since the headless shell: with
  // the full browser a third worker made the run slower (the browsers then competed for the cores).
  fullyParallel: false,
  workers: 3,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: '../test-results/e2e-output',
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e.json' }]],
  // The browser-host walk, then the Electron walk (which skips itself where Electron's binary is
  // missing). The Electron spec rebuilds better-sqlite3, so it waits until every browser-host test
  // is done.
  projects: [
    { name: 'browser-host', testIgnore: /electron\.spec\.ts$/ },
    { name: 'electron', testMatch: /electron\.spec\.ts$/, dependencies: ['browser-host'] },
  ],
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 820 },
    locale: 'zh-CN',
    // A trace records every step's page and screenshot: about a quarter of the run's CPU on two cores. A
    // failure still saves its screenshot; for a trace, run the spec with `--trace retain-on-failure`.
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      // npm test passes the one it found (TILLCARD_CHROMIUM); run alone, the same search.
      executablePath: findChromium() ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
