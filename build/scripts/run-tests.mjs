#!/usr/bin/env node
// `npm test`: unit and integration tests (Vitest, plain Node build of better-sqlite3),
// then the till end to end in Chromium (Playwright). Ends with one plain line
// "N passed, N failed, N skipped" summed over both, so a run that executed nothing
// cannot look green.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
mkdirSync(results, { recursive: true });
const vitestJson = `${results}/vitest.json`;
const e2eJson = `${results}/e2e.json`;
rmSync(vitestJson, { force: true });
rmSync(e2eJson, { force: true });

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

// The tests load better-sqlite3 in plain Node; a build left over from `npm start`
// (rebuilt for Electron) would not load here, so put the Node build back first.
if (existsSync('build/scripts/rebuild-native.mjs')) run('node', ['build/scripts/rebuild-native.mjs', 'node']);

const totals = { passed: 0, failed: 0, skipped: 0 };
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
} else {
  totals.failed += 1;
  console.error('run-tests: Vitest wrote no results');
}
if (vitestStatus !== 0 && totals.failed === 0) totals.failed += 1; // e.g. a file that failed to load

let e2eStatus = 0;
if (existsSync('e2e/playwright.config.ts') && process.env.TILLCARD_SKIP_E2E !== '1') {
  e2eStatus = run('npm', ['run', 'e2e']);
  const e2e = readJson(e2eJson);
  if (e2e) {
    totals.passed += e2e.stats.expected + e2e.stats.flaky;
    totals.failed += e2e.stats.unexpected;
    totals.skipped += e2e.stats.skipped;
  } else {
    totals.failed += 1;
    console.error(`run-tests: Playwright wrote no results to ${e2eJson}`);
  }
  if (e2eStatus !== 0 && (!e2e || e2e.stats.unexpected === 0)) totals.failed += 1;
}

const ran = totals.passed + totals.failed;
if (ran === 0) totals.failed += 1;
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || vitestStatus !== 0 || e2eStatus !== 0 ? 1 : 0);
