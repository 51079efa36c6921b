import { z } from 'zod';
import { RuleSet } from '../domain/rules/ruleSet';
import { CategoryList, RewardSpec, TierLadder } from '../sync/catalogue';

// What head office's programme read answers: the chain's programme as every till receives it, so a
// console or a script sees what it is about to change (the writes are publishRules, publishTiers, …).

export const OfficeRuleVersion = z.strictObject({
  version: z.number().int().min(1),
  effectiveFrom: z.number().int().min(0),
  rules: RuleSet,
});

export const OfficeReward = RewardSpec.extend({ id: z.string().uuid(), updatedAt: z.number().int().min(0) }).strict();

export const ProgrammeAnswer = z.strictObject({
  /** The newest rules version (null before head office published any: the tills keep their own). */
  rules: OfficeRuleVersion.nullable(),
  /** Every published version, newest first, without the rules themselves. */
  versions: z.array(z.strictObject({ version: z.number().int().min(1), effectiveFrom: z.number().int().min(0) })),
  tiers: TierLadder.nullable(),
  categories: CategoryList.nullable(),
  rewards: z.array(OfficeReward),
});
export type ProgrammeAnswer = z.infer<typeof ProgrammeAnswer>;
