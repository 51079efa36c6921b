/*
 * THE REFUND ROUNDING POLICY — what a refund takes back and gives back.
 *
 * Everything is computed CUMULATIVELY: for the quantities refunded so far (earlier refunds plus
 * this one) the function says how much of each part of the sale has gone back in total, and this
 * refund is that total minus the total before it. So a sequence of partial refunds never moves
 * more than the whole, and the refund that completes the sale settles the remainder exactly.
 *  1. Money back: floor(sale total × refunded gross / the lines' gross); a line's gross share is
 *     floor(line total × refunded quantity / sold quantity).
 *  2. Points the sale spent as a discount come back in proportion of the refunded gross (the
 *     discount is spread over every line alike): floor — rounding never favours the member.
 *  3. Points the sale earned are reversed: a line's own points (sale_lines.points) by its
 *     quantity, ceil(points × refunded / sold); the part of the sale's points no line carries
 *     (visit points, the sale's rounding) and every campaign bonus row of the sale (per sale) go
 *     by the refunded ELIGIBLE gross (lines that earned points, refundableSaleOf; all lines
 *     when none was eligible): ceil. Ceil for what is taken back, floor for what is given back.
 *  4. Each reversal names the ledger row it reverses; a part spread over several rows of one
 *     kind is taken from them in their order.
 * A refund of more than was sold (per line, counting earlier refunds), of an unknown line, of a
 * line named twice, or of nothing is refused; nothing is computed.
 */

export interface RefundableLine {
  lineNo: number;
  quantity: number;
  lineTotalMinor: number;
  points: number;
  /** The sale's rule version earned on this line (not excluded). */
  eligible: boolean;
}

/** A ledger row the sale wrote: what a refund can reverse. */
export interface RefundableLedgerRow {
  id: string;
  kind: 'earn' | 'spend' | 'redeem' | 'adjust' | 'expire' | 'reversal';
  delta: number;
  ruleVersion: number | null;
  campaignId: string | null;
}

export interface RefundableSale {
  totalMinor: number;
  lines: readonly RefundableLine[];
  ledger: readonly RefundableLedgerRow[];
}

export interface RefundLineRequest {
  lineNo: number;
  quantity: number;
}

export interface RefundReversal {
  /** The sale's ledger row this one reverses. */
  reversesId: string;
  /** Negative for earned points taken back, positive for spent points given back. */
  delta: number;
  ruleVersion: number | null;
  campaignId: string | null;
}

export interface RefundPlan {
  lines: { lineNo: number; quantity: number; amountMinor: number }[];
  /** Money back to the customer. */
  amountMinor: number;
  /** Earned points taken back (>= 0). */
  pointsReversed: number;
  /** Spent points given back (>= 0). */
  pointsReturned: number;
  reversals: RefundReversal[];
  /** After this refund every line is refunded whole. */
  completesSale: boolean;
}

export type RefundProblem =
  | { kind: 'empty' }
  | { kind: 'unknownLine'; lineNo: number }
  | { kind: 'repeatedLine'; lineNo: number }
  | { kind: 'overRefund'; lineNo: number; sold: number; refundedBefore: number; requested: number };

/** Quantity per line number. */
export type LineQuantities = ReadonlyMap<number, number>;

const big = BigInt;
const floorDiv = (a: bigint, b: bigint): bigint => a / b;
const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

/** A line's gross money for a refunded quantity. */
const lineGross = (line: RefundableLine, qty: number): bigint =>
  floorDiv(big(line.lineTotalMinor) * big(qty), big(line.quantity));

interface Totals {
  grossRefunded: bigint;
  grossWhole: bigint;
  eligibleRefunded: bigint;
  eligibleWhole: bigint;
  linePointsReversed: bigint;
}

