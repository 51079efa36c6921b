import { z } from 'zod';

// Per-tier benefits besides the earn multiplier (tierMultipliersBp): the birthday bonus, points
// given once per birthday month (on the member's first sale in it), by tier code.

export const MAX_BIRTHDAY_BONUS_POINTS = 1_000_000;

export const BirthdayBonusByTier = z.record(
  z.string(),
  z.number().int().min(0).max(MAX_BIRTHDAY_BONUS_POINTS, 'a birthday bonus is at most 1,000,000 points'),
);
export type BirthdayBonusByTier = z.output<typeof BirthdayBonusByTier>;

/** The RuleSet field (one line in ruleSet.ts); empty = no birthday bonus, today's behaviour. */
export const birthdayBonusByTierField = BirthdayBonusByTier.default({});
