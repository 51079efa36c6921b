import { z } from 'zod';
import { TierMeasure, TierWindow } from '../domain/rules/tierQualification';
import { EpochMs, RequestId, Uuid } from './primitives';

/** How a member qualifies now: the window's measure, the re-qualification date, a manager's override. */
export const TierStatusView = z.object({
  measure: TierMeasure,
  window: TierWindow,
  /** Points earned, or spend in minor units, within the window now. */
  value: z.number().int(),
  windowStart: EpochMs.nullable(),
  since: EpochMs.nullable(),
  /** When the tier is re-evaluated (null: lifetime window, or the entry tier). */
  requalifyAt: EpochMs.nullable(),
  /** The tier the rule gives, without the override. */
  computedTierCode: z.string().nullable(),
  override: z.object({ tierCode: z.string(), reason: z.string(), setAt: EpochMs, endsAt: EpochMs }).nullable(),
});
export type TierStatusView = z.infer<typeof TierStatusView>;

/** A reason a person reads later (trimmed, 1–200 characters). */
export const TierOverrideReason = z.string().trim().min(1, 'a reason is needed').max(200);

/** A tier set by hand: which, why and until when (the till's call and head office's route alike). */
export const TierOverrideBody = z
  .object({ tierCode: z.string().trim().min(1).max(20), reason: TierOverrideReason, endsAt: EpochMs })
  .strict();

/** A manager sets a member's tier by hand until endsAt (after it the computed tier applies again). */
export const SetMemberTierInput = TierOverrideBody.extend({ requestId: RequestId.optional(), memberId: Uuid }).strict();

/** Head office's answer about a member's tier: the tier held and how it stands. */
export const MemberTierAnswer = z.strictObject({
  memberId: Uuid,
  tierCode: z.string().nullable(),
  status: TierStatusView,
});
export type MemberTierAnswer = z.infer<typeof MemberTierAnswer>;
