import { DomainError, type CampaignsView, type CampaignView, type ParsedInput } from '../../shared/contract';
import { campaignStatus, type Campaign } from '../../shared/domain/campaigns/campaign';
import { syncLink } from '../../db/schemaSync';
import type { ServiceContext } from '../core/context';
import { atomic } from '../platform/transactions';
import { appendAudit } from './audit';
import { campaignMembers } from './campaignReach';
import { allowanceOf, storeCampaign, storedCampaigns } from './campaignStore';
import { requireConfigured } from './terminalRow';

// The manager's campaigns at the till. A shop without head office makes its own; an enrolled
// shop's come from head office (the pull) and are only listed here.

const atHeadOffice = (ctx: ServiceContext): boolean =>
  ctx.db.select({ id: syncLink.id }).from(syncLink).get() !== undefined;

function viewOf(ctx: ServiceContext, campaign: Campaign, linked: boolean): CampaignView {
  const { granted, spent } = allowanceOf(ctx.db, campaign.id);
  return {
    campaign,
    status: campaignStatus(campaign, ctx.clock.now()),
    givenHere: spent,
    grantedHere: linked ? granted : null,
    membersHere: campaignMembers(ctx.db, campaign.id),
  };
}

export function listCampaigns(ctx: ServiceContext, _input: ParsedInput<'listCampaigns'>): CampaignsView {
  const linked = atHeadOffice(ctx);
  const campaigns = storedCampaigns(ctx.db)
    .sort((a, b) => b.startsAt - a.startsAt || a.id.localeCompare(b.id))
    .map((c) => viewOf(ctx, c, linked));
  return { campaigns, atHeadOffice: linked };
}

/** Creates or edits a campaign, publishes or cancels it: one transaction with its audit row. */
export function saveCampaign(ctx: ServiceContext, input: ParsedInput<'saveCampaign'>): CampaignView {
  return atomic(ctx, () => {
    requireConfigured(ctx);
    if (atHeadOffice(ctx)) throw new DomainError('CAMPAIGNS_AT_HEAD_OFFICE');
    const id = input.campaignId ?? ctx.ids.uuid();
    const current = input.campaignId === undefined ? undefined : storedCampaigns(ctx.db).find((c) => c.id === id);
    if (input.campaignId !== undefined && !current)
      throw new DomainError('NOT_FOUND', { entity: 'campaign', campaignId: id });
    if (current?.cancelled) throw new DomainError('VALIDATION', { field: 'state', reason: 'campaign_cancelled' });
    const campaign: Campaign = {
      ...input.spec,
      id,
      published: input.state !== 'draft',
      cancelled: input.state === 'cancelled',
      updatedAt: ctx.clock.now(),
    };
    storeCampaign(ctx.db, campaign);
    appendAudit(ctx, {
      action: 'programme.changed',
      details: { what: 'campaign', campaignId: id, name: campaign.name, state: input.state },
    });
    return viewOf(ctx, campaign, false);
  });
}
