import { z } from 'zod';
import { isStorableText, UNSTORABLE_TEXT } from '../../storableText';
import { RfmSegment } from '../../stats/rfm';
import { MAX_HOLDOUT_BP } from './holdout';

// A campaign: one schema for head office's admin route, the pull change and the till. Campaigns are
// not part of the RuleSet: each is its own entity with a life cycle (draft → scheduled → running →
// ended, or cancelled), derived from its dates and its published/cancelled flags (campaignStatus).

/** A campaign multiplier in basis points: above ×1 (10000) and at most ×10, so a typo cannot give away the shop. */
export const MAX_CAMPAIGN_MULTIPLIER_BP = 100_000;
/** The most points one campaign may give at once (a spend, birthday, visit or signup bonus). */
export const MAX_CAMPAIGN_BONUS_POINTS = 1_000_000;
export const MAX_CAMPAIGN_BUDGET_POINTS = 1_000_000_000;
/** A segment list head office sends: member ids, at most this many. */
export const MAX_SEGMENT_MEMBERS = 50_000;

const Points = z.number().int().min(1).max(MAX_CAMPAIGN_BONUS_POINTS);
const MultiplierBp = z.number().int().min(10_001).max(MAX_CAMPAIGN_MULTIPLIER_BP);
const Ms = z.number().int().min(0);
const Code = z.string().trim().min(1).max(40).refine(isStorableText, UNSTORABLE_TEXT);

/** What a campaign gives. Every bonus is extra points on top of the programme's earn. */
export const CampaignRule = z.discriminatedUnion('kind', [
  /** The sale's earned points ×multiplier (the extra part), on the given weekdays (0 = Sunday; none = every day). */
  z.object({
    kind: z.literal('multiplier'),
    multiplierBp: MultiplierBp,
    weekdays: z.array(z.number().int().min(0).max(6)).max(7).default([]),
  }),
  /** A fixed bonus for a sale that pays at least minSpendMinor (after points spent). */
  z.object({ kind: z.literal('spendBonus'), minSpendMinor: z.number().int().min(1).max(100_000_000), points: Points }),
  /** A fixed bonus for a sale in the member's birthday month. */
  z.object({ kind: z.literal('birthdayMonth'), points: Points }),
  /** The earned points of lines of these categories or SKUs ×multiplier (the extra part), line by line. */
  z
    .object({
      kind: z.literal('lineBonus'),
      multiplierBp: MultiplierBp,
      categories: z.array(Code).max(100).default([]),
      skus: z.array(Code).max(1_000).default([]),
    })
    .refine((r) => r.categories.length + r.skus.length > 0, { message: 'name at least one category or SKU' }),
  /** A fixed bonus on the member's Nth visit (the sale that is their Nth). */
  z.object({ kind: z.literal('nthVisit'), visit: z.number().int().min(1).max(10_000), points: Points }),
  /** A fixed bonus when a member registers. */
  z.object({ kind: z.literal('signup'), points: Points }),
]);
export type CampaignRule = z.output<typeof CampaignRule>;
export type CampaignKind = CampaignRule['kind'];

/** Who a campaign is for. */
export const CampaignTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('everyone') }),
  z.object({ kind: z.literal('tiers'), tiers: z.array(Code).min(1).max(20) }),
  /** Members who joined at most this many days before the sale. */
  z.object({ kind: z.literal('newMembers'), withinDays: z.number().int().min(1).max(3_650) }),
  /** A list head office sends (its segments): member ids. */
  z.object({
    kind: z.literal('segment'),
    memberIds: z.array(z.string().uuid()).min(1).max(MAX_SEGMENT_MEMBERS),
    /** Where head office took the list from (server/campaigns/README.md): a till reads only memberIds. */
    rfm: z.object({ segment: RfmSegment, asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).optional(),
  }),
]);
export type CampaignTarget = z.output<typeof CampaignTarget>;

/** When a member meets two campaigns: 'stack' adds this one; 'bestOf' campaigns compete, the largest wins. */
export const OverlapRule = z.enum(['stack', 'bestOf']);

const endsAfterStart = { message: 'a campaign must end after it starts', path: ['endsAt'] };

/** A campaign's fields without the date check (head office's input extends its target: shared/admin/). */
export const SpecFields = z.object({
  name: z.string().trim().min(1).max(60).refine(isStorableText, UNSTORABLE_TEXT),
  rule: CampaignRule,
  target: CampaignTarget,
  startsAt: Ms,
  endsAt: Ms,
  /** Required: a campaign without a stacking choice is refused (no silent default). */
  overlap: OverlapRule,
  /** The most points the campaign gives in all, across every till. */
  budgetPoints: z.number().int().min(0).max(MAX_CAMPAIGN_BUDGET_POINTS),
  /** The most points one member gets from it; null = only the budget. */
  perMemberLimit: z.number().int().min(1).max(MAX_CAMPAIGN_BUDGET_POINTS).nullable(),
  /** The held-out share of the target, in basis points (0–5000 = 0–50%). */
  holdoutBp: z.number().int().min(0).max(MAX_HOLDOUT_BP),
});

/** What a person edits (head office's route, the till's manager call): no id, flags or change time. */
export const CampaignSpec = SpecFields.refine((c) => c.endsAt > c.startsAt, endsAfterStart);
export type CampaignSpec = z.output<typeof CampaignSpec>;

/** A campaign's fields as stored; the pull change adds its kind (shared/sync/protocol.ts). */
export const CampaignFields = SpecFields.extend({
  id: z.string().uuid(),
  published: z.boolean(),
  cancelled: z.boolean(),
  updatedAt: Ms,
});
/** The check every campaign passes, wherever it is parsed. */
export const endsAfterItStarts = (c: { startsAt: number; endsAt: number }): boolean => c.endsAt > c.startsAt;
export const ENDS_AFTER_START = endsAfterStart;

/** A campaign as stored and sent to the tills. */
export const Campaign = CampaignFields.refine(endsAfterItStarts, endsAfterStart);
export type Campaign = z.output<typeof Campaign>;

export type CampaignStatus = 'draft' | 'scheduled' | 'running' | 'ended' | 'cancelled';

/** The life cycle, derived: nothing stores a status that could disagree with the dates. */
export function campaignStatus(
  c: Pick<Campaign, 'published' | 'cancelled' | 'startsAt' | 'endsAt'>,
  now: number,
): CampaignStatus {
  if (c.cancelled) return 'cancelled';
  if (!c.published) return 'draft';
  if (now < c.startsAt) return 'scheduled';
  if (now < c.endsAt) return 'running';
  return 'ended';
}
