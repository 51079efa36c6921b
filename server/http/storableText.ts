/**
 * Text PostgreSQL cannot store in text or json columns: a NUL character, or a UTF-16
 * surrogate without its pair (JSON.stringify writes it as a `\udXXX` escape, which PostgreSQL's
 * json refuses with 22P02). Checked at the HTTP boundary so such input is a VALIDATION refusal,
 * never a 500 from the database half-way through a write.
 */
const NUL = String.fromCharCode(0);
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isUnstorableText = (text: string): boolean => text.includes(NUL) || LONE_SURROGATE.test(text);

/** The path of the first string (key or value) in `value` PostgreSQL could not store, or null. */
export function unstorableTextPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isUnstorableText(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = unstorableTextPath(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (isUnstorableText(key)) return [...path, key];
      const found = unstorableTextPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
