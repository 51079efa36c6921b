import { Campaign } from '../../../../shared/domain/campaigns/campaign';
import { DAY_MS } from './hoSize';

/** A campaign's uuid in the generated set (prefix 3 of the bench's uuids). */
const campaignId = (n: number): string => `00000000-0000-4000-8003-${n.toString(16).padStart(12, '0')}`;

/**
 * Two ended campaigns, ×1.5 points for everyone with a holdout, one a month before the history
 * ends and one half a year before: each earns its bonus as its own ledger rows (hoRows.ts).
 */
export function benchCampaigns(endMs: number): Campaign[] {
  const campaign = (n: number, name: string, daysBeforeEnd: number, lengthDays: number, holdoutBp: number) =>
    Campaign.parse({
      id: campaignId(n),
      name,
      rule: { kind: 'multiplier', multiplierBp: 15_000, weekdays: [] },
      target: { kind: 'everyone' },
      startsAt: endMs - daysBeforeEnd * DAY_MS,
      endsAt: endMs - (daysBeforeEnd - lengthDays) * DAY_MS,
      overlap: 'stack',
      budgetPoints: 1_000_000_000,
      perMemberLimit: null,
      holdoutBp,
      published: true,
      cancelled: false,
      updatedAt: endMs - (daysBeforeEnd + 7) * DAY_MS,
    });
  return [campaign(1, 'Bench double-ish month', 60, 30, 1_000), campaign(2, 'Bench spring bonus', 200, 21, 2_000)];
}

/**
 * True in SQL when the member is in the campaign's holdout: the engine's rule
 * (shared/domain/campaigns/holdout.ts: SHA-256 of "campaign\nmember", first 32 bits ÷ 2^32 < share).
 */
export function holdoutSql(campaign: Campaign, memberIdSql: string): string {
  const digest = `sha256(convert_to('${campaign.id}' || E'\\n' || ${memberIdSql}, 'UTF8'))`;
  const first32 = [0, 1, 2, 3].map((i) => `get_byte(${digest}, ${i})::bigint * ${2 ** (24 - 8 * i)}`).join(' + ');
  return `((${first32}) < ${Math.ceil((campaign.holdoutBp / 10_000) * 2 ** 32)})`;
}
