import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { Campaign } from '../../shared/domain/campaigns/campaign';
import { LIMIT_CORRECTION_TERMINAL, limitCorrections } from '../../shared/domain/campaigns/memberLimitExcess';
import { uuidV5 } from '../../shared/domain/expiryId';
import type { HoDb } from '../store/connect';
import { campaigns, ledger } from '../store/schema';
import type { Applied } from './bulkPlan';
import type { FeedItem } from './feed';
import { idList, insertRows } from './jsonInsert';

/** Namespace of the per-member advisory locks of this check (taken before the overdraft check's). */
const LIMIT_LOCK_NAMESPACE = 7_302_116;
/** The namespace of limit corrections' ids (a fixed random UUID: changing it would change every id). */
export const CAMPAIGN_LIMIT_NAMESPACE = '2c9e41d7-6b0f-4a83-b5e2-91f4d03a6c58';
const sha1 = (bytes: Uint8Array): Uint8Array => createHash('sha1').update(bytes).digest();

/** The correction of one campaign row: derived from that row (one sale, one campaign), written once. */
export const limitCorrectionId = (reversedId: string): string =>
  uuidV5(CAMPAIGN_LIMIT_NAMESPACE, `campaign-limit/${reversedId}`, sha1);

const FreshCampaignRow = z.object({ id: z.string(), memberId: z.string(), campaignId: z.string(), delta: z.number() });
type FreshCampaignRow = z.infer<typeof FreshCampaignRow>;

function freshCampaignRows(feed: readonly FeedItem[]): FreshCampaignRow[] {
  return feed.flatMap((item) => {
    if (item.kind !== 'ledger') return [];
    const row = FreshCampaignRow.safeParse(item.payload);
    return row.success && row.data.delta > 0 ? [row.data] : [];
  });
}

/**
 * Head office is the arbiter of each campaign's per-member limit across tills: after a chunk's
 * records are applied, a member whose rows of a limited campaign now sum past its limit gets
 * `reversal` rows (naming the campaign and the row each takes from) that take the excess back,
 * from the rows just derived (shared/domain/campaigns/memberLimitExcess.ts). They join the chunk's
 * feed, so every till, the one that gave the bonus too, pulls them.
 */
export async function takeBackOverLimit(tx: HoDb, applied: Applied, now: number): Promise<void> {
  const fresh = freshCampaignRows(applied.feed);
  if (fresh.length === 0) return;
  const campaignIds = [...new Set(fresh.map((r) => r.campaignId))];
  const stored = await tx
    .select({ id: campaigns.id, campaign: campaigns.campaign })
    .from(campaigns)
    .where(sql`${campaigns.id} IN ${idList(campaignIds)}`);
  const limits = new Map<string, number>();
  for (const row of stored) {
    const parsed = Campaign.safeParse(row.campaign);
    if (parsed.success && parsed.data.perMemberLimit !== null) limits.set(row.id, parsed.data.perMemberLimit);
  }
  const limited = fresh.filter((r) => limits.has(r.campaignId));
  if (limited.length === 0) return;
  const memberIds = [...new Set(limited.map((r) => r.memberId))].sort();
  // Tills are derived side by side: the second derivation of one member waits for the first to
  // commit, and its next statement (READ COMMITTED) then sees both tills' rows.
  for (const memberId of memberIds)
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LIMIT_LOCK_NAMESPACE}, hashtext(${memberId}))`);
  const totals = await tx
    .select({
      memberId: ledger.memberId,
      campaignId: ledger.campaignId,
      total: sql<number>`coalesce(sum(${ledger.delta}), 0)::int`,
    })
    .from(ledger)
    .where(
      sql`${ledger.memberId} IN ${idList(memberIds)}
        AND ${ledger.campaignId} IN ${idList([...new Set(limited.map((r) => r.campaignId))])}`,
    )
    .groupBy(ledger.memberId, ledger.campaignId);
  const rows = await tx
    .select()
    .from(ledger)
    .where(sql`${ledger.id} IN ${idList(limited.map((r) => r.id))}`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const corrections: (typeof ledger.$inferInsert)[] = [];
  for (const t of totals) {
    const limit = t.campaignId === null ? undefined : limits.get(t.campaignId);
    if (limit === undefined) continue;
    const mine = rows.filter((r) => r.memberId === t.memberId && r.campaignId === t.campaignId);
    for (const c of limitCorrections(limit, Number(t.total), mine)) {
      const reversed = byId.get(c.reversesId);
      if (!reversed) continue;
      corrections.push({
        id: limitCorrectionId(reversed.id),
        memberId: reversed.memberId,
        kind: 'reversal',
        delta: c.delta,
        ruleVersion: reversed.ruleVersion,
        campaignId: reversed.campaignId,
        saleId: reversed.saleId,
        redemptionId: null,
        refundId: null,
        reversesId: reversed.id,
        terminalId: LIMIT_CORRECTION_TERMINAL,
        shopId: reversed.shopId,
        createdAt: now,
        expiresAt: null,
        lotId: reversed.id,
      });
    }
  }
  if (corrections.length === 0) return;
  // The summaries count only corrections inserted now, not one already stored (the members' locks
  // above keep another derivation from writing them in between).
  const already = await tx
    .select({ id: ledger.id })
    .from(ledger)
    .where(sql`${ledger.id} IN ${idList(corrections.map((c) => c.id))}`);
  const alreadyIds = new Set(already.map((r) => r.id));
  await insertRows(tx, ledger, corrections, { onConflictDoNothing: true });
  applied.summaries.ledger.push(...corrections.filter((c) => !alreadyIds.has(c.id)));
  for (const r of corrections) {
    applied.spentBy.push(r.memberId);
    applied.feed.push({
      kind: 'ledger',
      entityId: r.id,
      originTerminalId: null,
      payload: {
        id: r.id,
        memberId: r.memberId,
        type: 'reversal',
        delta: r.delta,
        ruleVersion: r.ruleVersion ?? null,
        campaignId: r.campaignId ?? null,
        shopId: r.shopId,
        terminalId: r.terminalId,
        createdAt: r.createdAt,
        expiresAt: null,
        lotId: r.lotId ?? null,
        reversesId: r.reversesId ?? null,
      },
    });
  }
}
