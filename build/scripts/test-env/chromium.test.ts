import { describe, expect, it } from 'vitest';
import { findChromium, INSTALL_COMMAND } from './chromium.mjs';

describe('finding a Chromium for the e2e tests', () => {
  const only =
    (...paths: string[]) =>
    (p: string) =>
      paths.includes(p);
  const pw = '/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

  it('takes TILLCARD_CHROMIUM first, then Debian’s headless shell, its browser, then Playwright’s own', () => {
    const env = { TILLCARD_CHROMIUM: '/opt/chrome' };
    const playwright = () => pw;
    expect(findChromium({ env, exists: only('/opt/chrome', '/usr/bin/chromium', pw), playwright })).toBe('/opt/chrome');
    const shell = '/usr/bin/chromium-headless-shell';
    expect(findChromium({ env: {}, exists: only(shell, '/usr/bin/chromium', pw), playwright })).toBe(shell);
    expect(findChromium({ env: {}, exists: only('/usr/bin/chromium', pw), playwright })).toBe('/usr/bin/chromium');
    expect(findChromium({ env: {}, exists: only(pw), playwright: () => pw })).toBe(pw);
  });

  it('finds none when nothing exists (Playwright’s path named but not downloaded)', () => {
    const env = { TILLCARD_CHROMIUM: '/nowhere' };
    expect(findChromium({ env, exists: () => false, playwright: () => pw })).toBeNull();
    expect(findChromium({ env: {}, exists: () => false, playwright: () => null })).toBeNull();
  });

  it('names the one command to run', () => {
    expect(INSTALL_COMMAND).toBe('sudo apt-get install -y chromium-headless-shell fonts-wqy-microhei');
  });
});
