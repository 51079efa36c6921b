// Which Chromium the e2e tests drive: TILLCARD_CHROMIUM when set, Debian's (its headless shell first: the
// same engine without the browser's UI, about a third less CPU per test), or Playwright's own browser where
// it has been downloaded. None: Debian's is installed when we may (root with apt-get),
// otherwise the caller stops at once with the one command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';

export const DEBIAN_CHROMIUM = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
export const APT_PACKAGES = ['chromium-headless-shell', 'fonts-wqy-microhei'];
export const INSTALL_COMMAND = `sudo apt-get install -y ${APT_PACKAGES.join(' ')}`;
/** Where there is no apt-get (not Debian or Ubuntu), Playwright's own download. */
export const PLAYWRIGHT_INSTALL_COMMAND = 'npx playwright install chromium';

/** Playwright's own Chromium, if `npx playwright install chromium` has put it on this machine. */
export function playwrightChromium() {
  try {
    const { chromium } = createRequire(join(repoRoot, 'package.json'))('playwright-core');
    return chromium.executablePath();
  } catch {
    return null;
  }
}

/**
 * @param {{ env?: NodeJS.ProcessEnv, exists?: (path: string) => boolean, playwright?: () => string | null }} [deps]
 * @returns {string | null} the first Chromium that exists
 */
export function findChromium(deps = {}) {
  const { env = process.env, exists = existsSync, playwright = playwrightChromium } = deps;
  const candidates = [env.TILLCARD_CHROMIUM, ...DEBIAN_CHROMIUM, playwright()].filter(
    (p) => typeof p === 'string' && p !== '',
  );
  return candidates.find((p) => exists(p)) ?? null;
}

/** Root with apt-get: install Debian's Chromium (and a CJK font for the Chinese screens). */
export function canInstallWithApt() {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

export function installDebianChromium(log) {
  log(`run-tests: no Chromium found; installing Debian's (apt-get install ${APT_PACKAGES.join(' ')})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const opts = { stdio: 'inherit', env };
  if (spawnSync('apt-get', ['update', '-qq'], opts).status !== 0) return false;
  return spawnSync('apt-get', ['install', '-y', '-qq', ...APT_PACKAGES], opts).status === 0;
}

/**
 * A Chromium for the e2e tests, installing Debian's when it may.
 * @returns {{ path: string } | { missing: string }} `missing` is the one command the user must run
 */
export function ensureChromium(log = console.log) {
  const found = findChromium();
  if (found) return { path: found };
  if (canInstallWithApt() && installDebianChromium(log)) {
    const installed = findChromium();
    if (installed) return { path: installed };
  }
  return { missing: existsSync('/usr/bin/apt-get') ? INSTALL_COMMAND : PLAYWRIGHT_INSTALL_COMMAND };
}
