// The load test's machinery on a small scale: a second process pushes from 5 enrolled terminals
// for 2 s; every acknowledged record must be stored once. (Throughput is not asserted here:
// speed lives in `npm run soak` / `npm run bench`, never in a test.)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSummaryLines, runLoadTest } from './loadTest';
import { percentile } from './stats';

describe('percentile', () => {
  it('is one of the samples, between min and max, and monotone in p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 0, max: 100 }),
        (xs, p) => {
          const v = percentile(xs, p);
          expect(xs).toContain(v);
          expect(v).toBeLessThanOrEqual(percentile(xs, Math.min(100, p + 1)));
          expect(percentile(xs, 100)).toBe(Math.max(...xs));
        },
      ),
    );
    expect(percentile([], 99)).toBe(0);
    expect(percentile([5, 1, 9, 3], 50)).toBe(3);
  });
});

describe('head-office load test (small)', () => {
  it('pushes from a second process and loses or duplicates nothing', async () => {
    const r = await runLoadTest({ seed: 11, terminals: 5, seconds: 2, batchRecords: 20, log: () => undefined });
    const summary = loadSummaryLines(r).join('\n');
    expect(r.violations, summary).toEqual([]);
    expect(r.errors, summary).toBe(0);
    expect(r.lost).toBe(0);
    expect(r.duplicated).toBe(0);
    expect(r.records).toBeGreaterThan(0);
    expect(Object.keys(r.ackedThrough)).toHaveLength(5);
  }, 90_000);
});
