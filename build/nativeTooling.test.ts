import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronAbi, findElectronBinary } from './scripts/electronBinary.mjs';
import { classifyProbe, installedSqliteAbi } from './scripts/nativeAbi.mjs';

// Node's own wording (src/node_binding.cc) when a native module has another ABI.
const mismatch = (built: number, wanted: number): string =>
  `Error: The module '/x/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\n` +
  `was compiled against a different Node.js version using\n` +
  `NODE_MODULE_VERSION ${built}. This version of Node.js requires\n` +
  `NODE_MODULE_VERSION ${wanted}. Please try re-compiling or re-installing\n` +
  `the module (for instance, using \`npm rebuild\` or \`npm install\`).`;

describe('which build of better-sqlite3 is installed', () => {
  it('reads a load in Node as the Node build, and an ABI refusal as the other ABI', () => {
    expect(classifyProbe({ status: 0, stderr: '' }, '115')).toEqual({ kind: 'node', abi: '115' });
    expect(classifyProbe({ status: 1, stderr: mismatch(146, 115) }, '115')).toEqual({ kind: 'other', abi: '146' });
    expect(
      classifyProbe({ status: 1, stderr: 'Error: Cannot find module better-sqlite3\n  at ...' }, '115'),
    ).toMatchObject({ kind: 'broken', detail: 'Error: Cannot find module better-sqlite3' });
  });

  it('finds the Node build here, where tests run', () => {
    expect(installedSqliteAbi()).toEqual({ kind: 'node', abi: process.versions.modules });
  });

  it('knows Electron’s ABI from the electron package', () => {
    expect(electronAbi()).toMatch(/^\d+$/);
  });
});

describe('finding the Electron binary without downloading it', () => {
  const saved = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const dirs: string[] = [];
  afterEach(() => {
    if (saved === undefined) delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    else process.env.ELECTRON_OVERRIDE_DIST_PATH = saved;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH as electron’s own index.js does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillcard-electron-'));
    dirs.push(dir);
    process.env.ELECTRON_OVERRIDE_DIST_PATH = dir;
    expect(findElectronBinary()).toMatchObject({ found: false });
    writeFileSync(join(dir, 'electron'), '#!/bin/sh\n');
    chmodSync(join(dir, 'electron'), 0o755);
    expect(findElectronBinary()).toMatchObject({ found: true, executable: join(dir, 'electron') });
  });

  it('answers with a reason, never a download, when the binary is missing', () => {
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const result = findElectronBinary();
    if (!result.found) expect(result.reason).toMatch(/electron|Electron/);
  });
});
