import { join } from 'node:path';
import { resolveConfig } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from './paths.mjs';

// The till and head office's page are always React's production build: under Vitest (NODE_ENV=test) `npm start`
// once built a development till, whose StrictMode ran every effect twice, and the e2e tests then used it.
const configs = ['renderer/vite.config.ts', 'server/web/vite.config.ts'];

describe('the web builds', () => {
  const was = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = was;
  });
  it.each(configs)('%s builds for production whatever NODE_ENV says', async (file) => {
    process.env.NODE_ENV = 'test';
    const config = await resolveConfig({ configFile: join(repoRoot, file) }, 'build');
    expect(config.isProduction).toBe(true);
    expect(process.env.NODE_ENV).toBe('production');
  });
});