function totalsAt(sale: RefundableSale, qty: LineQuantities): Totals {
  const t: Totals = {
    grossRefunded: 0n,
    grossWhole: 0n,
    eligibleRefunded: 0n,
    eligibleWhole: 0n,
    linePointsReversed: 0n,
  };
  for (const line of sale.lines) {
    const q = qty.get(line.lineNo) ?? 0;
    const gross = lineGross(line, q);
    t.grossRefunded += gross;
    t.grossWhole += big(line.lineTotalMinor);
    if (line.eligible) {
      t.eligibleRefunded += gross;
      t.eligibleWhole += big(line.lineTotalMinor);
    }
    t.linePointsReversed += ceilDiv(big(line.points) * big(q), big(line.quantity));
  }
  // No eligible line: the per-sale parts go by the gross instead.
  if (t.eligibleWhole === 0n) {
    t.eligibleRefunded = t.grossRefunded;
    t.eligibleWhole = t.grossWhole;
  }
  return t;
}

/** `part × num / den`, rounded; with a whole of 0 (a free sale), nothing until the sale is refunded whole. */
function share(part: bigint, num: bigint, den: bigint, round: 'floor' | 'ceil', whole: boolean): bigint {
  if (den === 0n) return whole ? part : 0n;
  return round === 'floor' ? floorDiv(part * num, den) : ceilDiv(part * num, den);
}

/** Splits `amount` over rows of these sizes in order, each row up to its size. */
function fill(amount: bigint, sizes: readonly bigint[]): bigint[] {
  let left = amount;
  return sizes.map((size) => {
    const take = left < size ? left : size;
    left -= take;
    return take;
  });
}

const isBaseEarn = (r: RefundableLedgerRow): boolean => r.kind === 'earn' && r.campaignId === null && r.delta > 0;
const isCampaignBonus = (r: RefundableLedgerRow): boolean => r.campaignId !== null && r.delta > 0;
const isSpend = (r: RefundableLedgerRow): boolean => r.kind === 'spend' && r.delta < 0;

/** For the quantities refunded so far: how much of each ledger row is reversed, and the money back. */
function cumulative(sale: RefundableSale, qty: LineQuantities): { byRow: Map<string, bigint>; amount: bigint } {
  const t = totalsAt(sale, qty);
  const whole = sale.lines.every((l) => (qty.get(l.lineNo) ?? 0) === l.quantity);
  const byRow = new Map<string, bigint>();
  const base = sale.ledger.filter(isBaseEarn);
  const baseSizes = base.map((r) => big(r.delta));
  const baseWhole = baseSizes.reduce((a, b) => a + b, 0n);
  const linePoints = sale.lines.reduce((a, l) => a + big(l.points), 0n);
  // Line points never sum above the sale's (earn.ts, step 7); the guard keeps an odd record in range.
  const lineCarried = linePoints < baseWhole ? linePoints : baseWhole;
  const lineReversed = t.linePointsReversed < lineCarried ? t.linePointsReversed : lineCarried;
  const restReversed = share(baseWhole - lineCarried, t.eligibleRefunded, t.eligibleWhole, 'ceil', whole);
  fill(lineReversed + restReversed, baseSizes).forEach((v, i) => byRow.set(base[i]?.id ?? '', v));
  for (const r of sale.ledger.filter(isCampaignBonus)) {
    byRow.set(r.id, share(big(r.delta), t.eligibleRefunded, t.eligibleWhole, 'ceil', whole));
  }
  const spend = sale.ledger.filter(isSpend);
  const spendSizes = spend.map((r) => big(-r.delta));
  const spentWhole = spendSizes.reduce((a, b) => a + b, 0n);
  const returned = share(spentWhole, t.grossRefunded, t.grossWhole, 'floor', whole);
  fill(returned, spendSizes).forEach((v, i) => byRow.set(spend[i]?.id ?? '', v));
  const amount = share(big(sale.totalMinor), t.grossRefunded, t.grossWhole, 'floor', whole);
  return { byRow, amount };
}

