// Any two members' ledgers merged (mergePoints.ts) keep the sum of points, leave the duplicate
// nothing to spend, and give the survivor exactly what both could spend, lot expiries included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeMoves, pointsMoved } from './mergePoints';
import { derivePointLots, type LedgerEntry } from './pointLots';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

const rowArb = (prefix: string) =>
  fc
    .oneof(
      fc.record({
        kind: fc.constant('earn' as const),
        delta: fc.integer({ min: 1, max: 500 }),
        lifeDays: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
      }),
      fc.record({
        kind: fc.constantFrom('spend' as const, 'redeem' as const),
        delta: fc.integer({ min: -800, max: -1 }),
        lifeDays: fc.constant(null),
      }),
      fc.record({
        kind: fc.constant('adjust' as const),
        delta: fc.integer({ min: -300, max: 300 }).filter((d) => d !== 0),
        lifeDays: fc.constant(null),
      }),
    )
    .map((r) => ({ ...r, prefix }));

const ledgerArb = (prefix: string) =>
  fc
    .array(fc.record({ row: rowArb(prefix), day: fc.integer({ min: 0, max: 60 }) }), { maxLength: 25 })
    .map((rows): LedgerEntry[] =>
      rows.map(({ row, day }, i) => ({
        id: `${prefix}-${String(i).padStart(4, '0')}`,
        kind: row.kind,
        delta: row.delta,
        createdAt: START + day * DAY,
        expiresAt: row.delta > 0 && row.lifeDays !== null ? START + (day + row.lifeDays) * DAY : null,
        lotId: null,
      })),
    );

const sum = (ledger: readonly LedgerEntry[]): number => ledger.reduce((a, r) => a + r.delta, 0);

/** The move rows written as ledger rows at `now`, on each side. */
function applyMoves(duplicate: LedgerEntry[], survivor: LedgerEntry[], now: number) {
  const moves = mergeMoves(duplicate, now);
  const rows = moves.map((m, i) => ({
    side: m.side,
    entry: {
      id: `m-${String(i).padStart(4, '0')}`,
      kind: 'adjust' as const,
      delta: m.delta,
      createdAt: now,
      expiresAt: m.expiresAt,
      lotId: m.lotId,
    },
  }));
  return {
    moves,
    duplicate: [...duplicate, ...rows.filter((r) => r.side === 'duplicate').map((r) => r.entry)],
    survivor: [...survivor, ...rows.filter((r) => r.side === 'survivor').map((r) => r.entry)],
  };
}

describe('merging two ledgers', () => {
  it('keeps the sum of points, pair by pair, and empties what the duplicate may spend', () => {
    fc.assert(
      fc.property(ledgerArb('d'), ledgerArb('s'), fc.integer({ min: 0, max: 150 }), (dup, surv, nowDay) => {
        const now = START + (61 + nowDay) * DAY; // a merge comes after the rows it reads (day 60 at the latest)
        const merged = applyMoves(dup, surv, now);
        expect(sum(merged.duplicate) + sum(merged.survivor)).toBe(sum(dup) + sum(surv));
        expect(merged.moves.reduce((a, m) => a + m.delta, 0)).toBe(0);
        expect(sum(merged.survivor) - sum(surv)).toBe(pointsMoved(merged.moves));
        const left = derivePointLots(merged.duplicate, now);
        expect(left.available).toBe(0);
        expect(left.deficit).toBe(0);
        // Only lots already due stay behind (they expire there, as they would have).
        expect(sum(merged.duplicate)).toBe(derivePointLots(dup, now).due.reduce((a, d) => a + d.points, 0));
      }),
    );
  });

  it('gives the survivor what both could spend when neither is overdrawn, expiring when it would have', () => {
    fc.assert(
      fc.property(ledgerArb('d'), ledgerArb('s'), fc.integer({ min: 0, max: 150 }), (dup, surv, nowDay) => {
        const now = START + (61 + nowDay) * DAY; // a merge comes after the rows it reads (day 60 at the latest)
        const before = [derivePointLots(dup, now), derivePointLots(surv, now)];
        fc.pre(before.every((l) => l.deficit === 0));
        const merged = applyMoves(dup, surv, now);
        const after = derivePointLots(merged.survivor, now);
        expect(after.available).toBe((before[0]?.available ?? 0) + (before[1]?.available ?? 0));
        // Later, each moved lot has expired exactly when it would have on the duplicate.
        for (const days of [1, 30, 90, 400]) {
          const later = now + days * DAY;
          expect(derivePointLots(merged.survivor, later).available).toBe(
            derivePointLots(dup, later).available + derivePointLots(surv, later).available,
          );
        }
      }),
    );
  });

  it('moves nothing from a member with nothing to spend', () => {
    expect(mergeMoves([], START)).toEqual([]);
  });
});
