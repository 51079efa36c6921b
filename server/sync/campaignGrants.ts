import { and, eq, sql } from 'drizzle-orm';
import { Campaign, campaignStatus } from '../../shared/domain/campaigns/campaign';
import type { CampaignAllowance } from '../../shared/sync/protocol';
import type { HoDb } from '../store/connect';
import { campaignGrants, campaigns, ledger } from '../store/schema';

/**
 * Each pull may grant a till this share of what is not yet granted of a campaign's budget, when
 * what the till holds unspent falls below it. Grants come only out of what is not yet granted, and
 * a till gives only up to its grants, so the tills together never pass the budget, offline or not,
 * in whatever order they sync.
 */
export const GRANT_SHARE_BP = 2_500;

/** What is left to grant, cut to a share; at least 1 point while anything is left. */
export function grantChunk(unallocated: number): number {
  if (unallocated <= 0) return 0;
  return Math.min(unallocated, Math.max(1, Math.floor((unallocated * GRANT_SHARE_BP) / 10_000)));
}

/**
 * The grants of every running campaign to this terminal, topped up where it runs low: each
 * campaign's row is locked while its grant is worked out, so two pulls at once grant from the
 * same remainder one after the other.
 */
export async function grantCampaignBudgets(db: HoDb, now: number, terminalId: string): Promise<CampaignAllowance[]> {
  const all = await db.select({ id: campaigns.id, campaign: campaigns.campaign }).from(campaigns);
  const running = all.filter((r) => campaignStatus(Campaign.parse(r.campaign), now) === 'running');
  if (running.length === 0) return [];
  return db.transaction(async (tx) => {
    const out: CampaignAllowance[] = [];
    for (const { id } of running) {
      const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
      if (!row) continue;
      const campaign = Campaign.parse(row.campaign);
      if (campaignStatus(campaign, now) !== 'running') continue;
      const [held] = await tx
        .select({ granted: campaignGrants.grantedPoints })
        .from(campaignGrants)
        .where(and(eq(campaignGrants.campaignId, id), eq(campaignGrants.terminalId, terminalId)));
      const [used] = await tx
        .select({ points: sql<number>`coalesce(sum(${ledger.delta}), 0)::int` })
        .from(ledger)
        .where(and(eq(ledger.campaignId, id), eq(ledger.terminalId, terminalId)));
      const granted = held?.granted ?? 0;
      // What head office has derived of the till's spend lags behind: the till then looks richer, never poorer.
      const unspent = granted - Number(used?.points ?? 0);
      const chunk = grantChunk(campaign.budgetPoints - row.grantedPoints);
      const give = chunk > 0 && unspent < chunk ? chunk : 0;
      if (give > 0) {
        await tx
          .update(campaigns)
          .set({ grantedPoints: row.grantedPoints + give })
          .where(eq(campaigns.id, id));
        await tx
          .insert(campaignGrants)
          .values({ campaignId: id, terminalId, grantedPoints: give })
          .onConflictDoUpdate({
            target: [campaignGrants.campaignId, campaignGrants.terminalId],
            set: { grantedPoints: sql`${campaignGrants.grantedPoints} + ${give}` },
          });
      }
      out.push({ campaignId: id, grantedPoints: granted + give });
    }
    return out;
  });
}
