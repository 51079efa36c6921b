import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { channels, contract, type Channel } from '../../shared/contract';
import { inputParser } from './inputParser';

/*
 * The compiled parser must answer exactly as the contract's schema does: the same verdict, the
 * same value (keys in the same order: the request text is taken of it), the same issues.
 */

/** Mostly what `schema` accepts, now and then anything at all: runs reach the deep checks and their edges. */
function nearValid(schema: z.core.$ZodType, depth = 0): fc.Arbitrary<unknown> {
  const wild = fc.anything({ maxDepth: 1 });
  const mostly = (arbitrary: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 30, arbitrary }, { weight: 1, arbitrary: wild });
  if (depth > 4) return wild;
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.core.$ZodType> = schema.shape;
    const model: Record<string, fc.Arbitrary<unknown>> = { stray: wild };
    for (const [key, field] of Object.entries(shape)) model[key] = nearValid(field, depth + 1);
    return mostly(fc.record(model, { requiredKeys: Object.keys(shape) }));
  }
  if (schema instanceof z.ZodArray) {
    const element: z.core.$ZodType = schema.element;
    const items = nearValid(element, depth + 1);
    return mostly(
      fc.oneof(
        { weight: 6, arbitrary: fc.array(items, { minLength: 1, maxLength: 4 }) },
        { weight: 1, arbitrary: fc.array(items, { maxLength: 1 }) },
      ),
    );
  }
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) {
    const inner: z.core.$ZodType = schema.unwrap();
    return fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
      { weight: 8, arbitrary: nearValid(inner, depth + 1) },
    );
  }
  if (schema instanceof z.ZodPipe) {
    const first: z.core.$ZodType = schema.in;
    return nearValid(first, depth + 1);
  }
  if (schema instanceof z.ZodEnum) return mostly(fc.constantFrom(...schema.options));
  if (schema instanceof z.ZodString) {
    if (schema.format === 'uuid') return mostly(fc.uuid());
    const minLength = schema.minLength ?? 0;
    const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 24, 24));
    const text = fc.string({ minLength, maxLength }).filter((t) => t.trim().length >= minLength);
    return mostly(
      fc.oneof(
        { weight: 9, arbitrary: text },
        { weight: 3, arbitrary: text.map((t) => ` ${t}\t`) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '',
            ' ',
            'CNY',
            '13800138000',
            '+86 138 0013 8000',
            '2024-02-29',
            '2023-02-29',
            '1'.repeat(90),
          ),
        },
      ),
    );
  }
  if (schema instanceof z.ZodNumber) {
    const min = schema.minValue ?? -1_000;
    const max = schema.maxValue ?? 1_000_000;
    const lowest = Math.max(min, Number.MIN_SAFE_INTEGER);
    const highest = Math.min(max, Number.MAX_SAFE_INTEGER);
    return mostly(
      fc.oneof(
        { weight: 12, arbitrary: fc.integer({ min: Math.max(lowest, -1e9), max: Math.min(highest, 1e9) }) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            -0,
            0.5,
            min,
            max,
            min - 1,
            max + 1,
            Number.MAX_SAFE_INTEGER + 2,
            Number.NaN,
            Infinity,
          ),
        },
      ),
    );
  }
  if (schema instanceof z.ZodBoolean) return mostly(fc.boolean());
  return wild;
}

function sameAnswer(channel: Channel, input: unknown): void {
  const schema: z.ZodType = contract[channel].input;
  const compiled = inputParser(channel).safeParse(input);
  const runtime = schema.safeParse(input);
  expect(compiled.success).toBe(runtime.success);
  if (compiled.success && runtime.success) {
    expect(compiled.data).toStrictEqual(runtime.data);
    expect(JSON.stringify(compiled.data)).toBe(JSON.stringify(runtime.data));
    // Fresh output: a caller that edits its input afterwards cannot change the parsed value.
    if (typeof input === 'object' && input !== null) expect(compiled.data).not.toBe(input);
  } else {
    expect(compiled.error?.issues).toStrictEqual(runtime.error?.issues);
  }
}

describe('compiled contract input parsers', () => {
  it.each(channels)('%s answers exactly as its schema does, for near-valid and arbitrary input', (channel) => {
    const schema: z.ZodType = contract[channel].input;
    fc.assert(
      fc.property(nearValid(schema), (input) => sameAnswer(channel, input)),
      { numRuns: 300 },
    );
  });

  it('compiles the till’s hot calls for real (a schema the compiler refuses would silently parse slowly)', () => {
    const hot: Channel[] = ['recordSale', 'previewSale', 'lookupCard', 'searchMembers', 'getMember', 'redeemReward'];
    for (const channel of hot)
      expect(() => z.compile(contract[channel].input, { strict: true }), channel).not.toThrow();
  });

  it('accepts a typical sale through the compiled path, trimmed and with defaults filled in', () => {
    const requestId = '6f1c1c2e-8f7a-4b8e-9d2a-1b2c3d4e5f60';
    const parsed = inputParser('recordSale').parse({
      requestId,
      memberId: null,
      lines: [{ sku: ' T-1 ', quantity: 2, unitPriceMinor: 1_250, note: 'dropped' }],
    });
    expect(parsed).toStrictEqual({
      memberId: null,
      lines: [{ sku: 'T-1', name: '', category: '', quantity: 2, unitPriceMinor: 1_250 }],
      pointsToSpend: 0,
      requestId,
    });
  });
});
