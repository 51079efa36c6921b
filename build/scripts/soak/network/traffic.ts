// What the cashiers do during the network soak: register members, sell (to members of this shop
// and of other shops, often spending points), redeem rewards. Every call goes through the
// terminal's real API. Each confirmed id is remembered (head office must end up with it), and
// every points spend made while the till is offline is checked against the offline cap.
import { asc, eq, gt } from 'drizzle-orm';
import { members } from '../../../../db/schema';
import { memberSyncFacts } from '../../../../db/schemaSync';
import { FALLBACK_OFFLINE_CAP_POINTS } from '../../../../electron/services/offlineAllowance';
import { readState } from '../../../../electron/platform/syncStateTable';
import type { SimTerminal } from './terminals';

/** Refusals a cashier can legitimately meet; any other is a finding. */
const EXPECTED_REFUSALS = new Set([
  // A spend past what the sale can take off is refused (pointsEntry.ts), as one past the balance is.
  'INSUFFICIENT_POINTS',
  'POINTS_ABOVE_SALE_CAP',
  'POINTS_BELOW_MINIMUM',
  'DUPLICATE_PHONE',
  'OUT_OF_STOCK',
]);

export interface TradeTally {
  acked: { sales: string[]; redemptions: string[]; members: string[] };
  refusals: Map<string, number>;
  /** Points accepted while the till was offline, per member (bounds head office's overdrafts). */
  offlineSpent: Map<string, number>;
  offlineSpends: number;
  /**
   * Points an online till let a member spend past the chain's balance, per member: an online till spends what it
   * last pulled, and another till's spend since (pushed, or not yet derived, when this one pulled) is not in it.
   */
  staleSpent: Map<string, number>;
  staleSpends: number;
  /** The member's balance across the chain right now: every till's own ledger rows summed. */
  chainBalance: (memberId: string) => number;
  /** Spends refused because of the offline cap (the cap did its job). */
  capRefusals: number;
  foreignMemberSales: number;
  /** Members registered so far (makes each phone unique in the chain). */
  registered: number;
  violations: string[];
}

export function emptyTally(terminals: readonly SimTerminal[]): TradeTally {
  return {
    acked: { sales: [], redemptions: [], members: [] },
    refusals: new Map(),
    offlineSpent: new Map(),
    offlineSpends: 0,
    staleSpent: new Map(),
    staleSpends: 0,
    chainBalance: (memberId) =>
      terminals.reduce(
        (sum, t) =>
          sum +
          Number(
            t.core.db.$client
              .prepare('SELECT coalesce(sum(delta), 0) FROM points_ledger WHERE member_id = ? AND terminal_id = ?')
              .pluck()
              .get(memberId, t.terminalId),
          ),
        0,
      ),
    capRefusals: 0,
    foreignMemberSales: 0,
    registered: 0,
    violations: [],
  };
}

type Outcome<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };

function refused(t: SimTerminal, tally: TradeTally, what: string, r: Extract<Outcome<unknown>, { ok: false }>): void {
  tally.refusals.set(r.error.code, (tally.refusals.get(r.error.code) ?? 0) + 1);
  if (r.error.code === 'INSUFFICIENT_POINTS' && r.error.details?.reason === 'offline_cap') tally.capRefusals += 1;
  if (!EXPECTED_REFUSALS.has(r.error.code))
    tally.violations.push(`${t.label} ${what}: unexpected refusal ${r.error.code} ${r.error.message}`);
}

/** The offline cap this terminal knows for the member (what it must enforce). */
function knownCap(t: SimTerminal, memberId: string): number {
  const facts = t.core.db.select().from(memberSyncFacts).where(eq(memberSyncFacts.memberId, memberId)).get();
  const chain = Number(readState(t.core.db, 'defaultOfflineCapPoints') ?? FALLBACK_OFFLINE_CAP_POINTS);
  return facts?.offlineCapPoints ?? chain;
}

/** A new pull starts a new window: the cap counts what was spent here since head office last spoke. */
function refreshWindow(t: SimTerminal): void {
  const pullAt = readState(t.core.db, 'lastPullAt');
  if (pullAt !== t.window.pullAt) t.window = { pullAt, spent: new Map() };
}

/** `chainBefore`: the member's balance across the chain just before the spend (tally.chainBalance). */
function noteSpend(
  t: SimTerminal,
  tally: TradeTally,
  spend: { memberId: string; points: number; chainBefore: number },
  what: string,
): void {
  const { memberId, points } = spend;
  if (points <= 0) return;
  const spent = (t.window.spent.get(memberId) ?? 0) + points;
  t.window.spent.set(memberId, spent);
  if (readState(t.core.db, 'online') === 'true') {
    const past = points - Math.max(0, spend.chainBefore);
    if (past > 0) {
      tally.staleSpends += 1;
      tally.staleSpent.set(memberId, (tally.staleSpent.get(memberId) ?? 0) + past);
    }
    return;
  }
  tally.offlineSpends += 1;
  tally.offlineSpent.set(memberId, (tally.offlineSpent.get(memberId) ?? 0) + points);
  const cap = knownCap(t, memberId);
  if (spent > cap)
    tally.violations.push(
      `${t.label} ${what}: member ${memberId} spent ${spent} points offline since the last pull, over the cap ` +
        `of ${cap}`,
    );
}

const pick = <T>(random: () => number, xs: readonly T[]): T | undefined => xs[Math.floor(random() * xs.length)];

