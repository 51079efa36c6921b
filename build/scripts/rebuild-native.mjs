#!/usr/bin/env node
// Usage: node build/scripts/rebuild-native.mjs electron|node
// better-sqlite3 is a native module built for ONE ABI: Node's (tests, bench, browser host,
// head office tools) or Electron's (npm run start:electron, npm run package). This switches
// it to the one asked for, and does nothing when it is already right.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { electronAbi } from './electronBinary.mjs';
import { installedSqliteAbi } from './nativeAbi.mjs';
import { repoRoot } from './paths.mjs';

const target = process.argv[2];
if (target !== 'electron' && target !== 'node') {
  console.error('usage: node build/scripts/rebuild-native.mjs electron|node');
  process.exit(2);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const now = installedSqliteAbi();

if (target === 'node') {
  if (now.kind === 'node') {
    console.log(`rebuild-native: better-sqlite3 already has Node's ABI ${now.abi}`);
  } else {
    console.log(
      `rebuild-native: better-sqlite3 has ABI ${now.abi ?? `? (${now.detail})`}; rebuilding for Node ` +
        `${process.version}`,
    );
    run('npm', ['rebuild', 'better-sqlite3']);
    const after = installedSqliteAbi();
    if (after.kind !== 'node') {
      console.error('rebuild-native: better-sqlite3 still does not load in Node after the rebuild');
      process.exit(1);
    }
  }
} else {
  const wanted = electronAbi();
  if (now.kind === 'other' && now.abi === wanted) {
    console.log(`rebuild-native: better-sqlite3 already has Electron's ABI ${wanted}`);
  } else {
    const electronVersion = createRequire(join(repoRoot, 'package.json'))('electron/package.json').version;
    console.log(
      `rebuild-native: rebuilding better-sqlite3 for Electron ${electronVersion} (ABI ${wanted}); run "node ` +
        `build/scripts/rebuild-native.mjs node" before tests`,
    );
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: repoRoot, electronVersion, onlyModules: ['better-sqlite3'], force: true });
    const after = installedSqliteAbi();
    if (after.kind !== 'other' || after.abi !== wanted) {
      console.error(
        `rebuild-native: better-sqlite3 has ABI ${after.abi ?? '?'} after the rebuild, not Electron's ${wanted}`,
      );
      process.exit(1);
    }
  }
}
