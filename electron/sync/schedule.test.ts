import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay, localMinutes, parseCloseAt } from './schedule';

describe('sync schedule', () => {
  it('backs off exponentially with jitter, never above the maximum or below half the step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (failures, r) => {
          const ceiling = Math.min(300_000, 1_000 * 2 ** Math.min(failures - 1, 30));
          const d = backoffDelay(failures, 1_000, 300_000, () => r);
          expect(d).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
          expect(d).toBeLessThanOrEqual(ceiling);
        },
      ),
    );
  });

  it('reads the close time and the shop-local minute of the day', () => {
    expect(parseCloseAt('23:30')).toBe(23 * 60 + 30);
    for (const bad of ['24:00', '7:00', '12:60', '']) expect(() => parseCloseAt(bad)).toThrow();
    expect(localMinutes(Date.UTC(2025, 5, 1, 15, 45), 'Asia/Shanghai')).toBe(23 * 60 + 45);
  });
});
