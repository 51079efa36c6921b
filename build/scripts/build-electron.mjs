#!/usr/bin/env node
// npm run build:electron — bundles the Electron main process and preload, and ships the
// migrations beside them:
//   dist-electron/main.js      ESM, platform node; electron and better-sqlite3 stay external
//   dist-electron/backupWorker.js  the daily backup's worker thread (ESM)
//   dist-electron/preload.cjs  CommonJS (sandboxed preload), with the contract's channel table
//   dist-electron/migrations/  the committed drizzle-kit migrations
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleBackupWorker, bundleMain, bundlePreload, copyMigrations } from './electronBundles.mjs';
import { repoRoot } from './paths.mjs';

const outDir = join(repoRoot, 'dist-electron');
rmSync(outDir, { recursive: true, force: true });

async function step(what, run) {
  try {
    await run();
  } catch (error) {
    // esbuild has already printed its errors with their source lines.
    console.error(
      `build-electron: ${what} failed${error instanceof Error && !('errors' in error) ? `: ${error.message}` : ''}`,
    );
    process.exit(1);
  }
}

await step('bundling electron/main.ts', () => bundleMain(join(outDir, 'main.js')));
await step('bundling db/backupWorker.ts', () => bundleBackupWorker(join(outDir, 'backupWorker.js')));
await step('bundling electron/preload.ts', () => bundlePreload(join(outDir, 'preload.cjs')));
await step('copying db/migrations', () => copyMigrations(join(outDir, 'migrations')));
console.log('build-electron: dist-electron/main.js, backupWorker.js, preload.cjs and migrations/ written');
