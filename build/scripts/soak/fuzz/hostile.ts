// Values a broken or malicious caller sends: wrong types, edge numbers, hostile strings,
// prototype keys, deep nesting. fc.anything() covers the rest of the JSON-ish space.
import fc from 'fast-check';

const edgeNumbers = fc.constantFrom(
  -1,
  -0,
  0.5,
  1e21,
  -1e21,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER - 2,
  2 ** 31,
  2 ** 53,
  1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.EPSILON,
);

const edgeStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\u0007bell',
  '\t\n\r',
  "' OR 1=1 --",
  '"; DROP TABLE sales; --',
  '%s%n%x',
  '${process.exit()}',
  '__proto__',
  'constructor',
  '\uFEFF13800138000',
  '１３８００１３８０００',
  '+86 138 0013 8000',
  '0000000000000000',
  '6200000000000001',
  'null',
  'undefined',
  'NaN',
  '1e400',
  '-1',
  '00000000-0000-0000-0000-000000000000',
  '00000000-0000-4000-8000-00000000000G',
  '\uD800',
  '😀'.repeat(40),
  'x'.repeat(10_000),
  'a\u0301'.repeat(30),
  '2025-02-29',
  '1899-12-31',
  '9999-99-99',
  'zh-CN ',
  'EN',
  'cny',
);

/**
 * One hostile value: typed edge cases, strings, and arbitrary structures. In process (IPC-like)
 * anything goes, BigInt, Map and null-prototype objects included; over HTTP only what JSON can carry.
 */
export function hostileValue(transport: 'inProcess' | 'json'): fc.Arbitrary<unknown> {
  const structures =
    transport === 'inProcess'
      ? fc.anything({
          maxDepth: 3,
          withNullPrototype: true,
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
        })
      : fc.jsonValue({ maxDepth: 3 });
  return fc.oneof(
    { weight: 3, arbitrary: edgeNumbers },
    { weight: 3, arbitrary: edgeStrings },
    { weight: 2, arbitrary: fc.integer() },
    { weight: 2, arbitrary: fc.double() },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false) },
    // A fresh [] and {} per value: one shared instance would be mutated by later inputs (mutate.ts
    // adds keys in place) and could end up inside itself — a cycle that overflowed the stack.
    { weight: 1, arbitrary: fc.boolean().map((isArray): unknown => (isArray ? [] : {})) },
    { weight: 2, arbitrary: structures },
  );
}

/** Keys to add next to the real ones. */
export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'requestId', 'memberId', 'extra'),
  fc.string({ maxLength: 12 }),
);
