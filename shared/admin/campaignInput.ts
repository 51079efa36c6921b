import { z } from 'zod';
import { CampaignTarget, ENDS_AFTER_START, endsAfterItStarts, SpecFields } from '../domain/campaigns/campaign';
import { RfmSegment } from '../stats/rfm';

// What head office's campaign routes take (upsertCampaign, campaignWhatIf): the till's own campaign
// with one more target, an RFM segment by name. Head office fixes its members (a `segment` list) when
// it stores the draft and again at publish, so a till only ever sees the list (server/campaigns/README.md).

/** An RFM segment (shared/stats/rfm.ts) as a target: its members as of the day head office stores it. */
export const RfmSegmentTarget = z.object({ kind: z.literal('rfmSegment'), segment: RfmSegment });
export type RfmSegmentTarget = z.output<typeof RfmSegmentTarget>;

export const CampaignInputTarget = z.discriminatedUnion('kind', [...CampaignTarget.options, RfmSegmentTarget]);
export type CampaignInputTarget = z.output<typeof CampaignInputTarget>;

/** A draft campaign, created or edited, or replayed by the what-if. */
export const CampaignInput = SpecFields.extend({ target: CampaignInputTarget }).refine(
  endsAfterItStarts,
  ENDS_AFTER_START,
);
export type CampaignInput = z.output<typeof CampaignInput>;

/** Messages of head office's own refusals of a target (the page words them in its language). */
export const SEGMENT_EMPTY = 'segment_empty';
export const SEGMENT_TOO_LARGE = 'segment_too_large';
