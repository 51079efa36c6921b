import type { SaleLineForRules } from '../rules/earnTypes';
import { campaignStatus, type Campaign, type CampaignRule, type CampaignTarget } from './campaign';
import { inHoldout } from './holdout';

// THE campaign engine: which running campaigns give this member what on this sale (or at signup),
// with the overlap rule resolved and the budget and per-member caps applied. Pure: the till and any
// test call it with what they know; it reads no clock and no database.

const BP_ONE = 10_000;
const DAY_MS = 86_400_000;

export interface CampaignMember {
  id: string;
  tierCode: string | null;
  /** Stored form (`YYYY-MM-DD` or `--MM-DD`), or null. */
  birthday: string | null;
  /** When the member registered (epoch ms). */
  joinedAt: number;
  /** This sale's visit number (1 = the first sale); 0 at signup. */
  visitNumber: number;
}

export interface CampaignEvent {
  kind: 'sale' | 'signup';
  /** Epoch ms of the sale or registration. */
  at: number;
  /** The shop's local weekday (0 = Sunday) and month (1–12) at `at`: the caller knows the time zone. */
  weekday: number;
  month: number;
  lines: readonly SaleLineForRules[];
  /** The programme's points per line and in all, before any campaign. */
  lineEarn: readonly number[];
  earnedPoints: number;
  /** What the member pays (after points spent), in minor units. */
  paidMinor: number;
}

/** What a campaign may still give: what is left of its budget here, and of this member's limit (null = none). */
export interface CampaignRoom {
  budgetLeft: number;
  memberLeft: number | null;
}

export interface CampaignBonus {
  campaignId: string;
  name: string;
  points: number;
  /** For a line-level bonus, the points per sale line (they add up to `points`); empty otherwise. */
  lines: { lineIndex: number; points: number }[];
}

const extra = (points: number, bp: number): number => Math.floor((points * (bp - BP_ONE)) / BP_ONE);

const segmentSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function inSegment(ids: readonly string[], memberId: string): boolean {
  let set = segmentSets.get(ids);
  if (set === undefined) {
    set = new Set(ids);
    segmentSets.set(ids, set);
  }
  return set.has(memberId);
}

/** Whether the campaign is meant for this member (before the holdout). */
export function targets(target: CampaignTarget, member: CampaignMember, at: number): boolean {
  switch (target.kind) {
    case 'everyone':
      return true;
    case 'tiers':
      return member.tierCode !== null && target.tiers.includes(member.tierCode);
    case 'newMembers':
      return at - member.joinedAt <= target.withinDays * DAY_MS;
    case 'segment':
      return inSegment(target.memberIds, member.id);
  }
}

const birthMonth = (stored: string | null): number | null => (stored === null ? null : Number(stored.slice(-5, -3)));

const matchKey = (s: string): string => s.trim().toLowerCase();

/** The bonus before any cap: its points, and per line for a line-level rule. */
function rawBonus(rule: CampaignRule, member: CampaignMember, ev: CampaignEvent): CampaignBonus['lines'] | number {
  if (rule.kind === 'signup') return ev.kind === 'signup' ? rule.points : 0;
  if (ev.kind !== 'sale') return 0;
  switch (rule.kind) {
    case 'multiplier':
      return rule.weekdays.length === 0 || rule.weekdays.includes(ev.weekday)
        ? extra(ev.earnedPoints, rule.multiplierBp)
        : 0;
    case 'spendBonus':
      return ev.paidMinor >= rule.minSpendMinor ? rule.points : 0;
    case 'birthdayMonth':
      return birthMonth(member.birthday) === ev.month ? rule.points : 0;
    case 'nthVisit':
      return member.visitNumber === rule.visit ? rule.points : 0;
    case 'lineBonus': {
      const categories = new Set(rule.categories.map(matchKey));
      const skus = new Set(rule.skus.map(matchKey));
      const out: CampaignBonus['lines'] = [];
      ev.lines.forEach((line, lineIndex) => {
        if (!categories.has(matchKey(line.category)) && !skus.has(matchKey(line.sku))) return;
        const points = extra(ev.lineEarn[lineIndex] ?? 0, rule.multiplierBp);
        if (points > 0) out.push({ lineIndex, points });
      });
      return out;
    }
  }
}

/** Cuts a per-line bonus down to `cap` points, the first lines first. */
function capLines(lines: CampaignBonus['lines'], cap: number): CampaignBonus['lines'] {
  const out: CampaignBonus['lines'] = [];
  let left = cap;
  for (const l of lines) {
    const points = Math.min(l.points, left);
    if (points > 0) out.push({ lineIndex: l.lineIndex, points });
    left -= points;
  }
  return out;
}

/** One campaign's bonus for this member, capped by its room; null when it gives nothing. */
function bonusOf(c: Campaign, member: CampaignMember, ev: CampaignEvent, room: CampaignRoom): CampaignBonus | null {
  if (campaignStatus(c, ev.at) !== 'running') return null;
  if (!targets(c.target, member, ev.at) || inHoldout(c.id, member.id, c.holdoutBp)) return null;
  const raw = rawBonus(c.rule, member, ev);
  const cap = Math.max(0, Math.min(room.budgetLeft, room.memberLeft ?? Number.MAX_SAFE_INTEGER));
  const lines = typeof raw === 'number' ? [] : capLines(raw, cap);
  const points = typeof raw === 'number' ? Math.min(raw, cap) : lines.reduce((sum, l) => sum + l.points, 0);
  return points > 0 ? { campaignId: c.id, name: c.name, points, lines } : null;
}

const byStartThenId = (a: Campaign, b: Campaign): number =>
  a.startsAt - b.startsAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The bonuses this member gets, one per campaign, in a fixed order. Every 'stack' campaign adds its
 * own; of the 'bestOf' campaigns only the largest (after caps; the earlier, then the smaller id, on
 * a tie) applies, on top of the stacked ones.
 */
export function applyCampaigns(
  campaigns: readonly Campaign[],
  member: CampaignMember,
  ev: CampaignEvent,
  roomOf: (campaignId: string) => CampaignRoom,
): CampaignBonus[] {
  const ordered = [...campaigns].sort(byStartThenId);
  const stacked: CampaignBonus[] = [];
  let best: CampaignBonus | null = null;
  for (const c of ordered) {
    const bonus = bonusOf(c, member, ev, roomOf(c.id));
    if (bonus === null) continue;
    if (c.overlap === 'stack') stacked.push(bonus);
    else if (best === null || bonus.points > best.points) best = bonus;
  }
  const chosen = best === null ? stacked : [...stacked, best];
  const rank = new Map(ordered.map((c, i) => [c.id, i]));
  return chosen.sort((a, b) => (rank.get(a.campaignId) ?? 0) - (rank.get(b.campaignId) ?? 0));
}
