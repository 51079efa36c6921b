// The network-fault soak (issue 5 §2): ≥10 terminal cores and head office on PostgreSQL talk
// through the fault-injecting proxy until the target number of faults has been injected; then
// the network heals, every till drains and pulls, closes its days, and the invariants are read.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { startFaultProxy, type Fault, type FaultProxy } from '../../../../server/testing/faultProxy';
import { seeded } from '../../../../server/testing/prng';
import { closeDays } from '../../../../electron/sync/job';
import { businessDay } from '../../../../electron/services/businessDay';
import { startSoakHeadOffice, type SoakHeadOffice } from './headOffice';
import { checkNetworkInvariants } from './invariants';
import { runScenario, syncTerminal, type ScenarioStats } from './scenario';
import { DAY_MS, openTerminals, TIME_ZONE, type SimTerminal } from './terminals';
import { emptyTally, type TradeTally } from './traffic';

export interface NetworkOptions {
  seed: number;
  terminals: number;
  faults: number;
  log: (line: string) => void;
}

export interface NetworkResult {
  seed: number;
  backend: 'postgres' | 'pglite';
  seconds: number;
  terminals: number;
  requests: number;
  faults: number;
  faultCounts: Record<string, number>;
  kills: number;
  skewDays: number[];
  offlineWeek: ScenarioStats['offlineWeek'];
  sales: number;
  redemptions: number;
  members: number;
  foreignMemberSales: number;
  offlineSpends: number;
  staleSpends: number;
  capRefusals: number;
  capChanges: number;
  doubleSpends: number;
  overdrawnMembers: number;
  flags: number;
  daysClosed: number;
  recordsLost: number;
  recordsDuplicated: number;
  violations: string[];
  notes: string[];
}

/** What the proxy does to each request: half pass, the rest spread over the five faults. */
const FAULTS: readonly Fault[] = [
  'pass',
  'pass',
  'pass',
  'pass',
  'pass',
  'drop_request',
  'drop_response',
  'delay',
  'duplicate',
  'reset',
];
// Points are worth a fen each here (the default rules), so 1,500 is 15 yuan: two tills spending it
// offline can overdraw the members of this soak, which is the case the flags are for.
const DEFAULT_OFFLINE_CAP = 1_500;
const REWARDS = [
  {
    code: 'COFFEE',
    name: 'Coffee',
    category: 'drinks',
    pointsCost: 60,
    cashValueMinor: 1_800,
    stock: null,
    active: true,
  },
  { code: 'CAKE', name: 'Cake', category: 'food', pointsCost: 140, cashValueMinor: 3_500, stock: null, active: true },
  { code: 'MUG', name: 'Mug', category: 'goods', pointsCost: 420, cashValueMinor: 9_900, stock: null, active: true },
];

async function setUpChain(ho: SoakHeadOffice): Promise<void> {
  await ho.admin.call('setDefaultOfflineCap', { body: { defaultOfflineCapPoints: DEFAULT_OFFLINE_CAP } });
  for (const r of REWARDS) await ho.admin.call('upsertReward', { params: { id: randomUUID() }, body: r });
}

/**
 * The network heals: everyone drains its outbox; once head office has derived everything it
 * acknowledged, everyone pulls what the others pushed; then closes its days.
 */
async function heal(
  terminals: SimTerminal[],
  ho: SoakHeadOffice,
  proxy: FaultProxy,
  stats: ScenarioStats,
  violations: string[],
): Promise<number> {
  proxy.setEnabled(false);
  for (let round = 0; round < 3; round++) {
    if (round === 1) await ho.waitDerived();
    for (const t of terminals) {
      const r = await syncTerminal(t, stats);
      if (round > 0 && r.status !== 'synced')
        violations.push(`${t.label}: sync after the network healed ended ${JSON.stringify(r)}`);
    }
  }
  let days = 0;
  for (const t of terminals) {
    const closed = await closeDays(
      { db: t.core.db, clock: t.clock, owner: t.core.dbFile },
      businessDay(t.clock.now(), TIME_ZONE),
    );
    if (closed.status !== 'closed')
      violations.push(`${t.label}: close of day ended ${closed.status}: ${closed.message}`);
    else
      for (const d of closed.days) {
        days += 1;
        if (!d.matches) violations.push(`${t.label}: close of ${d.day} does not match head office`);
      }
  }
  return days;
}

