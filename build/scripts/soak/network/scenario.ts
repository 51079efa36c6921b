// The network soak's script of events: terminals trade and sync through the fault proxy while
// head office is killed with -9 mid-batch, one till goes offline for a simulated week, and head
// office changes members' offline caps. Every choice comes from the seed; which request a fault
// or a kill lands on still depends on the machine's timing (real processes, real sockets).
import type { FaultProxy } from '../../../../server/testing/faultProxy';
import { seeded } from '../../../../server/testing/prng';
import { syncOnce, type SyncResult } from '../../../../electron/sync/job';
import type { FetchFn } from '../../../../electron/sync/hoClient';
import type { SoakHeadOffice } from './headOffice';
import { DAY_MS, type SimTerminal } from './terminals';
import { membersWithPoints, redeem, register, sell, spendAllOffline, type TradeTally } from './traffic';

export interface ScenarioOptions {
  seed: number;
  /** Stop once this many faults (proxy faults + kills) were injected. */
  faults: number;
  /** kill -9 of head office only on PostgreSQL (PGlite is not built to survive it). */
  allowKills: boolean;
  log: (line: string) => void;
}

export interface ScenarioStats {
  steps: number;
  kills: number;
  syncs: Map<SyncResult['status'], number>;
  offlineWeek: { terminal: string; daysAdvanced: number; trades: number; syncAttempts: number };
  capChanges: number;
  /** Times two or three unplugged tills spent the same member's points to their limit. */
  doubleSpends: number;
}

/** A till whose cable is unplugged: every request fails before it leaves the machine. */
const unplugged: FetchFn = async () => {
  throw new Error('network cable unplugged (offline week)');
};

export const WEEK_MS = 7 * DAY_MS;

export function syncTerminal(t: SimTerminal, stats: ScenarioStats, offline = false): Promise<SyncResult> {
  return syncOnce({
    db: t.core.db,
    clock: t.clock,
    owner: t.core.dbFile,
    requestTimeoutMs: 1_000,
    ...(offline ? { fetch: unplugged } : {}),
  }).then((r) => {
    stats.syncs.set(r.status, (stats.syncs.get(r.status) ?? 0) + 1);
    return r;
  });
}

