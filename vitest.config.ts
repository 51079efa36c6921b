import { defineConfig } from 'vitest/config';

// Vitest has its own config because the renderer's Vite root is renderer/, not the repo root.
export default defineConfig({
  root: '.',
  test: {
    include: ['{shared,db,electron,renderer,server,build}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most files wait on SQLite, PostgreSQL or loopback HTTP: two at a time on two cores (the default
    // is one fewer than the cores, which left one idle).
    maxWorkers: 2,
  },
});
