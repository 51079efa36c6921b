import { BUDGET_ZERO, publishedWithBudget } from '../../shared/contract/campaignPublishRule';
import { eq, isNotNull, sql } from 'drizzle-orm';
import type { CampaignRow } from '../../shared/admin/campaigns';
import type { CampaignInput } from '../../shared/admin/campaignInput';
import { Campaign, campaignStatus } from '../../shared/domain/campaigns/campaign';
import { refreezeAtPublish, resolveTarget, rfmDayOf } from '../campaigns/rfmTarget';
import type { HoDb } from '../store/connect';
import { campaigns, ledger } from '../store/schema';
import { HoError } from '../http/errors';
import type { Clock } from '../sources';
import { appendFeed } from '../sync/feed';

// Head office's campaigns: a draft is created and edited, then published (the tills get it by the
// pull and it runs between its dates) or cancelled. A published campaign is never edited: a till
// may already be giving its points offline; cancel it and make another.

type Tx = Parameters<Parameters<HoDb['transaction']>[0]>[0];

async function lockedCampaign(tx: Tx, id: string): Promise<Campaign | null> {
  const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
  return row ? Campaign.parse(row.campaign) : null;
}

async function requireCampaign(tx: Tx, id: string): Promise<Campaign> {
  const campaign = await lockedCampaign(tx, id);
  if (!campaign) throw new HoError('NOT_FOUND', `No campaign ${id}.`);
  return campaign;
}

async function store(tx: Tx, campaign: Campaign, toTills: boolean): Promise<void> {
  await tx
    .insert(campaigns)
    .values({ id: campaign.id, campaign })
    .onConflictDoUpdate({ target: campaigns.id, set: { campaign } });
  if (toTills)
    await appendFeed(tx, [{ kind: 'campaign', entityId: campaign.id, originTerminalId: null, payload: campaign }]);
}

export async function saveDraftCampaign(db: HoDb, clock: Clock, id: string, input: CampaignInput): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await lockedCampaign(tx, id);
    if (current && (current.published || current.cancelled))
      throw new HoError('CONFLICT', 'Only a draft campaign can be edited: cancel this one and make another.', {
        status: campaignStatus(current, clock.now()),
      });
    // An RFM segment is stored as its members today (rfmTarget.ts), and taken again at publish.
    const spec = await resolveTarget(tx, input, rfmDayOf(clock.now()));
    await store(tx, { ...spec, id, published: false, cancelled: false, updatedAt: clock.now() }, false);
  });
}

export async function publishCampaign(db: HoDb, clock: Clock, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await requireCampaign(tx, id);
    if (current.published && !current.cancelled) return;
    const now = clock.now();
    if (current.cancelled || current.endsAt <= now)
      throw new HoError('CONFLICT', 'A cancelled or ended campaign cannot be published.', {
        status: campaignStatus(current, now),
      });
    // The till's own rule (shared/contract/campaignPublishRule.ts): a published campaign must have a budget.
    if (!publishedWithBudget({ state: 'published', spec: current }))
      throw new HoError('VALIDATION', 'A campaign with a budget of 0 points cannot be published.', {
        issues: [{ path: 'budgetPoints', message: BUDGET_ZERO.message }],
      });
    const fixed = await refreezeAtPublish(tx, current, rfmDayOf(now));
    await store(tx, { ...current, ...fixed, published: true, updatedAt: now }, true);
  });
}

export async function cancelCampaign(db: HoDb, clock: Clock, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await requireCampaign(tx, id);
    if (current.cancelled) return;
    // A draft was never sent: the tills need to hear only of a published one.
    await store(tx, { ...current, cancelled: true, updatedAt: clock.now() }, current.published);
  });
}

/** Every campaign, newest start first, with the points its ledger rows gave (derived) and granted to tills. */
export async function listCampaigns(db: HoDb, now: number): Promise<CampaignRow[]> {
  const rows = await db.select().from(campaigns);
  const spend = await db
    .select({
      campaignId: ledger.campaignId,
      points: sql<number>`coalesce(sum(${ledger.delta}), 0)::int`,
      members: sql<number>`count(DISTINCT ${ledger.memberId})::int`,
    })
    .from(ledger)
    .where(isNotNull(ledger.campaignId))
    .groupBy(ledger.campaignId);
  const byId = new Map(spend.map((r) => [r.campaignId, r]));
  return rows
    .map((row) => {
      const campaign = Campaign.parse(row.campaign);
      const used = byId.get(campaign.id);
      return {
        campaign,
        status: campaignStatus(campaign, now),
        spentPoints: Number(used?.points ?? 0),
        members: Number(used?.members ?? 0),
        grantedPoints: row.grantedPoints,
      };
    })
    .sort((a, b) => b.campaign.startsAt - a.campaign.startsAt || a.campaign.id.localeCompare(b.campaign.id));
}
