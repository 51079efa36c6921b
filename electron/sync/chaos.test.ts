import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, isNull } from 'drizzle-orm';
import { members, outbox, pointsLedger, sales } from '../../db/schema';
import { openTerminalCore, type TerminalCore } from '../terminal/terminalCore';
import { sequentialIds, systemClock } from '../platform/sources';
import { createMigratedTestDatabase, testDatabaseUrl } from '../../server/testing/databases';
import { startFaultProxy, type Fault } from '../../server/testing/faultProxy';
import { waitDerived } from '../../server/testing/harness';
import { startHoProcess, type HoProcess } from '../../server/testing/hoProcess';
import { seeded } from '../../server/testing/prng';
import { openPglite, openPostgres, type HoDatabase } from '../../server/store/connect';
import { ledger as hoLedger, records as hoRecords, sales as hoSales } from '../../server/store/schema';
import { enrolWithHeadOffice } from './enrol';
import { TEST_MANAGER } from '../services/services.testkit';
import { closeDays, syncOnce } from './job';

/**
 * Real processes on loopback: head office as its own process, a fault-injecting proxy in
 * front, three terminal cores on real SQLite files. Replay a failure with
 * TILLCARD_CHAOS_SEED=<seed printed below>.
 */
const seed = Number(process.env.TILLCARD_CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const STEPS = Number(process.env.TILLCARD_CHAOS_STEPS ?? 120);
const FAULTS: Fault[] = ['pass', 'pass', 'pass', 'drop_request', 'drop_response', 'delay', 'duplicate', 'reset'];

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.value;
}

