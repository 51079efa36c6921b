#!/usr/bin/env node
// npm run build:browser-host — the browser host as one ES module with the migrations beside it:
//   dist/browser-host/main.js      (finds the renderer at dist/renderer, as the sources do)
//   dist/browser-host/migrations/  the committed drizzle-kit migrations
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleBackupWorker, bundleBrowserHost, copyMigrations } from './electronBundles.mjs';
import { repoRoot } from './paths.mjs';

const outDir = join(repoRoot, 'dist', 'browser-host');
rmSync(outDir, { recursive: true, force: true });
try {
  await bundleBrowserHost(join(outDir, 'main.js'));
  await bundleBackupWorker(join(outDir, 'backupWorker.js'));
  copyMigrations(join(outDir, 'migrations'));
} catch (error) {
  // esbuild has already printed its errors with their source lines.
  console.error(
    `build-browser-host: failed${error instanceof Error && !('errors' in error) ? `: ${error.message}` : ''}`,
  );
  process.exit(1);
}
console.log('build-browser-host: dist/browser-host/main.js and migrations/ written');