export async function runNetworkSoak(o: NetworkOptions): Promise<NetworkResult> {
  const started = Date.now();
  const notes: string[] = [];
  const ho = await startSoakHeadOffice('netsoak');
  if (ho.backend === 'pglite')
    notes.push('network soak ran on PGlite (TILLCARD_TEST_DATABASE_URL unset): no kill -9 of head office');
  const proxyRandom = seeded(o.seed ^ 0x2545f491);
  let proxy: FaultProxy | null = null;
  let terminals: SimTerminal[] = [];
  try {
    proxy = await startFaultProxy(
      ho.url(),
      () => FAULTS[Math.floor(proxyRandom() * FAULTS.length)] ?? 'pass',
      () => Math.floor(proxyRandom() * 1_500),
    );
    await setUpChain(ho);
    // Set-up (shop configuration, enrolment, the first pull of rewards and caps) is a human step on a working network.
    proxy.setEnabled(false);
    terminals = await openTerminals(o.terminals, o.seed, ho, proxy.url);
    const tally: TradeTally = emptyTally(terminals);
    const warmup: ScenarioStats = {
      steps: 0,
      kills: 0,
      syncs: new Map(),
      offlineWeek: { terminal: '', daysAdvanced: 0, trades: 0, syncAttempts: 0 },
      capChanges: 0,
      doubleSpends: 0,
    };
    for (const t of terminals) await syncTerminal(t, warmup);
    proxy.setEnabled(true);
    o.log(
      `network soak: ${terminals.length} terminals, head office on ${ho.backend}, target ${o.faults} faults, ` +
        `seed ${o.seed}`,
    );
    const stats = await runScenario(terminals, ho, proxy, tally, {
      seed: o.seed,
      faults: o.faults,
      allowKills: ho.backend === 'postgres',
      log: o.log,
    });
    const faultLog = proxy.log.slice();
    const violations = [...tally.violations];
    const daysClosed = await heal(terminals, ho, proxy, stats, violations);
    const hoDb = await ho.stopAndOpen();
    const verdict = await checkNetworkInvariants(hoDb, terminals, tally);
    violations.push(...verdict.violations);
    const faultCounts: Record<string, number> = {};
    for (const f of faultLog) faultCounts[f] = (faultCounts[f] ?? 0) + 1;
    faultCounts.kill9 = stats.kills;
    return {
      seed: o.seed,
      backend: ho.backend,
      seconds: Math.round((Date.now() - started) / 1000),
      terminals: terminals.length,
      requests: faultLog.length,
      faults: faultLog.filter((f) => f !== 'pass').length + stats.kills,
      faultCounts,
      kills: stats.kills,
      skewDays: terminals.map((t) => Math.round((t.clock.offsetMs() / DAY_MS) * 10) / 10),
      offlineWeek: stats.offlineWeek,
      sales: tally.acked.sales.length,
      redemptions: tally.acked.redemptions.length,
      members: tally.acked.members.length,
      foreignMemberSales: tally.foreignMemberSales,
      offlineSpends: tally.offlineSpends,
      staleSpends: tally.staleSpends,
      capRefusals: tally.capRefusals,
      capChanges: stats.capChanges,
      doubleSpends: stats.doubleSpends,
      overdrawnMembers: verdict.overdrawnMembers,
      flags: verdict.flags,
      daysClosed,
      recordsLost: verdict.recordsLost,
      recordsDuplicated: verdict.recordsDuplicated,
      violations,
      notes,
    };
  } finally {
    for (const t of terminals) {
      t.core.close();
      rmSync(t.dataDir, { recursive: true, force: true });
    }
    if (proxy) await proxy.close();
    await ho.dispose();
  }
}

export function networkSummaryLines(r: NetworkResult): string[] {
  return [
    '',
    `Network-fault soak (seed ${r.seed}, ${r.seconds} s, head office on ${r.backend})`,
    `  ${r.terminals} terminals (clock skew in days: ${r.skewDays.join(', ')}), ${r.requests} requests through ` +
      `the proxy`,
    `  faults ${r.faults}: ${Object.entries(r.faultCounts)
      .filter(([k]) => k !== 'pass')
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    `  offline week: ${r.offlineWeek.terminal} offline for ${r.offlineWeek.daysAdvanced} simulated days, ` +
      `${r.offlineWeek.trades} trades, ${r.offlineWeek.syncAttempts} failed syncs`,
    `  confirmed: ${r.sales} sales (${r.foreignMemberSales} to members of another shop), ${r.redemptions} ` +
      `redemptions, ${r.members} registrations`,
    `  offline spends ${r.offlineSpends}, online spends past the chain's balance ${r.staleSpends}, refused by the ` +
      `offline cap ${r.capRefusals}, cap changes ` +
      `${r.capChanges}, double spends ${r.doubleSpends}; overdrawn members ${r.overdrawnMembers}, flags ${r.flags}`,
    `  days closed ${r.daysClosed} · records_lost ${r.recordsLost} · records_duplicated ${r.recordsDuplicated} ` +
      `· violations ${r.violations.length}`,
    ...r.violations.slice(0, 20).map((x) => `  ! ${x}`),
  ];
}
