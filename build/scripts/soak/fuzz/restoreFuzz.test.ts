import { describe, expect, it } from 'vitest';
import { runRestoreFuzz } from './restoreFuzz';

// A short run of the soak's restore fuzz: every damaged backup refused (database untouched) or harmless.
describe('restore fuzz', () => {
  it('refuses damaged backups without touching the database', { timeout: 240_000 }, async () => {
    const result = await runRestoreFuzz({ seed: 17, runs: 25, log: () => undefined });
    expect(result.violations).toEqual([]);
    expect(result.tallies[0]?.inputs).toBe(25);
    expect(result.tallies[0]?.crashes).toBe(0);
  });
});