export async function runScenario(
  terminals: SimTerminal[],
  ho: SoakHeadOffice,
  proxy: FaultProxy,
  tally: TradeTally,
  o: ScenarioOptions,
): Promise<ScenarioStats> {
  const random = seeded(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const week = terminals[1] ?? terminals[0];
  if (!week) throw new Error('no terminals');
  const stats: ScenarioStats = {
    steps: 0,
    kills: 0,
    syncs: new Map(),
    offlineWeek: { terminal: week.label, daysAdvanced: 0, trades: 0, syncAttempts: 0 },
    capChanges: 0,
    doubleSpends: 0,
  };
  const maxKills = o.allowKills ? Math.max(2, Math.round(o.faults / 40)) : 0;
  const injected = (): number => proxy.log.filter((f) => f !== 'pass').length + stats.kills;
  let weekPhase: 'before' | 'offline' | 'back' = 'before';
  let weekShifted = 0;
  const maxSteps = o.faults * 40;

  const trade = async (t: SimTerminal): Promise<void> => {
    const roll = t.random();
    if (roll < 0.15) await register(t, tally);
    else if (roll < 0.85) await sell(t, tally);
    else await redeem(t, tally);
  };

  for (; injected() < o.faults && stats.steps < maxSteps; stats.steps++) {
    const progress = injected() / o.faults;
    if (weekPhase === 'before' && progress >= 0.2) {
      weekPhase = 'offline';
      o.log(`  ${week.label} goes offline for a week (step ${stats.steps})`);
    }
    if (weekPhase === 'offline' && progress >= 0.6) {
      week.clock.shift(WEEK_MS - weekShifted);
      weekShifted = WEEK_MS;
      weekPhase = 'back';
      o.log(`  ${week.label} is back after 7 simulated days (step ${stats.steps})`);
    }
    const t: SimTerminal = weekPhase === 'offline' && random() < 0.35 ? week : pick(terminals);
    const isOffline = weekPhase === 'offline' && t === week;
    const roll = random();
    if (roll < 0.5) {
      // A burst of customers at one till between two syncs.
      const burst = 1 + Math.floor(random() * 4);
      for (let i = 0; i < burst; i++) await trade(t);
      if (isOffline) {
        stats.offlineWeek.trades += burst;
        // Half a day passes per offline trade (bounded by the week), so the week spans many business days.
        const step = Math.min(DAY_MS / 2, WEEK_MS - weekShifted);
        week.clock.shift(step);
        weekShifted += step;
      }
    } else if (roll < 0.53) {
      await doubleSpend(
        terminals.filter((x) => x !== week || weekPhase !== 'offline'),
        stats,
        random,
        tally,
      );
    } else if (roll < 0.88) {
      if (isOffline) stats.offlineWeek.syncAttempts += 1;
      await syncTerminal(t, stats, isOffline);
    } else if (roll < 0.95) {
      // Several tills push at once: head office's per-terminal locks under concurrency.
      const group = terminals.filter((x) => x !== week || weekPhase !== 'offline').filter(() => random() < 0.4);
      await Promise.all(group.map((x) => syncTerminal(x, stats)));
    } else if (roll < 0.98 && stats.kills < maxKills) {
      await killMidBatch(
        terminals.filter((x) => x !== week || weekPhase !== 'offline'),
        ho,
        stats,
        random,
        trade,
      );
      o.log(`  kill -9 #${stats.kills} of head office at step ${stats.steps}, restarted`);
    } else {
      await changeCap(ho, tally, random, stats);
    }
  }
  if (weekPhase !== 'back') {
    week.clock.shift(WEEK_MS - weekShifted);
    weekShifted = WEEK_MS;
  }
  stats.offlineWeek.daysAdvanced = weekShifted / DAY_MS;
  return stats;
}

/** Two or three tills lose the network and each lets one member spend all it allows. */
async function doubleSpend(
  pool: SimTerminal[],
  stats: ScenarioStats,
  random: () => number,
  tally: TradeTally,
): Promise<void> {
  const first = pool[Math.floor(random() * pool.length)];
  if (!first) return;
  const known = new Map(pool.map((t) => [t, new Set(membersWithPoints(t))]));
  // Fewest points first (two tills spending them both is what overdraws a balance), among the
  // members at least one other till knows too: typically a member of another shop.
  const memberId = membersWithPoints(first).find((id) => pool.some((x) => x !== first && known.get(x)?.has(id)));
  if (!memberId) return;
  const others = pool
    .filter((x) => x !== first && known.get(x)?.has(memberId))
    .sort(() => random() - 0.5)
    .slice(0, 2);
  for (const t of [first, ...others]) {
    await syncTerminal(t, stats, true);
    await spendAllOffline(t, memberId, tally);
  }
  stats.doubleSpends += 1;
}

/** Fills a few outboxes, starts their pushes together, and kills head office 0–60 ms later. */
async function killMidBatch(
  pool: SimTerminal[],
  ho: SoakHeadOffice,
  stats: ScenarioStats,
  random: () => number,
  trade: (t: SimTerminal) => Promise<void>,
): Promise<void> {
  const group = pool.filter(() => random() < 0.35).slice(0, 4);
  if (group.length === 0 && pool[0]) group.push(pool[0]);
  for (const t of group) for (let i = 0; i < 1 + Math.floor(random() * 4); i++) await trade(t);
  const pushes = group.map((t) => syncTerminal(t, stats));
  await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 60)));
  await ho.kill9();
  stats.kills += 1;
  await Promise.all(pushes);
  await ho.restart();
}

/** Head office IT changes one member's offline cap (terminals learn it at their next pull). */
async function changeCap(
  ho: SoakHeadOffice,
  tally: TradeTally,
  random: () => number,
  stats: ScenarioStats,
): Promise<void> {
  const id = tally.acked.members[Math.floor(random() * tally.acked.members.length)];
  if (!id) return;
  const body = { offlineCapPoints: Math.floor(random() * 2_000) };
  const res = await ho.admin.send('setMemberOfflineCap', { params: { id }, body });
  // 404: the member has not reached head office yet (its till has not pushed); nothing to change.
  if (res.ok) stats.capChanges += 1;
  else if (res.status !== 404) throw new Error(`offline-cap change answered ${res.status}: ${res.error.message}`);
}
