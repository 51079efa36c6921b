import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { isNull } from 'drizzle-orm';
import { outbox } from '../../db/schema';
import { syncLink } from '../../db/schemaSync';
import { testBackends } from '../../server/testing/databases';
import { startFaultProxy, type FaultProxy } from '../../server/testing/faultProxy';
import { startHarness, type Harness } from '../../server/testing/harness';
import { until } from '../../server/testing/until';
import { fixedClock } from '../platform/sources';
import { openTerminalCore, type TerminalCore } from '../terminal/terminalCore';
import { unwrap } from '../services/services.testkit';
import { PROBE_MAX_MS, startSyncLoop, type LoopStep, type Timers } from './schedule';
import { enrolledTerminal } from './enrolledTerminal.testkit';
import { actAsManager } from '../terminal/session.testkit';

// Regression (issue 12, defect 4): after an outage the till waited for its backoff (up to 300 s)
// before sending again. Head office here is real, on loopback, behind a proxy that resets every
// connection while "away". The loop's timers are injected: the test fires them one by one and
// reads the pause each step chose, so nothing depends on how fast this machine is.

const START = Date.UTC(2025, 5, 1, 2, 0, 0);

/** Timers the test fires by hand: the loop keeps at most one pending. */
class HandTimers implements Timers {
  pending: { fn: () => void; ms: number } | null = null;
  /** Every pause the loop asked for, in order. */
  readonly asked: number[] = [];
  private scheduled: (() => void) | null = null;
  setTimeout(fn: () => void, ms: number): unknown {
    this.pending = { fn, ms };
    this.asked.push(ms);
    this.scheduled?.();
    return fn;
  }
  clearTimeout(handle: unknown): void {
    if (this.pending?.fn === handle) this.pending = null;
  }
  /** Runs the pending step and resolves once the loop has scheduled the next one. */
  fire(): Promise<void> {
    const due = this.pending;
    if (!due) throw new Error('no step is scheduled');
    this.pending = null;
    const next = new Promise<void>((resolve) => (this.scheduled = resolve));
    due.fn();
    return next;
  }
}

describe.each(testBackends)('back online on $name', (backend) => {
  const clock = fixedClock(START);
  const dirs: string[] = [];
  let ho: Harness;
  let proxy: FaultProxy;
  let away = false;
  const cores: TerminalCore[] = [];

  beforeAll(async () => {
    ho = await startHarness(await backend.open(), clock);
    proxy = await startFaultProxy(
      ho.url,
      () => (away ? 'reset' : 'pass'),
      () => 0,
    );
  });
  afterAll(async () => {
    for (const core of cores) core.close();
    await proxy.close();
    await ho.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** An enrolled till that talks to head office through the proxy. */
  async function till(prefix: number, shopId: string, code: string): Promise<TerminalCore> {
    const core = await enrolledTerminal(ho, clock, dirs, { prefix, shopId, code });
    core.db.update(syncLink).set({ headOfficeUrl: proxy.url }).run();
    cores.push(core);
    return core;
  }
  const pending = (core: TerminalCore) => core.db.select().from(outbox).where(isNull(outbox.ackedAt)).all().length;
  const sale = (core: TerminalCore) =>
    core.api.recordSale({
      requestId: core.ctx.ids.uuid(),
      memberId: null,
      lines: [{ sku: 'TEA', quantity: 1, unitPriceMinor: 1_200 }],
    });

  it('probes every few seconds while head office is away, and sends in the first step after it is back', async () => {
    const core = await till(1, 'shopA', '90001');
    const timers = new HandTimers();
    const steps: LoopStep[] = [];
    // The highest jitter: every pause is its step's ceiling.
    const loop = startSyncLoop(
      { db: core.db, clock, owner: 'loop', requestTimeoutMs: 5_000 },
      {
        timeZone: 'Asia/Shanghai',
        timers,
        random: () => 0.999_999,
        onStep: (s) => steps.push(s),
      },
    );
    try {
      await timers.fire();
      expect(steps).toEqual([{ kind: 'sync', status: 'synced', nextDelayMs: 15_000 }]);

      away = true;
      unwrap(await sale(core));
      loop.nudge();
      expect(timers.pending?.ms).toBe(0);
      // A long outage: the till keeps asking, never more than PROBE_MAX_MS apart (was: up to 300 s).
      for (let i = 0; i < 12; i++) await timers.fire();
      const offline = steps.slice(1);
      expect(offline[0]).toMatchObject({ kind: 'sync', status: 'offline' });
      expect(offline.slice(1).every((s) => s.kind === 'probe' && !s.reachable)).toBe(true);
      expect(Math.max(...offline.map((s) => s.nextDelayMs))).toBe(PROBE_MAX_MS);
      expect(timers.asked.slice(2).every((ms) => ms <= PROBE_MAX_MS)).toBe(true);

      // A sale while offline probes at once, not after the pause.
      unwrap(await sale(core));
      loop.nudge();
      expect(timers.pending?.ms).toBe(0);
      await timers.fire();
      expect(steps.at(-1)).toMatchObject({ kind: 'probe', reachable: false });
      expect(pending(core)).toBe(2);

      // Head office is back: the next step finds it and sends both sales, nobody pressing "sync now".
      away = false;
      const before = steps.length;
      await timers.fire();
      expect(steps.slice(before)).toEqual([
        { kind: 'probe', reachable: true, nextDelayMs: 0 },
        { kind: 'sync', status: 'synced', nextDelayMs: 15_000 },
      ]);
      expect(pending(core)).toBe(0);
    } finally {
      loop.stop();
      away = false;
    }
  });

  it('a record made while head office is away reaches it once back (real timers, nobody pressing sync)', async () => {
    const core = await till(2, 'shopB', '90002');
    // The till as a host runs it: the same database, opened with its background sync.
    const host = openTerminalCore({
      dataDir: dirname(core.dbFile),
      clock: core.ctx.clock,
      timeZone: core.ctx.timeZone,
      log: () => undefined,
      sync: { owner: 'runner', log: () => undefined },
    });
    // A second core on the database is a restart: nobody is signed in there yet.
    actAsManager(host);
    try {
      away = true;
      // Signing in is audited, and its audit record waits to be sent too.
      const waitingBefore = pending(core);
      const response = await host.dispatch('recordSale', {
        requestId: core.ctx.ids.uuid(),
        memberId: null,
        lines: [{ sku: 'TEA', quantity: 1, unitPriceMinor: 1_500 }],
      });
      expect(response.ok).toBe(true);
      // The sale's nudge meets the outage: the loop is now probing.
      await until(
        'the loop to see head office away',
        async () => proxy.log.slice(-3).includes('reset') && pending(core) === waitingBefore + 1,
      );
      away = false;
      // Probes are at most PROBE_MAX_MS apart; the bound here is generous for a loaded machine.
      await until('the sale to reach head office', async () => pending(core) === 0, 600, 100);
    } finally {
      await host.sync.stop();
      host.close();
    }
  });
});
