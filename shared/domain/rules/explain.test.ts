import { describe, expect, it } from 'vitest';
import { times } from './explain';

describe('times', () => {
  it('writes a multiplier in basis points as people read it', () => {
    expect([times(15_000), times(10_000), times(12_500), times(12_345), times(0), times(5)]).toEqual(['1.5', '1', '1.25', '1.2345', '0', '0.0005']);
  });
});
