import { z } from 'zod';
import { CampaignFields } from '../domain/campaigns/campaign';

// What head office's campaign routes answer (the inputs are CampaignSpec, the till's own schema).

export const CampaignStatusSchema = z.enum(['draft', 'scheduled', 'running', 'ended', 'cancelled']);

export const CampaignRow = z.strictObject({
  campaign: CampaignFields,
  status: CampaignStatusSchema,
  /** Points its ledger rows gave so far (what head office has derived), and to how many members. */
  spentPoints: z.number().int(),
  members: z.number().int().min(0),
  /** Points of its budget handed to tills so far (each till gives up to its share, offline). */
  grantedPoints: z.number().int().min(0),
});
export type CampaignRow = z.infer<typeof CampaignRow>;

export const CampaignsAnswer = z.strictObject({ campaigns: z.array(CampaignRow) });
