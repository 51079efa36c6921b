import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Playwright's global set-up: the browser host as the shop runs it, built from the sources of this checkout. */
export default function bundleBrowserHost(): void {
  const repo = resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, ['build/scripts/build-browser-host.mjs'], { cwd: repo, stdio: 'inherit' });
}
