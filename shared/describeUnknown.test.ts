import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeUnknown } from './describeUnknown';

describe('describeUnknown', () => {
  it('describes any value without throwing, in at most maxChars plus an ellipsis', () => {
    const hostile = fc.constantFrom<unknown>(
      Object.create(null),
      { toString: 'x' },
      {
        toString: () => {
          throw new Error('no');
        },
      },
      { [Symbol.toPrimitive]: 1 },
      Symbol('s'),
      () => 1,
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), hostile), fc.integer({ min: 1, max: 200 }), (value, max) => {
        const text = describeUnknown(value, max);
        expect(typeof text).toBe('string');
        if (typeof value === 'string') expect(text.length).toBeLessThanOrEqual(max + 1);
      }),
    );
  });

  it('writes scalars as they are and names the rest', () => {
    expect(describeUnknown(2)).toBe('2');
    expect(describeUnknown('tillcard:getStatus')).toBe('tillcard:getStatus');
    expect(describeUnknown('x'.repeat(100), 5)).toBe('xxxxx…');
    expect(describeUnknown(null)).toBe('null');
    expect(describeUnknown(undefined)).toBe('nothing');
    expect(describeUnknown([1])).toBe('(a list)');
    expect(describeUnknown({ toString: '6200000000000001' })).toBe('(a object)');
  });
});
