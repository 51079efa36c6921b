import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { limitCorrections } from './memberLimitExcess';

const row = fc.record({
  id: fc.uuid(),
  delta: fc.integer({ min: 1, max: 500 }),
  createdAt: fc.integer({ min: 0, max: 1_000_000 }),
});

describe('limitCorrections', () => {
  it('brings a total that was within the limit before the fresh rows back to the limit, taking only from them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 8 }),
        (limit, before, fresh) => {
          const prior = Math.min(before, limit);
          const total = prior + fresh.reduce((s, r) => s + r.delta, 0);
          const out = limitCorrections(limit, total, fresh);
          const taken = out.reduce((s, c) => s - c.delta, 0);
          expect(taken).toBe(Math.max(0, total - limit));
          expect(total - taken).toBeLessThanOrEqual(limit);
          const byId = new Map(fresh.map((r) => [r.id, r]));
          for (const c of out) {
            expect(c.delta).toBeLessThan(0);
            expect(-c.delta).toBeLessThanOrEqual(byId.get(c.reversesId)?.delta ?? 0);
          }
          expect(new Set(out.map((c) => c.reversesId)).size).toBe(out.length);
        },
      ),
    );
  });

  it('takes from the newest fresh row first', () => {
    const out = limitCorrections(50, 90, [
      { id: 'old', delta: 30, createdAt: 1 },
      { id: 'new', delta: 30, createdAt: 2 },
    ]);
    expect(out).toEqual([
      { reversesId: 'new', delta: -30 },
      { reversesId: 'old', delta: -10 },
    ]);
  });
});
