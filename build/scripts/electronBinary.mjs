// Finds the Electron executable WITHOUT require('electron'): electron@42's index.js starts a
// download (install.js → @electron/get) when the binary is missing, which on an offline
// machine fails slowly. This mirrors install.js's own isInstalled() check instead.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths.mjs';

function readText(file) {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** @returns {{ found: true, executable: string, version: string } | { found: false, reason: string }} */
export function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(join(repoRoot, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed' };
  }
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  // Like index.js: an override folder without path.txt holds an executable named "electron".
  const platformPath = readText(join(packageDir, 'path.txt')) ?? (override ? 'electron' : null);
  if (!platformPath)
    return {
      found: false,
      reason: `electron ${version} is installed without its binary (no path.txt: the download was skipped or failed)`,
    };
  const distDir = override || join(packageDir, 'dist');
  const executable = join(distDir, platformPath);
  if (!existsSync(executable)) return { found: false, reason: `the Electron executable ${executable} does not exist` };
  if (!override) {
    const distVersion = readText(join(distDir, 'version'))?.replace(/^v/, '');
    if (distVersion !== version)
      return {
        found: false,
        reason: `the Electron binary is version ${distVersion ?? 'unknown'}, the package wants ${version}`,
      };
  }
  return { found: true, executable, version };
}

/** Electron's Node ABI (NODE_MODULE_VERSION), which the package ships in abi_version. */
export function electronAbi() {
  const packageDir = dirname(createRequire(join(repoRoot, 'package.json')).resolve('electron/package.json'));
  return readText(join(packageDir, 'abi_version'));
}
