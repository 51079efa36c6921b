import type { TierQualification } from './rules/tierQualification';
import { tierFor, tierFraction, type TierDef } from './tier';
import { addMonths, startOfYear } from './tierCalendar';

// THE tier rule, run alike by a terminal (offline, from its own rows) and head office (from its
// ledger). It replays the member's dated history; the balance is not an input, so spending points
// can never demote anyone.
//
// - Upgrade: at the event whose window measure first reaches a higher tier's threshold.
// - Hold: a tier reached (or re-qualified) is held until its re-qualification date:
//     rollingMonths N: N months after the date it was reached;
//     calendarYear:    the end of the NEXT calendar year (reached in 2025 → held through 2026);
//     lifetime:        forever (no date; tiers only rise, today's behaviour).
// - Re-qualification: on that date the tier becomes the one the window then supports (down, the
//   same, or up; never below the entry tier), held again for one more period. For rollingMonths
//   the window is the N months before the date; for calendarYear it is the year just ended.
// - Override: a manager's tier applies from setAt until endsAt, then the computed tier applies.

/** One dated movement of a member's measure: a sale (points earned, spend) or a reversal of one. */
export interface TierEvent {
  at: number;
  points: number;
  spendMinor: number;
  /**
   * A reversal of earned points: when the reversed points were earned. The reversal is known from
   * `at` on (it never undoes an upgrade already given), but a window counts it where the earning
   * fell, so refunded earn is not earned at the next re-qualification.
   */
  earnedAt?: number;
}

export interface TierOverride {
  tierCode: string;
  reason: string;
  setAt: number;
  endsAt: number;
}

export interface TierStatusInput {
  ladder: TierDef[];
  policy: TierQualification;
  /** In any order; events after `now` are ignored. */
  events: TierEvent[];
  override: TierOverride | null;
  now: number;
  /** The shop's IANA time zone: calendar years and months are the shop's. */
  timeZone: string;
}

export interface TierStatus {
  /** The tier held now: the override's while one is in force, else the computed one. */
  tier: TierDef | null;
  /** The tier the rule gives, without any override. */
  computedTier: TierDef | null;
  /** When the computed tier was reached or last re-qualified (null: never left the entry tier). */
  since: number | null;
  /** When the computed tier is re-evaluated next (null: lifetime, or nothing to lose). */
  requalifyAt: number | null;
  /** The window's measure now (points earned, or spend in minor units). */
  measure: number;
  /** Where the window now starts (null: lifetime). */
  windowStart: number | null;
  /** The override in force now, if any. */
  override: TierOverride | null;
  next: TierDef | null;
  /** How much more measure reaches `next` within the current window. */
  toNext: number | null;
  fraction: number;
}

const valueOf = (e: TierEvent, policy: TierQualification): number =>
  policy.measure === 'pointsEarned' ? e.points : e.spendMinor;

function byRank(ladder: TierDef[]): TierDef[] {
  return [...ladder].sort((a, b) => a.rank - b.rank);
}

/** The window that counts for an evaluation at `at`: events with start <= event.at (or > for rolling). */
function windowStartAt(policy: TierQualification, at: number, timeZone: string): number | null {
  switch (policy.window.kind) {
    case 'lifetime':
      return null;
    case 'rollingMonths':
      return addMonths(at, -policy.window.months, timeZone);
    case 'calendarYear':
      return startOfYear(at, timeZone);
  }
}

function inWindow(policy: TierQualification, start: number | null, at: number): boolean {
  if (start === null) return true;
  // Rolling N months ends at the same time of day N months on: the start instant itself is out.
  return policy.window.kind === 'rollingMonths' ? at > start : at >= start;
}

/** The next re-qualification date of a tier reached or re-qualified at `at`. */
function reviewAfter(policy: TierQualification, at: number, timeZone: string): number | null {
  switch (policy.window.kind) {
    case 'lifetime':
      return null;
    case 'rollingMonths':
      return addMonths(at, policy.window.months, timeZone);
    case 'calendarYear':
      return startOfYear(at, timeZone, 2);
  }
}

function measureOver(events: TierEvent[], upTo: number, policy: TierQualification, start: number | null): number {
  let sum = 0;
  for (let i = 0; i < upTo; i += 1) {
    const e = events[i];
    if (e !== undefined && inWindow(policy, start, e.earnedAt ?? e.at)) sum += valueOf(e, policy);
  }
  return sum;
}

const rankOf = (t: TierDef | null): number => (t === null ? -Infinity : t.rank);

/** Where a member stands on the ladder at `now` (see the rule at the top of this file). */
export function tierStatus(input: TierStatusInput): TierStatus {
  const { policy, now, timeZone } = input;
  const ladder = byRank(input.ladder);
  const events = input.events.filter((e) => e.at <= now).sort((a, b) => a.at - b.at);
  const entry = tierFor(ladder, 0);
  let held = entry;
  let since: number | null = null;
  let review: number | null = null;

  // Re-qualification at `date`, with every event before it already counted.
  const reviewAt = (date: number, counted: number): void => {
    const start =
      policy.window.kind === 'calendarYear' ? startOfYear(date - 1, timeZone) : windowStartAt(policy, date, timeZone);
    held = tierFor(ladder, measureOver(events, counted, policy, start)) ?? entry;
    since = date;
    // A review on 1 January re-qualifies on the year just ended: held through the year it opens.
    const nextReview =
      policy.window.kind === 'calendarYear' ? startOfYear(date, timeZone, 1) : reviewAfter(policy, date, timeZone);
    review = rankOf(held) > rankOf(entry) ? nextReview : null;
  };

  for (let i = 0; i < events.length; i += 1) {
    const e = events[i];
    if (e === undefined) continue;
    while (review !== null && review <= e.at) reviewAt(review, i);
    if (valueOf(e, policy) <= 0) continue; // only a gain can cross a threshold
    const reached = tierFor(ladder, measureOver(events, i + 1, policy, windowStartAt(policy, e.at, timeZone)));
    if (reached !== null && rankOf(reached) > rankOf(held)) {
      held = reached;
      since = e.at;
      review = reviewAfter(policy, e.at, timeZone);
    }
  }
  while (review !== null && review <= now) reviewAt(review, events.length);

  const windowStart = windowStartAt(policy, now, timeZone);
  const measure = measureOver(events, events.length, policy, windowStart);
  const active = input.override !== null && input.override.setAt <= now && now < input.override.endsAt;
  const overridden = active ? (ladder.find((t) => t.code === input.override?.tierCode) ?? null) : null;
  const tier = overridden ?? held;
  const next = ladder.find((t) => rankOf(t) > rankOf(tier)) ?? null;
  const from = tier?.qualifyPoints ?? 0;
  return {
    tier,
    computedTier: held,
    since,
    requalifyAt: review,
    measure,
    windowStart,
    override: overridden !== null ? input.override : null,
    next,
    toNext: next === null ? null : Math.max(0, next.qualifyPoints - Math.max(0, measure)),
    fraction: tierFraction(measure, from, next?.qualifyPoints ?? null),
  };
}

/** The tier before and after a sale (its event at `now`): the receipt names an upgrade. */
export function tierChangeAtSale(
  input: TierStatusInput,
  sale: TierEvent,
): { before: TierStatus; after: TierStatus; upgraded: boolean } {
  const before = tierStatus(input);
  const after = tierStatus({ ...input, events: [...input.events, sale] });
  return { before, after, upgraded: rankOf(after.tier) > rankOf(before.tier) };
}
