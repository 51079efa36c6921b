// The short network-fault soak inside `npm test`: fixed seed, 10 terminals, 60 faults, head
// office as a real process (on PostgreSQL when TILLCARD_TEST_DATABASE_URL is set, as in CI).
// The long run is `npm run soak` (≥ 500 faults); figures in RELIABILITY.md.
import { describe, expect, it } from 'vitest';
import { networkSummaryLines, runNetworkSoak } from './soak';

describe('network-fault soak (fixed seed)', () => {
  it('loses nothing, duplicates nothing, and keeps every invariant through 60 faults', async () => {
    const result = await runNetworkSoak({ seed: 20_250_611, terminals: 10, faults: 60, log: () => undefined });
    // The first violations lead: a CI log keeps only the first lines of a failure.
    const summary = [...result.violations.slice(0, 3), ...networkSummaryLines(result)].join('\n');
    expect(result.violations, summary).toEqual([]);
    expect(result.recordsLost, summary).toBe(0);
    expect(result.recordsDuplicated, summary).toBe(0);
    expect(result.faults).toBeGreaterThanOrEqual(60);
    expect(result.terminals).toBe(10);
    expect(result.sales).toBeGreaterThan(0);
    expect(result.offlineWeek.daysAdvanced).toBe(7);
    if (result.backend === 'postgres') expect(result.kills).toBeGreaterThan(0);
  }, 120_000);
});
