import { and, eq, sql } from 'drizzle-orm';
import { pointsLedger } from '../../db/schema';
import { syncLink } from '../../db/schemaSync';
import {
  applyCampaigns,
  type CampaignBonus,
  type CampaignEvent,
  type CampaignMember,
  type CampaignRoom,
} from '../../shared/domain/campaigns/applyCampaigns';
import type { Campaign } from '../../shared/domain/campaigns/campaign';
import type { LedgerRecord } from '../../shared/sync/records';
import type { ServiceContext } from '../core/context';
import { direct } from '../platform/compiledStatements';
import { perDb } from '../platform/transactions';
import { businessDay } from './businessDay';
import { addCampaignSpend, allowanceOf, runningCampaigns } from './campaignStore';
import type { MemberRow } from './memberView';
import type { LedgerStatement } from './sales';

// The till's side of the campaign engine (shared/domain/campaigns/applyCampaigns.ts): what each
// running campaign may still give here, and one ledger row per bonus, naming its campaign.

const p = sql.placeholder;

const statements = perDb((db) => ({
  linked: direct(db.select({ id: syncLink.id }).from(syncLink).limit(1).prepare()),
  // What the campaign gave this member, in every ledger row this till knows (its own and pulled ones).
  memberGot: db
    .select({ points: sql<number>`coalesce(sum(${pointsLedger.delta}), 0)` })
    .from(pointsLedger)
    .where(and(eq(pointsLedger.campaignId, p('campaignId')), eq(pointsLedger.memberId, p('memberId'))))
    .prepare(),
}));

/**
 * What a campaign may still give here: an enrolled till gives from what head office granted it
 * (so tills that sync in any order never pass the budget together); a till without head office is
 * the campaign's only till and gives from the whole budget.
 */
function roomFor(ctx: ServiceContext, c: Campaign, memberId: string, linked: boolean): CampaignRoom {
  const { granted, spent } = allowanceOf(ctx.db, c.id);
  const budgetLeft = (linked ? granted : c.budgetPoints) - spent;
  if (c.perMemberLimit === null) return { budgetLeft, memberLeft: null };
  const got = statements(ctx.db).memberGot.get({ campaignId: c.id, memberId })?.points ?? 0;
  return { budgetLeft, memberLeft: c.perMemberLimit - got };
}

/** The shop's weekday (0 = Sunday) and month at an instant, from its calendar day. */
function localCalendar(ctx: ServiceContext, at: number): { weekday: number; month: number } {
  const day = businessDay(at, ctx.timeZone);
  const [y, m, d] = day.split('-').map(Number);
  return { weekday: new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay(), month: m ?? 1 };
}

export interface CampaignSaleFacts {
  member: MemberRow;
  tierCode: string | null;
  visitNumber: number;
  lines: CampaignEvent['lines'];
  lineEarn: readonly number[];
  earnedPoints: number;
  paidMinor: number;
}

function memberFacts(member: MemberRow, tierCode: string | null, visitNumber: number): CampaignMember {
  return { id: member.id, tierCode, birthday: member.birthday, joinedAt: member.createdAt, visitNumber };
}

/** The bonuses running campaigns give this member on this sale. Reads only. */
export function saleBonuses(ctx: ServiceContext, facts: CampaignSaleFacts): CampaignBonus[] {
  const at = ctx.clock.now();
  const running = runningCampaigns(ctx.db, at);
  if (running.length === 0) return [];
  const linked = statements(ctx.db).linked.get() !== undefined;
  const event: CampaignEvent = {
    kind: 'sale',
    at,
    ...localCalendar(ctx, at),
    lines: facts.lines,
    lineEarn: facts.lineEarn,
    earnedPoints: facts.earnedPoints,
    paidMinor: facts.paidMinor,
  };
  const member = memberFacts(facts.member, facts.tierCode, facts.visitNumber);
  return applyCampaigns(running, member, event, (id) => {
    const c = running.find((x) => x.id === id);
    return c ? roomFor(ctx, c, member.id, linked) : { budgetLeft: 0, memberLeft: 0 };
  });
}

/** The signup bonuses running campaigns give a member who has just registered. Reads only. */
export function signupBonuses(ctx: ServiceContext, member: MemberRow): CampaignBonus[] {
  const at = ctx.clock.now();
  const running = runningCampaigns(ctx.db, at).filter((c) => c.rule.kind === 'signup');
  if (running.length === 0) return [];
  const linked = statements(ctx.db).linked.get() !== undefined;
  const event: CampaignEvent = {
    kind: 'signup',
    at,
    ...localCalendar(ctx, at),
    lines: [],
    lineEarn: [],
    earnedPoints: 0,
    paidMinor: 0,
  };
  return applyCampaigns(running, memberFacts(member, member.tierCode, 0), event, (id) => {
    const c = running.find((x) => x.id === id);
    return c ? roomFor(ctx, c, member.id, linked) : { budgetLeft: 0, memberLeft: 0 };
  });
}

export interface BonusRowsAt {
  insert: LedgerStatement;
  memberId: string;
  balanceBefore: number;
  saleId: string | null;
  ruleVersion: number | null;
  terminalId: string;
  now: number;
  /** When these lots expire, by the policy in force (null: never). */
  expiresAt: number | null;
}

/**
 * One 'earn' ledger row per bonus, naming its campaign, and the till's spend of each campaign,
 * in the caller's transaction. Returns the rows for the outbox record.
 */
export function writeBonusRows(
  ctx: ServiceContext,
  bonuses: readonly CampaignBonus[],
  at: BonusRowsAt,
): LedgerRecord[] {
  const rows: LedgerRecord[] = [];
  let balance = at.balanceBefore;
  for (const b of bonuses) {
    const id = ctx.ids.uuid();
    balance += b.points;
    at.insert.run({
      id,
      memberId: at.memberId,
      kind: 'earn',
      delta: b.points,
      balanceAfter: balance,
      saleId: at.saleId,
      redemptionId: null,
      ruleVersion: at.ruleVersion,
      campaignId: b.campaignId,
      summary: `${b.name} +${b.points}`,
      terminalId: at.terminalId,
      createdAt: at.now,
      expiresAt: at.expiresAt,
    });
    addCampaignSpend(ctx.db, b.campaignId, b.points);
    rows.push({
      id,
      kind: 'earn',
      delta: b.points,
      memberId: at.memberId,
      ruleVersion: at.ruleVersion,
      campaignId: b.campaignId,
      createdAt: at.now,
      expiresAt: at.expiresAt,
    });
  }
  return rows;
}
