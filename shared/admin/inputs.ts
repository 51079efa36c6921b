import { z } from 'zod';
import { RuleSet } from '../domain/rules/ruleSet';
import { CategoryList, RewardSpec, TierLadder } from '../sync/catalogue';
import { CampaignChange } from '../sync/protocol';

// What head office's admin routes accept (shared/admin/contract.ts). The ladder and reward rules
// are the till's own (shared/sync/catalogue.ts): what is refused here would be refused by every
// till that pulled it.

export const TiersInput = z.object({ tiers: TierLadder });
export const RulesInput = z.object({ rules: RuleSet, effectiveFrom: z.number().int().min(0).optional() });
export const RewardInput = RewardSpec;
export const CategoriesInput = CategoryList;
export const CampaignInput = CampaignChange.omit({ kind: true, id: true, updatedAt: true });
export const OfflineCapInput = z.object({ offlineCapPoints: z.number().int().min(0).max(1_000_000_000).nullable() });
export const DefaultOfflineCapInput = z.object({ defaultOfflineCapPoints: z.number().int().min(0).max(1_000_000_000) });

/** A terminal or a reward, campaign or member: head office's ids are UUIDs. */
export const IdParams = z.object({ id: z.string().uuid() });
/** A quarantined record: a database serial. */
export const NumericIdParams = z.object({ id: z.coerce.number().int().min(1) });
export const DayCloseQuery = z.object({ terminalId: z.string().uuid().optional() });
export const FlagQuery = z.object({ open: z.enum(['true', 'false']).default('true') });
