/**
 * A value that came from outside (a request body, an IPC call), written for an error message or
 * its details. Never calls the value's own conversion: `String(x)` throws for an object without a
 * prototype or whose `toString` is not a function — the soak's fuzzing found both, each turning a
 * refusal into a crash. Long text is cut to `maxChars`.
 */
export function describeUnknown(value: unknown, maxChars = 80): string {
  if (typeof value === 'string') return value.length > maxChars ? `${value.slice(0, maxChars)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${value}`;
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? '(a list)' : `(a ${typeof value})`;
}
