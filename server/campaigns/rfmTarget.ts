import { lte } from 'drizzle-orm';
import { SEGMENT_EMPTY, SEGMENT_TOO_LARGE, type CampaignInput } from '../../shared/admin/campaignInput';
import { MAX_SEGMENT_MEMBERS, type CampaignSpec } from '../../shared/domain/campaigns/campaign';
import { DEFAULT_SHOP_TIME_ZONE } from '../../shared/sync/timeZone';
import { dayIn } from '../stats/summaryDeltas';
import { rfmSegmentOf, rfmThresholds, type RfmSegment } from '../../shared/stats/rfm';
import { HoError } from '../http/errors';
import type { HoDb } from '../store/connect';
import { memberActivity } from '../store/schema';

// An RFM segment as a campaign's target (README.md): head office fixes the segment's members as a
// `segment` list, scored exactly as the statsRfm view scores them as of the same day, so every till
// decides offline from the list it pulled, and an older till reads a target it already knows.

type Reader = Pick<HoDb, 'select'>;

/** The day a segment is scored as of: today in head office's zone, as the statsRfm view's default. */
export const rfmDayOf = (now: number): string => dayIn(now, DEFAULT_SHOP_TIME_ZONE);

/** The members of an RFM segment as of a day (the statsRfm view's buyers and cut points), sorted. */
export async function rfmSegmentMembers(db: Reader, segment: RfmSegment, asOf: string): Promise<string[]> {
  const buyers = await db
    .select({
      id: memberActivity.memberId,
      lastDay: memberActivity.lastDay,
      visits: memberActivity.visits,
      spendMinor: memberActivity.spendMinor,
    })
    .from(memberActivity)
    .where(lte(memberActivity.firstDay, asOf));
  const thresholds = rfmThresholds(buyers, asOf);
  return buyers
    .filter((b) => rfmSegmentOf(b, asOf, thresholds).segment === segment)
    .map((b) => b.id)
    .sort();
}

/** The segment's list, or VALIDATION on the target when it is empty or longer than a till takes. */
async function segmentTarget(db: Reader, segment: RfmSegment, asOf: string): Promise<CampaignSpec['target']> {
  const memberIds = await rfmSegmentMembers(db, segment, asOf);
  const refusal =
    memberIds.length === 0 ? SEGMENT_EMPTY : memberIds.length > MAX_SEGMENT_MEMBERS ? SEGMENT_TOO_LARGE : null;
  if (refusal !== null)
    throw new HoError('VALIDATION', `The RFM segment ${segment} has ${memberIds.length} members on ${asOf}.`, {
      issues: [{ path: 'target', message: refusal }],
      members: memberIds.length,
      max: MAX_SEGMENT_MEMBERS,
    });
  return { kind: 'segment', memberIds, rfm: { segment, asOf } };
}

/** The campaign as a till takes it: an RFM segment named by the input becomes its members as of `asOf`. */
export async function resolveTarget(db: Reader, input: CampaignInput, asOf: string): Promise<CampaignSpec> {
  const { target, ...rest } = input;
  return target.kind === 'rfmSegment'
    ? { ...rest, target: await segmentTarget(db, target.segment, asOf) }
    : { ...rest, target };
}

/** At publish: a list taken from an RFM segment is taken again as of the publish day (fixed from then on). */
export async function refreezeAtPublish(db: Reader, spec: CampaignSpec, asOf: string): Promise<CampaignSpec> {
  const rfm = spec.target.kind === 'segment' ? spec.target.rfm : undefined;
  return rfm === undefined ? spec : { ...spec, target: await segmentTarget(db, rfm.segment, asOf) };
}
