import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expiryRowId } from './expiryId';
import { derivePointLots, type LedgerEntry } from './pointLots';

const DAY = 86_400_000;
/** A stand-in for SHA-1 (shared/ may not import node:crypto): deterministic, 20 bytes, well mixed. */
const sha1 = (b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(20);
  let h = 0x811c9dc5;
  for (let i = 0; i < 20; i += 1) {
    for (const x of b) h = Math.imul(h ^ x ^ i, 0x01000193) >>> 0;
    out[i] = h & 0xff;
  }
  return out;
};
const MEMBER = '0b6d8f0e-4a43-4c1e-9a37-1c2f1b0a9d11';

type Op =
  | { op: 'earn'; points: number; lifeDays: number | null }
  | { op: 'spend' | 'redeem'; points: number }
  | { op: 'adjust'; delta: number }
  | { op: 'sweep' }
  | { op: 'reverseEarn'; pick: number; share: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('earn' as const),
    points: fc.integer({ min: 1, max: 500 }),
    lifeDays: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
  }),
  fc.record({ op: fc.constantFrom('spend' as const, 'redeem' as const), points: fc.integer({ min: 1, max: 800 }) }),
  fc.record({ op: fc.constant('adjust' as const), delta: fc.integer({ min: -300, max: 300 }).filter((d) => d !== 0) }),
  fc.record({ op: fc.constant('sweep' as const) }),
  fc.record({
    op: fc.constant('reverseEarn' as const),
    pick: fc.nat(),
    share: fc.integer({ min: 1, max: 100 }),
  }),
);
const stepArb = fc.record({ op: opArb, advanceDays: fc.integer({ min: 0, max: 20 }) });

const sum = (ledger: LedgerEntry[]): number => ledger.reduce((a, r) => a + r.delta, 0);

/** The till's way: write the due expiry rows (ids from member + lot), then act. */
function sweep(ledger: LedgerEntry[], now: number): void {
  for (const due of derivePointLots(ledger, now).due) {
    const id = expiryRowId(MEMBER, due.lotId, sha1);
    if (ledger.some((r) => r.id === id)) throw new Error(`expiry ${id} written twice`);
    ledger.push({ id, kind: 'expire', delta: -due.points, createdAt: now, expiresAt: null, lotId: due.lotId });
  }
}

