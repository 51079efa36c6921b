import { z } from 'zod';
import { addMonths, localDateOf, nextDay, startOfLocalDay, type LocalDate } from '../zonedDate';

// When the points a member earns expire. Each lot (a positive ledger row) takes its expiry from
// the policy in force when it was earned and keeps it, so a later policy change moves no lot.
// Zero months or years is refused: points that expire as they are earned are a typing slip.

const Months = z.number().int().min(1, 'expiry.zero').max(600);
const Years = z.number().int().min(1, 'expiry.zero').max(50);

export const ExpiryPolicy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('never') }),
  /** Earned on 15 Jan with 3 months: expires at the end of 15 Apr (a short month ends the lot on its last day). */
  z.object({ kind: z.literal('rollingMonths'), months: Months }),
  /** Earned in January with 2: expires at the end of March. */
  z.object({ kind: z.literal('endOfMonth'), monthsAfter: Months }),
  /** Earned in 2026 with 1: expires at the end of 2027. */
  z.object({ kind: z.literal('endOfYear'), yearsAfter: Years }),
]);
export type ExpiryPolicy = z.output<typeof ExpiryPolicy>;

export const NEVER_EXPIRES: ExpiryPolicy = { kind: 'never' };

/**
 * The instant a lot earned at `earnedAt` expires (its points are spendable strictly before it),
 * by the calendar of the shop's time zone; null when it never does.
 */
export function lotExpiresAt(policy: ExpiryPolicy, earnedAt: number, timeZone: string): number | null {
  if (policy.kind === 'never') return null; // the sale path: no calendar work
  // The answer depends on the local day only; every sale asks, and Intl costs tens of microseconds.
  const key = `${timeZone}|${policy.kind}|${countOf(policy)}`;
  const hit = lastDay.get(key);
  if (hit && earnedAt >= hit.start && earnedAt < hit.end) return hit.expiresAt;
  const earned = localDateOf(earnedAt, timeZone);
  const expiresAt = computeExpiry(policy, earned, timeZone);
  lastDay.set(key, {
    start: startOfLocalDay(earned, timeZone),
    end: startOfLocalDay(nextDay(earned), timeZone),
    expiresAt,
  });
  return expiresAt;
}

const lastDay = new Map<string, { start: number; end: number; expiresAt: number }>();

const countOf = (policy: Exclude<ExpiryPolicy, { kind: 'never' }>): number =>
  policy.kind === 'rollingMonths'
    ? policy.months
    : policy.kind === 'endOfMonth'
      ? policy.monthsAfter
      : policy.yearsAfter;

function computeExpiry(policy: Exclude<ExpiryPolicy, { kind: 'never' }>, earned: LocalDate, timeZone: string): number {
  switch (policy.kind) {
    case 'rollingMonths':
      return startOfLocalDay(nextDay(addMonths(earned, policy.months)), timeZone);
    case 'endOfMonth':
      return startOfLocalDay(
        addMonths({ year: earned.year, month: earned.month, day: 1 }, policy.monthsAfter + 1),
        timeZone,
      );
    case 'endOfYear':
      return startOfLocalDay({ year: earned.year + policy.yearsAfter + 1, month: 1, day: 1 }, timeZone);
  }
}
