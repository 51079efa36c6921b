// A member's points as lots. Every positive ledger row is a lot that expires when its row says
// (null: never); every negative row takes points from lots. This is the ONE derivation of what
// a member may spend now, what expires soon and which expiry rows are due: the terminal and head
// office both run it over the same ledger, so they agree.
//
// - A debit naming a lot (an expiry row, a refund's reversal of earned points) takes from that
//   lot; what the lot lacks, and every other debit, takes from the lots live at the debit's time,
//   soonest-expiring first (never-expiring last, older first on a tie).
// - What no live lot covers is a deficit (an offline overdraft); the next lots pay it first.
// - Points a refund gives back arrive as a new lot whose writer sets its expiry (the refund slice
//   gives it the earliest expiry of the lots the sale's spend took: see `allocations`).
// So at every step: ledger sum = sum of every lot's remaining points − deficit.

export type LedgerKind = 'earn' | 'spend' | 'redeem' | 'adjust' | 'expire' | 'reversal';

export interface LedgerEntry {
  id: string;
  kind: LedgerKind;
  delta: number;
  createdAt: number;
  /** Positive rows only: when the lot expires (null: never). */
  expiresAt: number | null;
  /** Negative rows that take from one lot: an expiry row, a reversal of earned points. */
  lotId: string | null;
}

export interface Lot {
  id: string;
  points: number;
  remaining: number;
  createdAt: number;
  expiresAt: number | null;
  /** An expiry row for this lot is in the ledger: it is closed, whatever remains. */
  expired: boolean;
}

export interface Allocation {
  debitId: string;
  lotId: string;
  points: number;
}

export interface DueExpiry {
  /** The lot's id; the row's id is derived from member and lot (expiryId.ts). */
  lotId: string;
  points: number;
  expiresAt: number;
}

export interface PointLots {
  /** Every lot, in ledger order. */
  lots: Lot[];
  allocations: Allocation[];
  deficit: number;
  /** Points a member may spend at `now`: live lots only, less any deficit; never negative. */
  available: number;
  /** Live points whose lot expires within the window asked for, and the first such instant. */
  expiringSoon: { points: number; firstAt: number | null };
  /** Lots expired by `now` with points left and no expiry row yet: the rows to write. */
  due: DueExpiry[];
  /** The earliest expiry of a live lot with points left (null: none). */
  nextExpiryAt: number | null;
}

const DAY_MS = 86_400_000;

const liveAt = (lot: Lot, at: number): boolean =>
  !lot.expired && lot.remaining > 0 && (lot.expiresAt === null || lot.expiresAt > at);

/** Soonest-expiring first; never-expiring last; older first on a tie; then by id, so every place agrees. */
function spendOrder(a: Lot, b: Lot): number {
  const ea = a.expiresAt ?? Number.POSITIVE_INFINITY;
  const eb = b.expiresAt ?? Number.POSITIVE_INFINITY;
  if (ea !== eb) return ea < eb ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Ledger order: by time, then by id, so rows that arrived in another order are read alike. */
export function ledgerOrder(a: LedgerEntry, b: LedgerEntry): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function derivePointLots(ledger: readonly LedgerEntry[], now: number, soonDays = 30): PointLots {
  const rows = [...ledger].sort(ledgerOrder);
  const lots: Lot[] = [];
  const byId = new Map<string, Lot>();
  const allocations: Allocation[] = [];
  let deficit = 0;
  const take = (debitId: string, lot: Lot, want: number): number => {
    const points = Math.min(want, lot.remaining);
    if (points <= 0) return 0;
    lot.remaining -= points;
    allocations.push({ debitId, lotId: lot.id, points });
    return points;
  };
  for (const row of rows) {
    if (row.delta > 0) {
      const lot: Lot = {
        id: row.id,
        points: row.delta,
        remaining: row.delta,
        createdAt: row.createdAt,
        expiresAt: row.expiresAt,
        expired: false,
      };
      const paid = Math.min(deficit, lot.remaining);
      lot.remaining -= paid;
      deficit -= paid;
      lots.push(lot);
      byId.set(lot.id, lot);
      continue;
    }
    let want = -row.delta;
    const named = row.lotId === null ? undefined : byId.get(row.lotId);
    if (named) {
      want -= take(row.id, named, want);
      if (row.kind === 'expire') named.expired = true;
    }
    // An expiry row takes only from its own lot: what it lacks (a view that missed a spend) is a deficit.
    if (row.kind !== 'expire') {
      for (const lot of lots.filter((l) => liveAt(l, row.createdAt)).sort(spendOrder)) {
        if (want === 0) break;
        want -= take(row.id, lot, want);
      }
    }
    deficit += want;
  }
  let live = 0;
  let soon = 0;
  let firstAt: number | null = null;
  let nextExpiryAt: number | null = null;
  const due: DueExpiry[] = [];
  const horizon = now + soonDays * DAY_MS;
  for (const lot of lots) {
    if (liveAt(lot, now)) {
      live += lot.remaining;
      if (lot.expiresAt !== null) {
        if (nextExpiryAt === null || lot.expiresAt < nextExpiryAt) nextExpiryAt = lot.expiresAt;
        if (lot.expiresAt <= horizon) {
          soon += lot.remaining;
          if (firstAt === null || lot.expiresAt < firstAt) firstAt = lot.expiresAt;
        }
      }
    } else if (!lot.expired && lot.remaining > 0 && lot.expiresAt !== null) {
      due.push({ lotId: lot.id, points: lot.remaining, expiresAt: lot.expiresAt });
    }
  }
  return {
    lots,
    allocations,
    deficit,
    available: Math.max(0, live - deficit),
    expiringSoon: { points: soon, firstAt },
    due,
    nextExpiryAt,
  };
}
