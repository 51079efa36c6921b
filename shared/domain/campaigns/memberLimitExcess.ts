// Head office is the arbiter of a campaign's per-member limit across tills: two offline tills may
// each give a member the whole limit. Once it has derived a member's campaign rows, what they hold
// over the limit is taken back, from the newest of the rows just derived first, one reversal row
// per row it takes from (naming it). ONE rule, pure: head office runs it, the tests check it.

/** The terminal column of a limit correction (head office's own rows): a till tells them apart by it. */
export const LIMIT_CORRECTION_TERMINAL = 'headoffice';

export interface CampaignGrantRow {
  id: string;
  delta: number;
  createdAt: number;
}

export interface LimitCorrection {
  reversesId: string;
  /** Negative: the points taken back from that row. */
  delta: number;
}

/**
 * The corrections that bring a member's campaign total (`total`, every row of that member and
 * campaign, the fresh ones included) down to `limit`, taken only from `fresh` (the rows just
 * derived): rows derived earlier were within the limit when they were derived.
 */
export function limitCorrections(limit: number, total: number, fresh: readonly CampaignGrantRow[]): LimitCorrection[] {
  let excess = total - limit;
  if (excess <= 0) return [];
  const newestFirst = [...fresh].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  const out: LimitCorrection[] = [];
  for (const row of newestFirst) {
    if (excess <= 0) break;
    const take = Math.min(excess, Math.max(0, row.delta));
    if (take === 0) continue;
    out.push({ reversesId: row.id, delta: -take });
    excess -= take;
  }
  return out;
}
