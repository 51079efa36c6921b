// Test kit shared by the terminal's tests (and the soak's invariant checks): a real terminal core
// on a real SQLite file in a temp folder, and the invariants every test checks afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi, type ChannelInput, type MemberView, type Result } from '../../shared/contract';
import { earnedRowsSql } from '../../shared/domain/pointsEarned';
import type { TerminalDb } from '../../db/open';
import { openTerminalCore, type TerminalCore, type TerminalDispatch } from '../terminal/terminalCore';
import type { SyncLoopOptions } from '../terminal/syncLoopHost';
import { fixedClock, sequentialIds, systemClock, type Clock } from '../platform/sources';

/** 2025-06-01 10:00 in Shanghai. */
export const TEST_START_MS = Date.UTC(2025, 5, 1, 2, 0, 0);

export interface TestCore extends TerminalCore {
  clock: ReturnType<typeof fixedClock>;
  dir: string;
  dispose(): void;
}

/** The manager a test shop is set up with (configureShop without one gets this one). */
export const TEST_MANAGER = { name: 'Test Manager', pin: '2468' } as const;

/** configureShop's input with the test manager added when the test gave none. */
export function withTestManager(channel: unknown, input: unknown): unknown {
  if (channel !== 'configureShop' || typeof input !== 'object' || input === null || 'manager' in input) return input;
  return { ...input, manager: TEST_MANAGER };
}

/**
 * `idPrefix` keeps ids (the terminal's own among them) apart when a test opens several terminals.
 * Setting a shop up signs its manager in, so a test acts as a manager unless it signs in someone
 * else. The idle lock runs on real time (`staffClock`), so a test that moves the business clock by
 * days is not locked out; a test of the idle lock or of PIN locks passes its own.
 */
export function openTestCore(
  options: { start?: number; timeZone?: string; idPrefix?: number; sync?: SyncLoopOptions; staffClock?: Clock } = {},
): TestCore {
  const dir = mkdtempSync(join(tmpdir(), 'tillcard-services-'));
  const clock = fixedClock(options.start ?? TEST_START_MS);
  const core = openTerminalCore({
    dataDir: dir,
    clock,
    ids: options.idPrefix === undefined ? sequentialIds() : sequentialIds(options.idPrefix),
    timeZone: options.timeZone ?? 'Asia/Shanghai',
    validateOutput: true,
    log: () => undefined,
    ...(options.sync ? { sync: options.sync } : {}),
    staffClock: options.staffClock ?? systemClock,
  });
  const dispatch = ((channel: unknown, input: unknown) =>
    core.dispatch(channel, withTestManager(channel, input))) as TerminalDispatch;
  return {
    ...core,
    dispatch,
    api: createApi(async (channel, input) => dispatch(channel, input)),
    clock,
    dir,
    dispose: () => {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The shop most service tests run: configured at the till, without head office or demo data. */
export const TEST_SHOP = { shopId: 's1', shopName: 'Shop One', terminalName: 'Till 1', terminalCode: '31001' } as const;

/** A test core with its shop set up: TEST_SHOP, or the demo shop (its rules, categories and staff). */
export async function openTestShop(shop: 'configured' | 'demo' = 'configured'): Promise<TestCore> {
  const c = openTestCore();
  unwrap(shop === 'demo' ? await c.api.setupDemoShop({}) : await c.api.configureShop(TEST_SHOP));
  return c;
}

/** Registers a member with a fresh request id; answers the member's view. */
export async function registerTestMember(
  c: TestCore,
  member: Omit<ChannelInput<'registerMember'>, 'requestId'>,
): Promise<MemberView> {
  return unwrap(await c.api.registerMember({ requestId: c.ctx.ids.uuid(), ...member }));
}

/** After a test that moved points: the ledger and the cached balances agree, the outbox has no gap; then cleans up. */
export function checkAndDispose(c: TestCore): void {
  assertLedgerConsistent(c.db);
  assertOutboxGapFree(c.db);
  c.dispose();
}

/** The value of an ok envelope, or an error naming the code that came back instead. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok)
    throw new Error(`expected ok, got ${result.error.code}: ${JSON.stringify(result.error.details ?? {})}`);
  return result.value;
}

/** The error code of a failed envelope (throws if the call succeeded). */
export function errorOf<T>(result: Result<T>): { code: string; details: Record<string, unknown> } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return { code: result.error.code, details: result.error.details ?? {} };
}

/**
 * Every member's cached balance equals the sum of their ledger rows, the cached earned total
 * equals the sum of their earned rows (earn, less reversals taking points back:
 * shared/domain/pointsEarned.ts), and each row's balance_after continues from the previous one.
 * A balance is never negative, unless a row pulled from head office made it so (two shops spent
 * the same points offline: head office flags it and later earnings net it out), or a refund took
 * back points already spent (allowed and flagged: services/refunds.ts).
 */
export function assertLedgerConsistent(db: TerminalDb): void {
  const c = db.$client;
  const drift = c
    .prepare(
      `SELECT m.id, m.points_balance AS cached, coalesce(sum(l.delta), 0) AS ledger,
              m.points_earned_total AS earned,
              coalesce(sum(CASE WHEN ${earnedRowsSql('l.')} THEN l.delta END), 0) AS earnedLedger
       FROM members m CROSS JOIN terminal t LEFT JOIN points_ledger l ON l.member_id = m.id
       GROUP BY m.id HAVING cached != ledger OR earned != earnedLedger
          OR (cached < 0 AND NOT EXISTS (SELECT 1 FROM points_ledger p
                                         WHERE p.member_id = m.id
                                           AND (p.terminal_id != t.terminal_id OR p.kind = 'reversal')))`,
    )
    .all();
  if (drift.length > 0) throw new Error(`ledger and cached balances disagree: ${JSON.stringify(drift)}`);
  const rows = c
    .prepare('SELECT member_id AS memberId, delta, balance_after AS after FROM points_ledger ORDER BY rowid')
    .all() as {
    memberId: string;
    delta: number;
    after: number;
  }[];
  const running = new Map<string, number>();
  for (const r of rows) {
    const balance = (running.get(r.memberId) ?? 0) + r.delta;
    if (r.after !== balance)
      throw new Error(`balance_after ${r.after} but running sum ${balance} for member ${r.memberId}`);
    running.set(r.memberId, balance);
  }
}

/** The outbox sequence is 1..n with no gap or repeat. */
export function assertOutboxGapFree(db: TerminalDb): number {
  const seqs = (db.$client.prepare('SELECT seq FROM outbox ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq);
  seqs.forEach((s, i) => {
    if (s !== i + 1) throw new Error(`outbox seq ${s} at position ${i + 1}: not gap-free`);
  });
  return seqs.length;
}

/** Row count of every table, to prove a refused call wrote nothing. */
export function tableCounts(db: TerminalDb): Record<string, number> {
  const c = db.$client;
  const tables = (
    c
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((t) => t.name);
  return Object.fromEntries(
    tables.map((t) => [t, (c.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
  );
}
