import { defineConfig } from 'vitest/config';
import { VITEST_WORKERS } from './build/scripts/test-env/workers.mjs';

// Vitest has its own config because the renderer's Vite root is renderer/, not the repo root.
export default defineConfig({
  root: '.',
  test: {
    include: ['{shared,db,electron,renderer,server,build}/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The command line's bundle, built once for every file that runs it.
    globalSetup: ['build/scripts/test-env/vitestGlobalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // build/scripts/test-env/workers.mjs says why this many; npm test starts one PostgreSQL per worker.
    maxWorkers: VITEST_WORKERS,
  },
});
