import { describe, expect, it } from 'vitest';
import { formatMultiplier } from './multiplier';

describe('formatMultiplier', () => {
  it('writes a multiplier in basis points as people read it', () => {
    const bps = [15_000, 10_000, 12_500, 12_345, 0, 5];
    expect(bps.map(formatMultiplier)).toEqual(['1.5', '1', '1.25', '1.2345', '0', '0.0005']);
  });

  it('writes the exact factor, never rounded to two places', () => {
    expect(formatMultiplier(12_345)).toBe('1.2345');
    expect(formatMultiplier(20_000)).toBe('2');
    expect(formatMultiplier(100_000)).toBe('10');
  });
});
