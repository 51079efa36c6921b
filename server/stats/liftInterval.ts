// The lift of a campaign against its holdout: the difference of two groups' means with a 95%
// confidence interval by Welch's t (each group its own variance; Welch–Satterthwaite degrees of
// freedom). Pure: the route hands it one number per member of each group (server/campaigns/README.md).

/** Below this many members in either group the interval is not computed (a t interval on a handful is noise). */
export const MIN_LIFT_GROUP = 10;

export interface GroupSummary {
  n: number;
  mean: number;
  /** The sample variance (n − 1 in the denominator); 0 for fewer than two values. */
  variance: number;
}

export type LiftInterval =
  | { computable: true; difference: number; low: number; high: number; df: number }
  | { computable: false; difference: number | null; reason: 'groupTooSmall' | 'noVariance' };

export interface Lift {
  treated: GroupSummary;
  holdout: GroupSummary;
  /** treated mean − holdout mean, with its interval (or why there is none). */
  interval: LiftInterval;
}

/** Mean and sample variance, by Welford's running update (no cancellation on large sums). */
export function summarise(values: readonly number[]): GroupSummary {
  let mean = 0;
  let m2 = 0;
  values.forEach((x, i) => {
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  });
  const n = values.length;
  return { n, mean: n === 0 ? 0 : mean, variance: n < 2 ? 0 : m2 / (n - 1) };
}

/**
 * The same summary from a group's count, sum and sum of squares (integers, exact as bigint): what
 * PostgreSQL hands back when it groups a campaign's members itself (server/campaigns/liftSums.ts).
 */
export function summaryOfSums(n: number, sum: bigint, sumSquares: bigint): GroupSummary {
  if (n === 0) return { n, mean: 0, variance: 0 };
  const big = BigInt(n);
  return { n, mean: Number(sum) / n, variance: n < 2 ? 0 : Number(big * sumSquares - sum * sum) / (n * (n - 1)) };
}

const Z_975 = 1.959963984540054;

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom (df may be fractional, as
 * Welch's is), by the Cornish–Fisher expansion about the normal quantile: within 1e-3 for df ≥ 3,
 * closer as df grows (the route never asks below MIN_LIFT_GROUP − 1).
 */
export function tQuantile975(df: number): number {
  const z = Z_975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

/** Welch's 95% interval for mean(treated) − mean(holdout); not computable below `minGroup` or with no spread. */
export function welchLift(
  treatedValues: readonly number[],
  holdoutValues: readonly number[],
  minGroup: number = MIN_LIFT_GROUP,
): Lift {
  return welchLiftOf(summarise(treatedValues), summarise(holdoutValues), minGroup);
}

/** Welch's interval from the two groups' summaries (welchLift's rule, for groups summed elsewhere). */
export function welchLiftOf(treated: GroupSummary, holdout: GroupSummary, minGroup: number = MIN_LIFT_GROUP): Lift {
  const bothSeen = treated.n > 0 && holdout.n > 0;
  const difference = bothSeen ? treated.mean - holdout.mean : null;
  if (treated.n < Math.max(2, minGroup) || holdout.n < Math.max(2, minGroup))
    return { treated, holdout, interval: { computable: false, difference, reason: 'groupTooSmall' } };
  const a = treated.variance / treated.n;
  const b = holdout.variance / holdout.n;
  const diff = treated.mean - holdout.mean;
  if (a + b === 0) return { treated, holdout, interval: { computable: false, difference: diff, reason: 'noVariance' } };
  const df = (a + b) ** 2 / (a ** 2 / (treated.n - 1) + b ** 2 / (holdout.n - 1));
  const half = tQuantile975(df) * Math.sqrt(a + b);
  return {
    treated,
    holdout,
    interval: { computable: true, difference: diff, low: diff - half, high: diff + half, df },
  };
}
