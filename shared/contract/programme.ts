import { z } from 'zod';
import { RuleSet } from '../domain/rules/ruleSet';
import { RewardSpec, TierLadder } from '../sync/catalogue';
import { EpochMs, MinorAmount, RequestId, Uuid } from './primitives';
import { RewardView } from './rewards';
import { ExplanationView, SaleLineInput } from './sales';
import { TierView } from './terminal';

// The shop's programme at the till: earn rules, tier ladder, rewards and the points-as-discount value
// (RuleSet.redemption). Validated by the schemas head office uses (RuleSet, TierLadder, RewardSpec),
// so what a till refuses head office refuses too.

/**
 * A shop enrolled with head office gets its programme through the pull and shows it read-only; a shop
 * without head office edits it at the till. One rule for the screen and the core.
 */
export function programmeManagedByHeadOffice(link: { enrolled: boolean }): boolean {
  return link.enrolled;
}

/** The rules a manager saves: the till numbers the version (every save is a new one). */
export const RulesDraft = RuleSet.omit({ version: true });
export type RulesDraft = z.output<typeof RulesDraft>;
export type RulesDraftInput = z.input<typeof RulesDraft>;

export const RuleVersionSource = z.enum(['local', 'demo', 'headoffice']);

export const RuleVersionView = z.object({
  version: z.number().int().min(1),
  source: RuleVersionSource,
  effectiveFrom: EpochMs,
  createdAt: EpochMs,
  rules: RuleSet,
});
export type RuleVersionView = z.infer<typeof RuleVersionView>;

export const ProgrammeView = z.object({
  managedByHeadOffice: z.boolean(),
  /** The rules in force now (null before the shop is set up). */
  rules: RuleSet.nullable(),
  tiers: z.array(TierView),
  rewards: z.array(RewardView),
});
export type ProgrammeView = z.infer<typeof ProgrammeView>;

export const SaveRulesInput = z.object({ requestId: RequestId, rules: RulesDraft }).strict();
export const SaveTiersInput = z.object({ requestId: RequestId, tiers: TierLadder }).strict();
/** Without an id: a new reward. Deactivating is `active: false`; a reward is never deleted (redemptions name it). */
export const UpsertRewardInput = z.object({ requestId: RequestId, id: Uuid.optional(), reward: RewardSpec }).strict();

export const RuleHistoryInput = z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict();

/** A sample basket: an amount (one line, as the amount mode sells it) or item lines. */
export const SampleBasket = z.union([
  z.object({ amountMinor: MinorAmount.min(1) }).strict(),
  z.object({ lines: z.array(SaleLineInput).min(1).max(200) }).strict(),
]);

export const PreviewRulesInput = z
  .object({
    rules: RulesDraft,
    basket: SampleBasket,
    /** The member's tier code, or null for no tier multiplier. */
    tierCode: z.string().max(20).nullable().default(null),
    /** The visit this sale would be (1-based), for visit points. */
    visitNumber: z.number().int().min(1).max(1_000_000).default(1),
  })
  .strict();

export const EarnPreview = z.object({
  points: z.number().int().min(0),
  ruleVersion: z.number().int().nullable(),
  eligibleMinor: z.number().int().min(0),
  summary: z.string(),
  explanation: z.array(ExplanationView),
});
export type EarnPreview = z.infer<typeof EarnPreview>;

/** The same basket under the rules in force (null before any) and under the edited, unsaved ones. */
export const RulesPreview = z.object({ current: EarnPreview.nullable(), edited: EarnPreview });
export type RulesPreview = z.infer<typeof RulesPreview>;
