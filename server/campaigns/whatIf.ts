import { and, asc, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { WHAT_IF_SALES_CAP, type WhatIfAnswer } from '../../shared/admin/campaignEffect';
import type { CampaignMember, CampaignEvent } from '../../shared/domain/campaigns/applyCampaigns';
import type { Campaign, CampaignSpec } from '../../shared/domain/campaigns/campaign';
import { dayIn } from '../stats/summaryDeltas';
import type { HoDb } from '../store/connect';
import { memberActivity, members, saleLines, sales } from '../store/schema';
import { tiersDuring } from '../tiers/tiersAt';
import { shopTimeZone } from '../sync/shopTimeZone';
import { pointValue } from './programmeValue';
import { replayCampaign, type ReplayEvent } from './whatIfReplay';

// What a draft campaign would have done over the last N weeks (README.md): head office's sales of
// those weeks (ho_sales_created_idx, at most WHAT_IF_SALES_CAP, the earliest first), their lines,
// their members, through the one engine (whatIfReplay.ts). Reads only.

const WEEK_MS = 7 * 86_400_000;
const CHUNK = 1_000;

const chunks = <T>(xs: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

interface MemberFacts {
  id: string;
  birthday: string | null;
  createdAt: number;
  homeShopId: string | null;
}

async function membersById(db: HoDb, ids: readonly string[]): Promise<Map<string, MemberFacts>> {
  const out = new Map<string, MemberFacts>();
  for (const part of chunks(ids)) {
    const rows = await db
      .select({
        id: members.id,
        birthday: members.birthday,
        createdAt: members.createdAt,
        homeShopId: members.homeShopId,
      })
      .from(members)
      .where(inArray(members.id, part));
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/** Each member's sales before `from` (all their visits less those since): the visit count the weeks start at. */
async function visitsBefore(db: HoDb, ids: readonly string[], from: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks(ids)) {
    const all = await db
      .select({ id: memberActivity.memberId, visits: memberActivity.visits })
      .from(memberActivity)
      .where(inArray(memberActivity.memberId, part));
    const since = await db
      .select({ id: sql<string>`${sales.memberId}`, n: sql<number>`count(*)::int` })
      .from(sales)
      .where(and(gte(sales.createdAt, from), inArray(sales.memberId, part)))
      .groupBy(sales.memberId);
    const sinceOf = new Map(since.map((r) => [r.id, Number(r.n)]));
    for (const r of all) out.set(r.id, Math.max(0, Number(r.visits) - (sinceOf.get(r.id) ?? 0)));
  }
  return out;
}

function calendar(at: number, timeZone: string): { weekday: number; month: number } {
  const [y, m, d] = dayIn(at, timeZone).split('-').map(Number);
  return { weekday: new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay(), month: m ?? 1 };
}

export async function campaignWhatIf(
  db: HoDb,
  id: string,
  spec: CampaignSpec,
  weeks: number,
  now: number,
  cap: number = WHAT_IF_SALES_CAP,
): Promise<WhatIfAnswer> {
  const from = now - weeks * WEEK_MS;
  // The draft runs over the weeks replayed, under the id it has (or will have): the same holdout.
  const campaign: Campaign = {
    ...spec,
    id,
    published: true,
    cancelled: false,
    updatedAt: now,
    startsAt: from,
    endsAt: now,
  };
  const signupsOnly = spec.rule.kind === 'signup';
  const window = (at: typeof sales.createdAt | typeof members.createdAt) => and(gte(at, from), lt(at, now));
  const saleRows = signupsOnly
    ? []
    : await db
        .select()
        .from(sales)
        .where(and(window(sales.createdAt), isNotNull(sales.memberId)))
        .orderBy(asc(sales.createdAt), asc(sales.id))
        .limit(cap + 1);
  const signupRows = signupsOnly
    ? await db
        .select({ id: members.id, createdAt: members.createdAt, homeShopId: members.homeShopId })
        .from(members)
        .where(window(members.createdAt))
        .orderBy(asc(members.createdAt), asc(members.id))
        .limit(cap + 1)
    : [];
  const capped = saleRows.length > cap || signupRows.length > cap;
  const scanned = saleRows.slice(0, cap);
  const signups = signupRows.slice(0, cap);

  const memberIds = [...new Set([...scanned.map((s) => s.memberId ?? ''), ...signups.map((m) => m.id)])];
  const facts = await membersById(db, memberIds);
  // A tiers campaign meets each member on their tier at the time, by the kept history (as the lift does).
  const tierAt =
    spec.target.kind === 'tiers' ? await tiersDuring(db, memberIds, from, now, now) : (): string | null => null;
  const visits = spec.rule.kind === 'nthVisit' ? await visitsBefore(db, memberIds, from) : new Map<string, number>();
  const lines = new Map<string, (typeof saleLines.$inferSelect)[]>();
  for (const part of chunks(scanned.map((s) => s.id))) {
    const rows = await db
      .select()
      .from(saleLines)
      .where(inArray(saleLines.saleId, part))
      .orderBy(asc(saleLines.saleId), asc(saleLines.lineNo));
    for (const l of rows) lines.set(l.saleId, [...(lines.get(l.saleId) ?? []), l]);
  }
  const zones = new Map<string, string>();
  const zoneOf = async (shopId: string | null): Promise<string> => {
    const key = shopId ?? '';
    const known = zones.get(key) ?? (await shopTimeZone(db, shopId));
    zones.set(key, known);
    return known;
  };

  const visitCount = new Map(visits);
  const memberAt = (memberId: string, at: number, visitNumber: number): CampaignMember | null => {
    const m = facts.get(memberId);
    if (!m) return null;
    return {
      id: m.id,
      tierCode: tierAt(m.id, at),
      birthday: m.birthday,
      joinedAt: m.createdAt,
      visitNumber,
    };
  };
  const events: ReplayEvent[] = [];
  for (const s of scanned) {
    const visitNumber = (visitCount.get(s.memberId ?? '') ?? 0) + 1;
    visitCount.set(s.memberId ?? '', visitNumber);
    const member = memberAt(s.memberId ?? '', s.createdAt, visitNumber);
    if (!member) continue;
    const own = lines.get(s.id) ?? [];
    const lineEarn = own.map((l) => l.points);
    const event: CampaignEvent = {
      kind: 'sale',
      at: s.createdAt,
      ...calendar(s.createdAt, await zoneOf(s.shopId)),
      lines: own.map((l) => ({
        sku: l.sku,
        name: l.name,
        category: l.category,
        quantity: l.quantity,
        unitPriceMinor: l.unitPriceMinor,
      })),
      lineEarn,
      earnedPoints: lineEarn.reduce((sum, p) => sum + p, 0),
      paidMinor: s.totalMinor,
    };
    events.push({ shopId: s.shopId, member, event });
  }
  for (const m of signups) {
    const member = memberAt(m.id, m.createdAt, 0);
    if (!member) continue;
    const event: CampaignEvent = {
      kind: 'signup',
      at: m.createdAt,
      ...calendar(m.createdAt, await zoneOf(m.homeShopId)),
      lines: [],
      lineEarn: [],
      earnedPoints: 0,
      paidMinor: 0,
    };
    events.push({ shopId: m.homeShopId ?? '', member, event });
  }
  return {
    from,
    to: now,
    weeks,
    salesScanned: scanned.length,
    signupsScanned: signups.length,
    capped,
    cap,
    ...replayCampaign(campaign, events, from, weeks, await pointValue(db)),
  };
}
