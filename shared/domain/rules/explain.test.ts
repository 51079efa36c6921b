import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BP_ONE } from './eligible';
import { times } from './explain';
import { rat, toShortDecimal } from './rational';

describe('times', () => {
  it('writes a multiplier as the exact rational would be written', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(0, 1, 10, 10_000, 15_000, 12_345, 100_001)), (bp) => {
        expect(times(bp)).toBe(toShortDecimal(rat(BigInt(bp), BigInt(BP_ONE))));
      }),
      { numRuns: 2_000 },
    );
    expect([times(15_000), times(10_000), times(12_500), times(0), times(5)]).toEqual(['1.5', '1', '1.25', '0', '0.0005']);
  });
});
