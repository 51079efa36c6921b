import { z } from 'zod';
import { canonicalJson } from '../platform/canonicalJson';

/*
 * The text the dispatcher keeps to recognise a repeated request. It must not depend on the
 * order the caller wrote the keys in. A value parsed by a z.object that strips unknown keys
 * already has its keys in the schema's order, whatever the input's order, so plain
 * JSON.stringify is canonical for it — and ~3× cheaper than sorting every object's keys
 * (canonicalJson), which the sale paid on every call. Schemas that can carry caller-ordered
 * keys (z.record, loose objects, transforms, anything not listed) keep canonicalJson.
 */

const stableCache = new WeakMap<z.ZodType, boolean>();

/** True when every object a value parsed by `schema` can hold has its keys in schema order. */
export function isKeyOrderStable(schema: z.ZodType): boolean {
  const known = stableCache.get(schema);
  if (known !== undefined) return known;
  const stable = decide(schema);
  stableCache.set(schema, stable);
  return stable;
}

function decide(schema: z.ZodType): boolean {
  if (schema instanceof z.ZodObject) {
    // Stripped (no catchall) or strict (catchall never): only the shape's keys, in its order.
    const catchall: unknown = schema.def.catchall;
    if (catchall !== undefined && !(catchall instanceof z.ZodNever)) return false;
    return Object.values(schema.shape).every((field) => field instanceof z.ZodType && isKeyOrderStable(field));
  }
  if (schema instanceof z.ZodArray) return schema.element instanceof z.ZodType && isKeyOrderStable(schema.element);
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) {
    const inner: unknown = schema.def.innerType;
    return inner instanceof z.ZodType && isKeyOrderStable(inner);
  }
  // A default is used as written, not parsed: an object default's keys need not follow the
  // shape, so it would hash unlike the same object sent explicitly. Only scalar defaults.
  if (schema instanceof z.ZodDefault) {
    const inner: unknown = schema.def.innerType;
    return inner instanceof z.ZodType && isScalar(inner);
  }
  if (schema instanceof z.ZodUnion)
    return schema.options.every((option) => option instanceof z.ZodType && isKeyOrderStable(option));
  return isScalar(schema);
}

function isScalar(schema: z.ZodType): boolean {
  return (
    schema instanceof z.ZodString ||
    schema instanceof z.ZodNumber ||
    schema instanceof z.ZodBoolean ||
    schema instanceof z.ZodEnum ||
    schema instanceof z.ZodLiteral ||
    schema instanceof z.ZodNull
  );
}

/** What a repeated request is compared by: JSON of the parsed input, key-order independent. */
export function requestText(schema: z.ZodType, parsedInput: unknown): string {
  return isKeyOrderStable(schema) ? (JSON.stringify(parsedInput) ?? 'null') : canonicalJson(parsedInput);
}