describe('sync through a faulty network (seed printed for replay)', () => {
  const dirs: string[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const tempDir = (name: string) => {
    const d = mkdtempSync(join(tmpdir(), `tillcard-chaos-${name}-`));
    dirs.push(d);
    return d;
  };

  it(`every record reaches head office exactly once (seed ${seed})`, async () => {
    console.log(`chaos seed ${seed} (replay: TILLCARD_CHAOS_SEED=${seed})`);
    const random = seeded(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

    const hoDir = tempDir('ho');
    const pg = testDatabaseUrl ? await createMigratedTestDatabase(testDatabaseUrl) : null;
    if (pg) cleanups.push(pg.drop);
    const env: Record<string, string> = pg ? { DATABASE_URL: pg.url } : { TILLCARD_HO_DATA_DIR: hoDir };
    let ho: HoProcess = await startHoProcess(env);
    const port = new URL(ho.url).port;
    cleanups.push(() => ho.stop());
    const proxy = await startFaultProxy(
      ho.url,
      () => pick(FAULTS),
      () => Math.floor(random() * 1_500),
    );
    cleanups.push(proxy.close);

    const terminals: TerminalCore[] = [];
    // Enrolment is a one-time human step, done on a working network; the faults start after it.
    proxy.setEnabled(false);
    for (let i = 0; i < 3; i++) {
      const core = openTerminalCore({
        dataDir: tempDir(`t${i}`),
        clock: systemClock,
        ids: sequentialIds(i + 1),
        timeZone: 'Asia/Shanghai',
        log: () => undefined,
      });
      cleanups.push(async () => core.close());
      const shopId = i === 2 ? 'shopA' : `shop${'AB'[i]}`;
      unwrap(
        await core.api.configureShop({
          shopId,
          shopName: shopId,
          terminalName: `Till ${i}`,
          terminalCode: `9000${i + 1}`,
          manager: TEST_MANAGER,
        }),
      );
      const codeRes = await fetch(`${ho.url}/admin/enrolment-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ho.adminToken}` },
        body: JSON.stringify({ shopId, terminalCode: `9000${i + 1}` }),
      });
      const code = ((await codeRes.json()) as { code: string }).code;
      expect(await enrolWithHeadOffice(core.db, systemClock, proxy.url, code)).toMatchObject({ ok: true });
      terminals.push(core);
    }
    proxy.setEnabled(true);
    const sync = (core: TerminalCore) =>
      syncOnce({ db: core.db, clock: systemClock, owner: core.dbFile, requestTimeoutMs: 1_000 });

    let kills = 0;
    for (let step = 0; step < STEPS; step++) {
      const core = pick(terminals);
      const roll = random();
      if (roll < 0.15) {
        const n = Math.floor(random() * 1e8);
        await core.api.registerMember({
          requestId: core.ctx.ids.uuid(),
          name: `M${n}`,
          phone: `139${String(n).padStart(8, '0')}`,
          birthday: null,
        });
      } else if (roll < 0.6) {
        const known = core.db.select({ id: members.id, balance: members.pointsBalance }).from(members).all();
        const member = random() < 0.8 && known.length > 0 ? pick(known) : null;
        const spend = member && member.balance > 0 && random() < 0.3 ? Math.floor(random() * member.balance) : 0;
        await core.api.recordSale({
          requestId: core.ctx.ids.uuid(),
          memberId: member?.id ?? null,
          pointsToSpend: spend,
          lines: [
            {
              sku: `S${Math.floor(random() * 20)}`,
              quantity: 1 + Math.floor(random() * 3),
              unitPriceMinor: 1 + Math.floor(random() * 20_000),
            },
          ],
        });
      } else if (roll < 0.97 || !pg) {
        await sync(core);
      } else {
        // kill -9 head office mid-traffic (real PostgreSQL only: it is what survives a crash),
        // then restart on the same port.
        const inFlight = sync(core);
        await ho.kill9();
        kills += 1;
        await inFlight;
        ho = await startHoProcess(env, Number(port));
      }
    }

    // The network heals: every terminal drains its outbox, then everyone pulls everything.
    proxy.setEnabled(false);
    for (const core of terminals) expect((await sync(core)).status).toBe('synced');
    // Everything is acknowledged; once derived, two rounds of pulls carry it to every terminal.
    await waitDerived(ho.url, ho.adminToken);
    for (let round = 0; round < 2; round++)
      for (const core of terminals) expect((await sync(core)).status).toBe('synced');
    for (const core of terminals)
      expect(core.db.select().from(outbox).where(isNull(outbox.ackedAt)).all()).toHaveLength(0);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());
    for (const core of terminals) {
      const closed = await closeDays({ db: core.db, clock: systemClock, owner: core.dbFile }, today);
      expect(closed.status).toBe('closed');
      if (closed.status === 'closed') expect(closed.days.every((d) => d.matches)).toBe(true);
    }
    await ho.stop();

    const hoDb: HoDatabase = pg ? await openPostgres(pg.url, 2) : await openPglite(hoDir);
    cleanups.push(hoDb.close);
    // 1. Head office's sale ids == the union of the terminals'.
    const hoSaleIds = new Set((await hoDb.db.select({ id: hoSales.id }).from(hoSales)).map((r) => r.id));
    const terminalSaleIds = new Set(
      terminals.flatMap((t) =>
        t.db
          .select({ id: sales.id })
          .from(sales)
          .all()
          .map((r) => r.id),
      ),
    );
    expect([...hoSaleIds].sort()).toEqual([...terminalSaleIds].sort());
    // 2. Every terminal's sequence is gap-free at head office, and equal to its outbox.
    for (const core of terminals) {
      const terminalId = unwrap(await core.api.getStatus({})).terminalId;
      const seqs = (
        await hoDb.db.select({ seq: hoRecords.seq }).from(hoRecords).where(eq(hoRecords.terminalId, terminalId))
      )
        .map((r) => r.seq)
        .sort((x, y) => x - y);
      const outboxSize = core.db.select().from(outbox).all().length;
      expect(seqs).toEqual(Array.from({ length: outboxSize }, (_, i) => i + 1));
    }
    // 3. Every member's global balance equals the sum of their ledger, on every terminal.
    const hoBalances = new Map<string, number>();
    for (const row of await hoDb.db.select().from(hoLedger))
      hoBalances.set(row.memberId, (hoBalances.get(row.memberId) ?? 0) + row.delta);
    for (const core of terminals) {
      for (const m of core.db.select().from(members).all()) {
        const local = core.db
          .select()
          .from(pointsLedger)
          .where(eq(pointsLedger.memberId, m.id))
          .all()
          .reduce((s, r) => s + r.delta, 0);
        expect(m.pointsBalance).toBe(local);
        expect(m.pointsBalance).toBe(hoBalances.get(m.id) ?? 0);
      }
    }
    console.log(
      `chaos seed ${seed}: ${proxy.log.length} requests, ${kills} kill -9, faults ` +
        `${JSON.stringify(countFaults(proxy.log))}`,
    );
  }, 120_000);
});

function countFaults(log: Fault[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of log) out[f] = (out[f] ?? 0) + 1;
  return out;
}