function run(steps: { op: Op; advanceDays: number }[]): { ledger: LedgerEntry[]; spendsAt: Map<string, number> } {
  const ledger: LedgerEntry[] = [];
  const spendsAt = new Map<string, number>();
  let now = Date.UTC(2026, 0, 1);
  let n = 0;
  const nextId = (): string => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`;
  for (const { op, advanceDays } of steps) {
    now += advanceDays * DAY + 1000;
    switch (op.op) {
      case 'earn':
        ledger.push({
          id: nextId(),
          kind: 'earn',
          delta: op.points,
          createdAt: now,
          expiresAt: op.lifeDays === null ? null : now + op.lifeDays * DAY,
          lotId: null,
        });
        break;
      case 'spend':
      case 'redeem': {
        sweep(ledger, now); // the till expires what is due before any spend
        const available = derivePointLots(ledger, now).available;
        const points = Math.min(op.points, available);
        if (points === 0) break;
        const id = nextId();
        spendsAt.set(id, now);
        ledger.push({ id, kind: op.op, delta: -points, createdAt: now, expiresAt: null, lotId: null });
        break;
      }
      case 'adjust':
        ledger.push({
          id: nextId(),
          kind: 'adjust',
          delta: op.delta,
          createdAt: now,
          expiresAt: op.delta > 0 ? now + 30 * DAY : null,
          lotId: null,
        });
        break;
      case 'sweep':
        sweep(ledger, now);
        break;
      case 'reverseEarn': {
        const earns = ledger.filter((r) => r.kind === 'earn');
        const lot = earns[op.pick % Math.max(1, earns.length)];
        if (!lot) break;
        const points = Math.max(1, Math.floor((lot.delta * op.share) / 100));
        ledger.push({ id: nextId(), kind: 'reversal', delta: -points, createdAt: now, expiresAt: null, lotId: lot.id });
        break;
      }
    }
  }
  return { ledger, spendsAt };
}

describe('point lots (property)', () => {
  it('balance = ledger sum = lots − deficit; no lot spent twice; spends only from lots live then', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
        const { ledger, spendsAt } = run(steps);
        const now = Math.max(Date.UTC(2026, 0, 1), ...ledger.map((r) => r.createdAt));
        const lots = derivePointLots(ledger, now);
        const remaining = lots.lots.reduce((a, l) => a + l.remaining, 0);
        expect(sum(ledger)).toBe(remaining - lots.deficit);
        const takenByLot = new Map<string, number>();
        for (const a of lots.allocations) takenByLot.set(a.lotId, (takenByLot.get(a.lotId) ?? 0) + a.points);
        for (const lot of lots.lots) {
          expect(takenByLot.get(lot.id) ?? 0).toBeLessThanOrEqual(lot.points);
          expect(lot.remaining).toBeGreaterThanOrEqual(0);
        }
        const lotById = new Map(lots.lots.map((l) => [l.id, l]));
        for (const a of lots.allocations) {
          const spentAt = spendsAt.get(a.debitId);
          if (spentAt === undefined) continue;
          const lot = lotById.get(a.lotId);
          expect(lot && (lot.expiresAt === null || lot.expiresAt > spentAt)).toBe(true);
        }
        // Once the due rows are written, what may be spent is the balance (when nothing is overdrawn).
        sweep(ledger, now);
        const after = derivePointLots(ledger, now);
        expect(after.due).toEqual([]);
        if (after.deficit === 0) expect(after.available).toBe(sum(ledger));
      }),
      { numRuns: 300 },
    );
  });

  it('a spend never takes more than was available then (no overdraft arises from spends)', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
        const onlyEarnsAndSpends = steps.filter((s) => s.op.op !== 'adjust' && s.op.op !== 'reverseEarn');
        const { ledger } = run(onlyEarnsAndSpends);
        const now = Math.max(0, ...ledger.map((r) => r.createdAt));
        expect(derivePointLots(ledger, now).deficit).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('terminal and head office derive the same lots and due expiries whatever order rows arrived in', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { maxLength: 40 }),
        fc.integer({ min: 0, max: 120 }),
        fc.nat(),
        (steps, later, seed) => {
          const { ledger } = run(steps);
          const now = Math.max(Date.UTC(2026, 0, 1), ...ledger.map((r) => r.createdAt)) + later * DAY;
          const shuffled = [...ledger].sort(
            (a, b) => ((a.id.charCodeAt(35) * 31 + seed) % 7) - ((b.id.charCodeAt(35) * 31 + seed) % 7),
          );
          const terminal = derivePointLots(ledger, now);
          const headOffice = derivePointLots(shuffled, now);
          expect(headOffice).toEqual(terminal);
          const ids = terminal.due.map((d) => expiryRowId(MEMBER, d.lotId, sha1));
          expect(headOffice.due.map((d) => expiryRowId(MEMBER, d.lotId, sha1))).toEqual(ids);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('point lots (examples)', () => {
  const earn = (id: string, delta: number, createdAt: number, expiresAt: number | null): LedgerEntry => ({
    id,
    kind: 'earn',
    delta,
    createdAt,
    expiresAt,
    lotId: null,
  });

  it('spends the soonest-expiring lot first and reports what expires within 30 days', () => {
    const ledger: LedgerEntry[] = [
      earn('a', 100, 0, null),
      earn('b', 50, 1, 40 * DAY),
      earn('c', 30, 2, 20 * DAY),
      { id: 'd', kind: 'spend', delta: -40, createdAt: 3, expiresAt: null, lotId: null },
    ];
    const lots = derivePointLots(ledger, 15 * DAY);
    expect(lots.allocations).toEqual([
      { debitId: 'd', lotId: 'c', points: 30 },
      { debitId: 'd', lotId: 'b', points: 10 },
    ]);
    expect(lots.available).toBe(140);
    expect(lots.expiringSoon).toEqual({ points: 40, firstAt: 40 * DAY });
    expect(lots.due).toEqual([]);
    const later = derivePointLots(ledger, 41 * DAY);
    expect(later.available).toBe(100);
    expect(later.due).toEqual([{ lotId: 'b', points: 40, expiresAt: 40 * DAY }]);
  });

  it('a reversal of earned points takes from the lot it earned', () => {
    const ledger: LedgerEntry[] = [
      earn('a', 100, 0, 10 * DAY),
      earn('b', 100, 1, 90 * DAY),
      { id: 'r', kind: 'reversal', delta: -60, createdAt: 2, expiresAt: null, lotId: 'b' },
    ];
    const lots = derivePointLots(ledger, 3);
    expect(lots.lots.map((l) => l.remaining)).toEqual([100, 40]);
  });

  it('uuid v5 ids are stable and well-formed', () => {
    const id = expiryRowId(MEMBER, 'lot-1', sha1);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(expiryRowId(MEMBER, 'lot-1', sha1)).toBe(id);
    expect(expiryRowId(MEMBER, 'lot-2', sha1)).not.toBe(id);
  });
});
