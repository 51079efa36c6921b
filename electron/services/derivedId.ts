import { createHash } from 'node:crypto';

// A UUID (version 5 layout, SHA-1 of a fixed namespace and a name) for a fact two places could
// write alike, such as a member's birthday bonus of one year: every till derives the same id, so
// the fact is stored once at head office and a till that pulled it does not give it again.
const NAMESPACE = 'tillcard:derived:';

export function derivedUuid(name: string): string {
  const h = createHash('sha1')
    .update(NAMESPACE + name)
    .digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
