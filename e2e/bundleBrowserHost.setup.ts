import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Playwright's global set-up: the browser host as the shop runs it, rebuilt if this checkout's sources changed. */
export default function bundleBrowserHost(): void {
  const repo = resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, ['build/scripts/build-if-changed.mjs', 'browser-host'], {
    cwd: repo,
    stdio: 'inherit',
  });
}