function chooseMember(t: SimTerminal): { id: string; balance: number; foreign: boolean } | null {
  const all = t.core.db
    .select({ id: members.id, balance: members.pointsBalance, home: members.homeShopId })
    .from(members)
    .all();
  if (all.length === 0) return null;
  // Half the time a member registered at another shop: the cross-shop case the offline cap is for.
  const foreign = all.filter((m) => m.home !== null && m.home !== t.shopId);
  const m = (t.random() < 0.5 && foreign.length > 0 ? pick(t.random, foreign) : pick(t.random, all)) ?? null;
  return m ? { id: m.id, balance: m.balance, foreign: m.home !== null && m.home !== t.shopId } : null;
}

export async function register(t: SimTerminal, tally: TradeTally): Promise<void> {
  tally.registered += 1;
  const n = tally.registered;
  // 138 + terminal + counter: unique across the chain, so no shop ever refuses another's phone.
  const phone = `138${String(t.index).padStart(2, '0')}${String(n % 1_000_000).padStart(6, '0')}`;
  const r: Outcome<{ id: string }> = await t.core.api.registerMember({
    requestId: t.core.ctx.ids.uuid(),
    name: `Member ${t.label}-${n}`,
    phone,
    birthday: null,
  });
  if (r.ok) tally.acked.members.push(r.value.id);
  else refused(t, tally, 'registerMember', r);
}

export async function sell(t: SimTerminal, tally: TradeTally): Promise<void> {
  refreshWindow(t);
  const member = t.random() < 0.8 ? chooseMember(t) : null;
  // Often ask for more than the balance or the cap allows: the till must refuse, never overdraw.
  const spend =
    member && member.balance > 0 && t.random() < 0.4 ? 1 + Math.floor(t.random() * (member.balance + 150)) : 0;
  const lines = Array.from({ length: 1 + Math.floor(t.random() * 3) }, () => ({
    sku: `SKU${Math.floor(t.random() * 30)}`,
    quantity: 1 + Math.floor(t.random() * 3),
    unitPriceMinor: 100 + Math.floor(t.random() * 30_000),
  }));
  const chainBefore = member ? tally.chainBalance(member.id) : 0;
  const r = await t.core.api.recordSale({
    requestId: t.core.ctx.ids.uuid(),
    memberId: member?.id ?? null,
    pointsToSpend: spend,
    lines,
  });
  if (!r.ok) return refused(t, tally, 'recordSale', r);
  tally.acked.sales.push(r.value.saleId);
  if (member?.foreign) tally.foreignMemberSales += 1;
  if (member)
    noteSpend(t, tally, { memberId: member.id, points: r.value.pointsSpent, chainBefore }, `sale ${r.value.saleId}`);
}

export async function redeem(t: SimTerminal, tally: TradeTally): Promise<void> {
  refreshWindow(t);
  const rewards = await t.core.api.listRewards({});
  const reward = rewards.ok ? pick(t.random, rewards.value) : undefined;
  const member = chooseMember(t);
  if (!reward || !member) return;
  const chainBefore = tally.chainBalance(member.id);
  const r = await t.core.api.redeemReward({
    requestId: t.core.ctx.ids.uuid(),
    memberId: member.id,
    rewardId: reward.id,
    quantity: 1,
  });
  if (!r.ok) return refused(t, tally, 'redeemReward', r);
  tally.acked.redemptions.push(r.value.redemptionId);
  noteSpend(
    t,
    tally,
    { memberId: member.id, points: r.value.pointsSpent, chainBefore },
    `redemption ${r.value.redemptionId}`,
  );
}

/**
 * The double spend the offline cap exists for: a member's points spent to the limit at a till
 * that cannot reach head office, while other tills do the same. Head office must flag the
 * overdraft, and it can only be as deep as the caps allowed.
 */
export async function spendAllOffline(t: SimTerminal, memberId: string, tally: TradeTally): Promise<void> {
  refreshWindow(t);
  const quote = await t.core.api.previewSale({
    memberId,
    lines: [{ sku: 'PROBE', quantity: 1, unitPriceMinor: 10_000_000 }],
    pointsToSpend: 0,
  });
  if (!quote.ok) return refused(t, tally, 'previewSale', quote);
  const spend = quote.value.maxPointsSpendable;
  if (spend <= 0) return;
  // A basket worth exactly what the points buy (a point is a fen by the default rules): paid
  // entirely in points, it earns nothing back, so the spend is all that reaches head office.
  const lines = [{ sku: 'GIFT', quantity: 1, unitPriceMinor: quote.value.maxPointsSpendable }];
  const chainBefore = tally.chainBalance(memberId);
  const r = await t.core.api.recordSale({ requestId: t.core.ctx.ids.uuid(), memberId, pointsToSpend: spend, lines });
  if (!r.ok) return refused(t, tally, 'recordSale (spend all)', r);
  tally.acked.sales.push(r.value.saleId);
  noteSpend(t, tally, { memberId, points: r.value.pointsSpent, chainBefore }, `sale ${r.value.saleId} (spend all)`);
}

/** Members this terminal knows with points to spend, fewest points first. */
export function membersWithPoints(t: SimTerminal): string[] {
  return t.core.db
    .select({ id: members.id, balance: members.pointsBalance })
    .from(members)
    .where(gt(members.pointsBalance, 0))
    .orderBy(asc(members.pointsBalance), asc(members.id))
    .all()
    .map((m) => m.id);
}
