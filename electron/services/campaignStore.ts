import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { TerminalDb } from '../../db/open';
import { campaignAllowances, campaigns } from '../../db/schemaSync';
import { Campaign } from '../../shared/domain/campaigns/campaign';
import type { CampaignAllowance } from '../../shared/sync/protocol';
import { direct } from '../platform/compiledStatements';
import { perDb } from '../platform/transactions';

// The till's campaigns: stored whole as head office sent them (or as the shop made them here),
// and each one's budget allowance at this till. The sale reads the running ones on every sale.

const p = sql.placeholder;

const statements = perDb((db) => ({
  running: direct(
    db
      .select({ id: campaigns.id, json: campaigns.paramsJson, updatedAt: campaigns.updatedAt })
      .from(campaigns)
      .where(and(eq(campaigns.active, true), lte(campaigns.startsAt, p('now')), gt(campaigns.endsAt, p('now'))))
      .prepare(),
  ),
  allowance: direct(
    db
      .select()
      .from(campaignAllowances)
      .where(eq(campaignAllowances.campaignId, p('id')))
      .prepare(),
  ),
  spend: direct(
    db
      .insert(campaignAllowances)
      .values({ campaignId: p('id'), grantedPoints: 0, spentPoints: p('points') })
      .onConflictDoUpdate({
        target: campaignAllowances.campaignId,
        set: { spentPoints: sql`${campaignAllowances.spentPoints} + excluded.spent_points` },
      })
      .prepare(),
  ),
}));

export function storeCampaign(db: TerminalDb, c: Campaign): void {
  const values = {
    name: c.name,
    type: c.rule.kind,
    paramsJson: JSON.stringify(c),
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    active: c.published && !c.cancelled,
    updatedAt: c.updatedAt,
  };
  db.insert(campaigns)
    .values({ id: c.id, ...values })
    .onConflictDoUpdate({ target: campaigns.id, set: values })
    .run();
}

/** Head office's grants: each is the total so far, so a repeated or older page never lowers one. */
export function storeAllowances(db: TerminalDb, grants: readonly CampaignAllowance[]): void {
  for (const g of grants) {
    db.insert(campaignAllowances)
      .values({ campaignId: g.campaignId, grantedPoints: g.grantedPoints, spentPoints: 0 })
      .onConflictDoUpdate({
        target: campaignAllowances.campaignId,
        set: { grantedPoints: sql`max(${campaignAllowances.grantedPoints}, excluded.granted_points)` },
      })
      .run();
  }
}

// A stored campaign changes only with its updatedAt: parsed once per version, per database.
const parsed = new WeakMap<TerminalDb, Map<string, { updatedAt: number; campaign: Campaign }>>();

function parseCached(db: TerminalDb, id: string, json: string, updatedAt: number): Campaign | null {
  let cache = parsed.get(db);
  if (!cache) {
    cache = new Map();
    parsed.set(db, cache);
  }
  const hit = cache.get(id);
  if (hit && hit.updatedAt === updatedAt) return hit.campaign;
  const result = Campaign.safeParse(JSON.parse(json));
  if (!result.success) return null;
  cache.set(id, { updatedAt, campaign: result.data });
  return result.data;
}

/** The campaigns published, not cancelled and within their dates at `now`. */
export function runningCampaigns(db: TerminalDb, now: number): Campaign[] {
  const out: Campaign[] = [];
  for (const row of statements(db).running.all({ now })) {
    const campaign = parseCached(db, row.id, row.json, row.updatedAt);
    if (campaign) out.push(campaign);
  }
  return out;
}

/** Every campaign this till holds, for the manager's list. */
export function storedCampaigns(db: TerminalDb): Campaign[] {
  const rows = db
    .select({ id: campaigns.id, json: campaigns.paramsJson, updatedAt: campaigns.updatedAt })
    .from(campaigns)
    .all();
  return rows.flatMap((r) => parseCached(db, r.id, r.json, r.updatedAt) ?? []);
}

export function allowanceOf(db: TerminalDb, campaignId: string): { granted: number; spent: number } {
  const row = statements(db).allowance.get({ id: campaignId });
  return { granted: row?.grantedPoints ?? 0, spent: row?.spentPoints ?? 0 };
}

/** Counts points this till gave of a campaign, in the caller's transaction. */
export function addCampaignSpend(db: TerminalDb, campaignId: string, points: number): void {
  statements(db).spend.run({ id: campaignId, points });
}
