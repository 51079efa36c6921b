import { z } from 'zod';

/**
 * Text PostgreSQL cannot store in text or json columns: a NUL character, or a UTF-16
 * surrogate without its pair (JSON.stringify writes it as a `\udXXX` escape, which PostgreSQL's
 * json refuses with 22P02). One rule for both sides: head office refuses such input at its HTTP
 * boundary and quarantines a record holding it; the till's contract and its outbox refuse it
 * first, so a record head office would refuse is never written.
 */
const NUL = String.fromCharCode(0);
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isUnstorableText = (text: string): boolean => text.includes(NUL) || LONE_SURROGATE.test(text);
export const isStorableText = (text: string): boolean => !isUnstorableText(text);

/** The refinement message (a validation key the till translates) for such text. */
export const UNSTORABLE_TEXT = 'text_unstorable';

/** A string schema that refuses what head office cannot store, with the message above. */
export const StorableString = () => z.string().refine(isStorableText, UNSTORABLE_TEXT);

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
