import type { WhatIfAnswer, WhatIfFigures } from '../../shared/admin/campaignEffect';
import {
  applyCampaigns,
  type CampaignEvent,
  type CampaignMember,
  type CampaignRoom,
} from '../../shared/domain/campaigns/applyCampaigns';
import type { Campaign } from '../../shared/domain/campaigns/campaign';
import { pointsCostMinor, type PointValue } from './programmeValue';

// The what-if's replay (pure): past events, in time order, through THE campaign engine, with the
// budget and the per-member limit kept as a till keeps them; what would have been given, where,
// which week, and what each cap would have withheld.

const WEEK_MS = 7 * 86_400_000;
const UNLIMITED: CampaignRoom = { budgetLeft: Number.MAX_SAFE_INTEGER, memberLeft: null };

export interface ReplayEvent {
  shopId: string;
  member: CampaignMember;
  event: CampaignEvent;
}

interface Tally {
  points: number;
  members: Set<string>;
  sales: number;
  signups: number;
}

const tally = (): Tally => ({ points: 0, members: new Set(), sales: 0, signups: 0 });

const figuresOf = (t: Tally, value: PointValue): WhatIfFigures => ({
  bonusPoints: t.points,
  costMinor: pointsCostMinor(t.points, value),
  members: t.members.size,
  sales: t.sales,
  signups: t.signups,
});

const pointsOf = (c: Campaign, r: ReplayEvent, room: CampaignRoom): number =>
  applyCampaigns([c], r.member, r.event, () => room).reduce((sum, b) => sum + b.points, 0);

export type ReplayResult = Pick<WhatIfAnswer, 'total' | 'byWeek' | 'byShop' | 'budget' | 'memberLimit'>;

/** `campaign` must run over [from, from + weeks) (the caller sets its dates); `events` sorted by time. */
export function replayCampaign(
  campaign: Campaign,
  events: readonly ReplayEvent[],
  from: number,
  weeks: number,
  value: PointValue,
): ReplayResult {
  const total = tally();
  const byWeek = Array.from({ length: weeks }, tally);
  const byShop = new Map<string, Tally>();
  const got = new Map<string, number>();
  const cappedMembers = new Set<string>();
  let used = 0;
  let budgetWithheld = 0;
  let memberWithheld = 0;
  let exhaustedAt: number | null = null;
  for (const r of events) {
    const raw = pointsOf(campaign, r, UNLIMITED);
    if (raw === 0) continue;
    const memberLeft = campaign.perMemberLimit === null ? null : campaign.perMemberLimit - (got.get(r.member.id) ?? 0);
    const budgetLeft = campaign.budgetPoints - used;
    const given = pointsOf(campaign, r, { budgetLeft, memberLeft });
    // What the member's limit alone withholds; the rest of the shortfall is the budget's.
    const byLimit = memberLeft === null ? 0 : Math.max(0, raw - Math.max(0, memberLeft));
    if (byLimit > 0) cappedMembers.add(r.member.id);
    memberWithheld += byLimit;
    budgetWithheld += raw - given - byLimit;
    if (given === 0) continue;
    used += given;
    got.set(r.member.id, (got.get(r.member.id) ?? 0) + given);
    if (exhaustedAt === null && used >= campaign.budgetPoints) exhaustedAt = r.event.at;
    const week = byWeek[Math.min(weeks - 1, Math.floor((r.event.at - from) / WEEK_MS))];
    const shop = byShop.get(r.shopId) ?? tally();
    byShop.set(r.shopId, shop);
    for (const t of [total, shop, ...(week ? [week] : [])]) {
      t.points += given;
      t.members.add(r.member.id);
      if (r.event.kind === 'sale') t.sales += 1;
      else t.signups += 1;
    }
  }
  if (exhaustedAt === null && budgetWithheld > 0) exhaustedAt = from;
  return {
    total: figuresOf(total, value),
    byWeek: byWeek.map((t, i) => ({ weekStart: from + i * WEEK_MS, figures: figuresOf(t, value) })),
    byShop: [...byShop]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([shopId, t]) => ({ shopId, figures: figuresOf(t, value) })),
    budget: { budgetPoints: campaign.budgetPoints, withheldPoints: budgetWithheld, exhaustedAt },
    memberLimit: {
      perMemberLimit: campaign.perMemberLimit,
      withheldPoints: memberWithheld,
      membersCapped: cappedMembers.size,
    },
  };
}
