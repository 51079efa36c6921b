import type { LiftFigures, LiftMeasure } from '../../shared/admin/campaignEffect';
import type { Campaign, CampaignTarget } from '../../shared/domain/campaigns/campaign';
import { inHoldout } from '../../shared/domain/campaigns/holdout';
import { welchLift, type Lift } from '../stats/liftInterval';

// The lift of a campaign from its members' buying (pure): who is in the population, who is held
// out (the engine's own hash), and the two measures' intervals. README.md says why this population.

const DAY_MS = 86_400_000;

/** One member's buying at one shop: before the campaign (the look-back) and during it. */
export interface MemberShopBuying {
  memberId: string;
  shopId: string;
  joinedAt: number;
  visitsBefore: number;
  visitsDuring: number;
  spendDuringMinor: number;
}

export type Population = 'activeBefore' | 'buyers';

/**
 * Whether the campaign meant this member when it started (a member who joins during it is meant
 * by a new-members campaign too). A tiers campaign: the member's tier at the start by head office's
 * tier history (`tierAtStart`, server/tiers/tiersAt.ts); null when none was given.
 */
export function targetedAtStart(
  target: CampaignTarget,
  memberId: string,
  joinedAt: number,
  startsAt: number,
  tierAtStart?: ReadonlyMap<string, string | null>,
) {
  switch (target.kind) {
    case 'everyone':
      return true;
    case 'tiers': {
      if (!tierAtStart) return null;
      const tier = tierAtStart.get(memberId) ?? null;
      return tier !== null && target.tiers.includes(tier);
    }
    case 'newMembers':
      return joinedAt >= startsAt - target.withinDays * DAY_MS;
    case 'segment':
      return target.memberIds.includes(memberId);
  }
}

const unknown = (): LiftMeasure => ({
  treated: { n: 0, mean: 0 },
  holdout: { n: 0, mean: 0 },
  difference: null,
  interval: null,
  notComputable: 'targetUnknown',
});

function measure(treated: number[], holdout: number[], minGroup: number): LiftMeasure {
  return liftMeasure(welchLift(treated, holdout, minGroup));
}

/** The answer's shape of one measure's lift. */
export function liftMeasure(lift: Lift): LiftMeasure {
  const i = lift.interval;
  return {
    treated: { n: lift.treated.n, mean: lift.treated.mean },
    holdout: { n: lift.holdout.n, mean: lift.holdout.mean },
    difference: i.difference,
    interval: i.computable ? { low: i.low, high: i.high, df: i.df } : null,
    notComputable: i.computable ? null : i.reason,
  };
}

/**
 * Spend and visits per member during the campaign, treated against held out, among the targeted
 * members of the population: 'activeBefore' = bought in the look-back (zeros count: a member who
 * stayed away is part of the effect); 'buyers' = bought during it. Rows of every shop are summed
 * per member; pass one shop's rows for that shop's lift.
 */
export function campaignLift(
  campaign: Pick<Campaign, 'id' | 'target' | 'holdoutBp' | 'startsAt'>,
  rows: readonly MemberShopBuying[],
  population: Population,
  minGroup: number,
  // The engine's split; head office passes a faster equal one (holdoutOnServer.ts).
  heldOut: (memberId: string) => boolean = (memberId) => inHoldout(campaign.id, memberId, campaign.holdoutBp),
  // A tiers campaign's members: their tier at its start (without it the target is unknown).
  tierAtStart?: ReadonlyMap<string, string | null>,
): LiftFigures {
  if (campaign.target.kind === 'tiers' && !tierAtStart) return { spendMinor: unknown(), visits: unknown() };
  const perMember = new Map<string, { joinedAt: number; before: number; during: number; spend: number }>();
  for (const r of rows) {
    const m = perMember.get(r.memberId) ?? { joinedAt: r.joinedAt, before: 0, during: 0, spend: 0 };
    m.before += r.visitsBefore;
    m.during += r.visitsDuring;
    m.spend += r.spendDuringMinor;
    perMember.set(r.memberId, m);
  }
  const spend = { treated: [] as number[], holdout: [] as number[] };
  const visits = { treated: [] as number[], holdout: [] as number[] };
  for (const [memberId, m] of [...perMember].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if ((population === 'activeBefore' ? m.before : m.during) === 0) continue;
    if (targetedAtStart(campaign.target, memberId, m.joinedAt, campaign.startsAt, tierAtStart) !== true) continue;
    const group = heldOut(memberId) ? 'holdout' : 'treated';
    spend[group].push(m.spend);
    visits[group].push(m.during);
  }
  return {
    spendMinor: measure(spend.treated, spend.holdout, minGroup),
    visits: measure(visits.treated, visits.holdout, minGroup),
  };
}