/** Checks a refund request against what was sold and refunded before; null when it may go ahead. */
export function refundProblem(
  sale: RefundableSale,
  refundedBefore: LineQuantities,
  request: readonly RefundLineRequest[],
): RefundProblem | null {
  const wanted = request.filter((r) => r.quantity > 0);
  if (wanted.length === 0) return { kind: 'empty' };
  const seen = new Set<number>();
  for (const r of wanted) {
    if (seen.has(r.lineNo)) return { kind: 'repeatedLine', lineNo: r.lineNo };
    seen.add(r.lineNo);
    const line = sale.lines.find((l) => l.lineNo === r.lineNo);
    if (!line) return { kind: 'unknownLine', lineNo: r.lineNo };
    const before = refundedBefore.get(r.lineNo) ?? 0;
    if (!Number.isSafeInteger(r.quantity) || before + r.quantity > line.quantity) {
      return {
        kind: 'overRefund',
        lineNo: r.lineNo,
        sold: line.quantity,
        refundedBefore: before,
        requested: r.quantity,
      };
    }
  }
  return null;
}

/** What one refund moves, given what earlier refunds moved (their line quantities). */
export function planRefund(
  sale: RefundableSale,
  refundedBefore: LineQuantities,
  request: readonly RefundLineRequest[],
): RefundPlan | RefundProblem {
  const problem = refundProblem(sale, refundedBefore, request);
  if (problem) return problem;
  const after = new Map(refundedBefore);
  const lines: RefundPlan['lines'] = [];
  for (const r of request) {
    if (r.quantity <= 0) continue;
    const line = sale.lines.find((l) => l.lineNo === r.lineNo);
    if (!line) continue;
    const before = refundedBefore.get(r.lineNo) ?? 0;
    after.set(r.lineNo, before + r.quantity);
    const amount = lineGross(line, before + r.quantity) - lineGross(line, before);
    lines.push({ lineNo: r.lineNo, quantity: r.quantity, amountMinor: Number(amount) });
  }
  const was = cumulative(sale, refundedBefore);
  const now = cumulative(sale, after);
  const reversals: RefundReversal[] = [];
  let pointsReversed = 0;
  let pointsReturned = 0;
  for (const row of sale.ledger) {
    const moved = Number((now.byRow.get(row.id) ?? 0n) - (was.byRow.get(row.id) ?? 0n));
    if (moved === 0) continue;
    const delta = row.delta > 0 ? -moved : moved;
    if (delta < 0) pointsReversed += moved;
    else pointsReturned += moved;
    reversals.push({ reversesId: row.id, delta, ruleVersion: row.ruleVersion, campaignId: row.campaignId });
  }
  return {
    lines,
    amountMinor: Number(now.amount - was.amount),
    pointsReversed,
    pointsReturned,
    reversals,
    completesSale: sale.lines.every((l) => (after.get(l.lineNo) ?? 0) === l.quantity),
  };
}

export const isRefundProblem = (r: RefundPlan | RefundProblem): r is RefundProblem => 'kind' in r;

/** Adds a refund's line quantities to those refunded before. */
export function addRefunded(before: LineQuantities, lines: readonly RefundLineRequest[]): Map<number, number> {
  const out = new Map(before);
  for (const l of lines) out.set(l.lineNo, (out.get(l.lineNo) ?? 0) + l.quantity);
  return out;
}

/**
 * A recorded sale as the arithmetic reads it, alike at the till and at head office. A line counts
 * as eligible when it earned points: the sale's rule version excluded the others (a line too small
 * to earn a whole point counts as not eligible, which moves only when the per-sale part goes back).
 */
export function refundableSaleOf(sale: {
  totalMinor: number;
  lines: readonly { lineNo: number; quantity: number; lineTotalMinor: number; points: number }[];
  ledger: readonly RefundableLedgerRow[];
}): RefundableSale {
  return {
    totalMinor: sale.totalMinor,
    lines: sale.lines.map((l) => ({
      lineNo: l.lineNo,
      quantity: l.quantity,
      lineTotalMinor: l.lineTotalMinor,
      points: l.points,
      eligible: l.points > 0,
    })),
    // One order everywhere (the till's rows and head office's come back in different orders).
    ledger: [...sale.ledger].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}
