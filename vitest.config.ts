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
  },
});
