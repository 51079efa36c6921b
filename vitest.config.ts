import { defineConfig } from 'vitest/config';
import { VITEST_WORKERS } from './build/scripts/test-env/workers.mjs';

// Vitest has its own config because the renderer's Vite root is renderer/, not the repo root.
export default defineConfig({
  root: '.',
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // build/scripts/test-env/workers.mjs says why this many; npm test starts one PostgreSQL per worker.
    maxWorkers: VITEST_WORKERS,
    // The command line's bundle, built once for every file that runs it.
    globalSetup: ['build/scripts/test-env/vitestGlobalSetup.ts'],
    projects: [
      {
        // The pure rules and head office: no module mocks, no process-wide settings, so a worker keeps the modules
        // it loaded from one file to the next (loading them afresh per file cost minutes of a CI run).
        extends: true,
        test: {
          name: 'shared-modules',
          include: ['{shared,db,server}/**/*.test.{ts,tsx}'],
          isolate: false,
          // PostgreSQL servers of their own (server/testing/databases.ts).
          env: { TILLCARD_TEST_SERVER_GROUP: '0' },
        },
      },
      {
        // The terminal, the till and the build scripts mock Electron, change the environment or the working folder:
        // each file loads its modules afresh.
        extends: true,
        test: {
          name: 'isolated',
          include: ['{electron,renderer,build}/**/*.test.{ts,tsx}'],
          env: { TILLCARD_TEST_SERVER_GROUP: '1' },
        },
      },
    ],
  },
});
