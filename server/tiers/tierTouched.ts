import type { Applied } from '../sync/bulkPlan';

/**
 * The members whose tier a derived batch may have moved: a sale with a member (spend), an earning
 * or a reversal of one (points earned), a manager's override. Other rows never move a tier.
 */
export function tierTouched(applied: Applied): string[] {
  const out = new Set<string>();
  for (const s of applied.summaries.sales) if (s.memberId) out.add(s.memberId);
  for (const f of applied.feed) {
    if (f.kind === 'tier_override') out.add(f.entityId);
    const { type, memberId } = f.payload;
    if (f.kind === 'ledger' && (type === 'earn' || type === 'reversal') && typeof memberId === 'string')
      out.add(memberId);
  }
  return [...out];
}
