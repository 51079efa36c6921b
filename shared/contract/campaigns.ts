import { z } from 'zod';
import { CampaignFields, CampaignSpec } from '../domain/campaigns/campaign';
import { Uuid } from './primitives';
import { BUDGET_ZERO, publishedWithBudget } from './campaignPublishRule';

// The till's campaign calls: the manager's list, and saving one at a shop without head office
// (an enrolled shop's campaigns come from head office by the pull and are read-only here).

export const CampaignStatusView = z.enum(['draft', 'scheduled', 'running', 'ended', 'cancelled']);

export const CampaignView = z.object({
  campaign: CampaignFields,
  status: CampaignStatusView,
  /** Points this till's ledger rows gave of it. */
  givenHere: z.number().int(),
  /** What head office granted this till of its budget; null at a shop without head office. */
  grantedHere: z.number().int().min(0).nullable(),
  /** Members this till's ledger rows gave it to (its participants, as far as this till knows). */
  membersHere: z.number().int().min(0),
});
export type CampaignView = z.infer<typeof CampaignView>;

export const CampaignsView = z.object({ campaigns: z.array(CampaignView), atHeadOffice: z.boolean() });
export type CampaignsView = z.infer<typeof CampaignsView>;

export const SaveCampaignInput = z
  .object({
    /** Absent: a new campaign. */
    campaignId: Uuid.optional(),
    spec: CampaignSpec,
    /** draft: kept, not applied; published: runs between its dates; cancelled: never again. */
    state: z.enum(['draft', 'published', 'cancelled']),
  })
  .refine(publishedWithBudget, BUDGET_ZERO);
