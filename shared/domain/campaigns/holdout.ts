import { sha256 } from './sha256';

// The holdout: a fixed part of a campaign's target gets nothing, so its effect can be measured
// against them. Every till and head office decide it alike, with no list: a hash of the campaign
// and the member, its first 32 bits read as a fraction of 2^32, compared with the share.

/** The share is in basis points of the target: 0 = nobody held out, 5000 = half. */
export const MAX_HOLDOUT_BP = 5_000;

const encoder = new TextEncoder();

/** Where this member falls in [0, 1) for this campaign: the same on every machine, for ever. */
export function holdoutPosition(campaignId: string, memberId: string): number {
  const digest = sha256(encoder.encode(`${campaignId}\n${memberId}`));
  const first = new DataView(digest.buffer).getUint32(0);
  return first / 2 ** 32;
}

/** True when the member is in the campaign's holdout: the campaign gives them nothing. */
export function inHoldout(campaignId: string, memberId: string, holdoutBp: number): boolean {
  if (holdoutBp <= 0) return false;
  return holdoutPosition(campaignId, memberId) < holdoutBp / 10_000;
}
