import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { contract } from '../../shared/contract';
import { canonicalJson } from '../platform/canonicalJson';
import { isKeyOrderStable, requestText } from './requestText';

const RecordSale = contract.recordSale.input;

/** The same object with its keys (at every depth) in a shuffled order. */
function reorder(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item, i) => reorder(item, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const shuffled = entries
    .map((e, i) => ({ e, k: (i * 7919 + seed * 104729) % 1009 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.e);
  return Object.fromEntries(shuffled.map(([k, v]) => [k, reorder(v, seed + 1)]));
}

const line = fc.record(
  {
    sku: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0),
    name: fc.string({ maxLength: 20 }),
    category: fc.constantFrom('general', 'drinks', ' bakery '),
    quantity: fc.integer({ min: 1, max: 9_999 }),
    unitPriceMinor: fc.integer({ min: 0, max: 1_000_000 }),
  },
  { requiredKeys: ['sku', 'quantity', 'unitPriceMinor'] },
);
const sale = fc.record(
  {
    requestId: fc.uuid(),
    memberId: fc.option(fc.uuid(), { nil: null }),
    lines: fc.array(line, { minLength: 1, maxLength: 4 }),
    pointsToSpend: fc.integer({ min: 0, max: 5_000 }),
    extra: fc.string(),
  },
  { requiredKeys: ['requestId', 'memberId', 'lines'] },
);

function textOf(input: unknown): string {
  const parsed = RecordSale.parse(input);
  const { requestId: _ignored, ...rest } = parsed;
  return requestText(RecordSale, rest);
}

describe('request text', () => {
  it('takes the cheap path only for schemas whose parsed keys follow the schema', () => {
    expect(isKeyOrderStable(RecordSale)).toBe(true);
    expect(isKeyOrderStable(contract.registerMember.input)).toBe(false); // the phone is a transform
    expect(isKeyOrderStable(z.object({ a: z.record(z.string(), z.number()) }))).toBe(false);
    expect(isKeyOrderStable(z.looseObject({ a: z.string() }))).toBe(false);
    expect(isKeyOrderStable(z.strictObject({ a: z.string() }))).toBe(true);
    expect(isKeyOrderStable(z.object({ page: z.object({ n: z.number() }).default({ n: 0 }) }))).toBe(false);
  });

  it('does not depend on the order the caller wrote the keys in', () => {
    fc.assert(
      fc.property(sale, fc.nat(1_000), (input, seed) => {
        expect(textOf(reorder(input, seed))).toBe(textOf(input));
      }),
      { numRuns: 500 },
    );
  });

  it('tells two sales apart exactly when the canonical JSON does', () => {
    fc.assert(
      fc.property(sale, sale, (a, b) => {
        const canon = (x: unknown) => {
          const { requestId: _ignored, ...rest } = RecordSale.parse(x);
          return canonicalJson(rest);
        };
        expect(textOf(a) === textOf(b)).toBe(canon(a) === canon(b));
        expect(textOf(a)).toBe(textOf(structuredClone(a)));
      }),
      { numRuns: 500 },
    );
  });

  it('falls back to canonical JSON where keys keep the caller order', () => {
    const schema = z.object({ tags: z.record(z.string(), z.number()) });
    expect(requestText(schema, schema.parse({ tags: { b: 1, a: 2 } }))).toBe(
      requestText(schema, schema.parse({ tags: { a: 2, b: 1 } })),
    );
  });
});
