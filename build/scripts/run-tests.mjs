#!/usr/bin/env node
// `npm test`: unit and integration tests (Vitest, plain Node build of better-sqlite3),
// then the till end to end in Chromium (Playwright). Ends with one plain line
// "N passed, N failed, N skipped" summed over both, so a run that executed nothing
// cannot look green. On a fresh machine it finds (or installs) a Chromium and starts a
// throwaway PostgreSQL itself, and says just above that line what it left out and why.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './test-env/chromium.mjs';
import { startThrowawayPostgres } from './test-env/postgres.mjs';
import { VITEST_WORKERS } from './test-env/workers.mjs';
import { repoRoot } from './paths.mjs';

process.chdir(repoRoot);
const results = 'test-results';
mkdirSync(results, { recursive: true });
const vitestJson = `${results}/vitest.json`;
const e2eJson = `${results}/e2e.json`;
rmSync(vitestJson, { force: true });
rmSync(e2eJson, { force: true });

// What this run set up, and what it left out; printed at the end, above the totals line.
const notes = [];
const cleanups = [];
const cleanUp = () => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
};
let running = null;
process.on('exit', cleanUp);
// Ctrl-C reaches the test runner too (one foreground group); a TERM sent to us alone is passed on.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(signal, () => {
    running?.kill(signal);
    process.exit(code);
  });
}

const runEnv = { ...process.env };
const run = (cmd, args) =>
  new Promise((resolve) => {
    running = spawn(cmd, args, { stdio: 'inherit', env: runEnv });
    running.on('error', () => resolve(1));
    running.on('exit', (code) => resolve(code ?? 1));
  });

const e2eWanted = existsSync('e2e/playwright.config.ts') && process.env.TILLCARD_SKIP_E2E !== '1';
if (e2eWanted) {
  const chromium = ensureChromium((line) => console.log(line));
  if ('missing' in chromium) {
    // Every e2e test would fail to launch: stop now rather than after the unit tests.
    console.error(`run-tests: no Chromium for the end-to-end tests. Install one with:\n  ${chromium.missing}`);
    process.exit(1);
  }
  runEnv.TILLCARD_CHROMIUM = chromium.path;
  notes.push(`Chromium: ${chromium.path}`);
} else {
  notes.push('End-to-end tests skipped: TILLCARD_SKIP_E2E=1');
}

if (process.env.TILLCARD_TEST_DATABASE_URL) {
  notes.push('PostgreSQL: the server in TILLCARD_TEST_DATABASE_URL');
} else {
  // One server per Vitest worker and project group (vitest.config.ts): the pull feed's bound is the cluster's
  // oldest writing transaction, so a file writing in one database must not hold back another file's pulls.
  const servers = [];
  for (let worker = 0; worker < 2 * VITEST_WORKERS; worker++) {
    const pg = await startThrowawayPostgres();
    if ('skipped' in pg) {
      notes.push(`PostgreSQL tests skipped: ${pg.skipped}`);
      break;
    }
    cleanups.push(pg.stop);
    servers.push(pg);
  }
  if (servers.length > 0) {
    runEnv.TILLCARD_TEST_DATABASE_URL = servers[0].url;
    runEnv.TILLCARD_TEST_DATABASE_URLS = servers.map((pg) => pg.url).join(' ');
    const ports = servers.map((pg) => pg.port).join(' and ');
    notes.push(`PostgreSQL: throwaway servers on 127.0.0.1:${ports}, one per test worker (removed afterwards)`);
  }
}

// The tests load better-sqlite3 in plain Node; a build left over from `npm start`
// (rebuilt for Electron) would not load here, so put the Node build back first.
if (existsSync('build/scripts/rebuild-native.mjs')) await run('node', ['build/scripts/rebuild-native.mjs', 'node']);

const totals = { passed: 0, failed: 0, skipped: 0 };
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

const vitestArgs = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`];
const vitestStatus = await run('npx', vitestArgs);
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
if (e2eWanted) {
  e2eStatus = await run('npm', ['run', 'e2e']);
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

// CI shows only the end of what a run printed: name each failure there, with the first lines of why that say
// something (an assertion's message may open with a blank line or the bare error name).
const why = (message) =>
  String(message ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^[A-Za-z]*Error:?$/.test(line))
    .slice(0, 3)
    .join(' · ')
    .slice(0, 400);
const failures = [];
for (const file of vitest?.testResults ?? []) {
  for (const test of file.assertionResults ?? []) {
    if (test.status !== 'failed') continue;
    failures.push(
      `${file.name.replace(`${repoRoot}/`, '')} › ${test.fullName ?? test.title}: ${why(test.failureMessages?.[0])}`,
    );
  }
  if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
    failures.push(`${file.name.replace(`${repoRoot}/`, '')}: ${why(file.message)}`);
  }
}
const e2eSpecs = (suite) => [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(e2eSpecs)];
for (const spec of (readJson(e2eJson)?.suites ?? []).flatMap(e2eSpecs)) {
  if (spec.ok) continue;
  const result = spec.tests?.[0]?.results?.at(-1);
  failures.push(`${spec.file}:${spec.line} › ${spec.title}: ${why(result?.error?.message)}`);
}
cleanUp();
if (failures.length > 0) console.log(`Failed:\n${failures.map((line) => `  ${line}`).join('\n')}`);
const ran = totals.passed + totals.failed;
if (ran === 0) totals.failed += 1;
for (const note of notes) console.log(note);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || vitestStatus !== 0 || e2eStatus !== 0 ? 1 : 0);
