#!/usr/bin/env node
// npm run build:cli — the command line as one ES module with the migrations beside it:
//   dist/cli/main.js       (`npx tillcard` runs it through build/scripts/tillcard.mjs)
//   dist/cli/migrations/   the committed drizzle-kit migrations
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleBackupWorker, bundleCli, copyMigrations } from './electronBundles.mjs';
import { repoRoot } from './paths.mjs';

const outDir = join(repoRoot, 'dist', 'cli');
rmSync(outDir, { recursive: true, force: true });
try {
  await bundleCli(join(outDir, 'main.js'));
  await bundleBackupWorker(join(outDir, 'backupWorker.js'));
  copyMigrations(join(outDir, 'migrations'));
} catch (error) {
  // esbuild has already printed its errors with their source lines.
  console.error(`build-cli: failed${error instanceof Error && !('errors' in error) ? `: ${error.message}` : ''}`);
  process.exit(1);
}
console.error('build-cli: dist/cli/main.js and migrations/ written');
