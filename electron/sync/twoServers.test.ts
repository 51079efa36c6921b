import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isNull } from 'drizzle-orm';
import { members, outbox } from '../../db/schema';
import { syncLink } from '../../db/schemaSync';
import { openTerminalCore, type TerminalCore } from '../terminal/terminalCore';
import { sequentialIds, systemClock } from '../platform/sources';
import { createMigratedTestDatabase, testDatabaseUrl } from '../../server/testing/databases';
import { waitDerived } from '../../server/testing/harness';
import { startHoProcess, type HoProcess } from '../../server/testing/hoProcess';
import { seeded } from '../../server/testing/prng';
import { openPostgres } from '../../server/store/connect';
import { enrolWithHeadOffice } from './enrol';
import { createHoClient, type FetchFn } from './hoClient';
import { closeDays, syncOnce } from './job';
import { pushOutbox } from './push';
import { TEST_MANAGER } from '../services/services.testkit';
import { syncInvariantFailures } from './syncInvariants.testkit';

/**
 * Scale-out: TWO head-office processes on ONE PostgreSQL. Three terminals sync through both,
 * alternating request by request, and each terminal's outbox is also pushed through both at
 * the same moment (two pushers racing, as if two windows had no lease): the per-terminal
 * advisory lock and the (terminal, seq) key must make that exactly-once. Replay a failure
 * with TILLCARD_TWO_SERVERS_SEED=<seed printed below>.
 */
const seed = Number(process.env.TILLCARD_TWO_SERVERS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ROUNDS = 12;

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.value;
}

describe.skipIf(!testDatabaseUrl)('two head-office processes on one PostgreSQL', () => {
  const dirs: string[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it(`pushes the same terminals through both, alternating and at once, exactly once (seed ${seed})`, async () => {
    console.log(`two servers seed ${seed} (replay: TILLCARD_TWO_SERVERS_SEED=${seed})`);
    const random = seeded(seed);
    const pg = await createMigratedTestDatabase(testDatabaseUrl ?? '');
    cleanups.push(pg.drop);
    // Started together: the second waits on the migration lock, then finds everything applied.
    const servers: HoProcess[] = await Promise.all([
      startHoProcess({ DATABASE_URL: pg.url }),
      startHoProcess({ DATABASE_URL: pg.url }),
    ]);
    for (const s of servers) cleanups.push(() => s.stop());
    const [one, two] = servers;
    if (!one || !two) throw new Error('servers did not start');
    let turn = 0;
    const alternating: FetchFn = (input, init) =>
      fetch(input.replace(one.url, (turn++ % 2 === 0 ? one : two).url), init);
    const via =
      (server: HoProcess): FetchFn =>
      (input, init) =>
        fetch(input.replace(one.url, server.url), init);

    const terminals: TerminalCore[] = [];
    for (let i = 0; i < 3; i++) {
      const dir = mkdtempSync(join(tmpdir(), `tillcard-two-${i}-`));
      dirs.push(dir);
      const core = openTerminalCore({
        dataDir: dir,
        clock: systemClock,
        ids: sequentialIds(i + 1),
        timeZone: 'Asia/Shanghai',
        log: () => undefined,
      });
      cleanups.push(async () => core.close());
      const shopId = `shop${'ABA'[i]}`;
      unwrap(
        await core.api.configureShop({
          shopId,
          shopName: shopId,
          terminalName: `Till ${i}`,
          terminalCode: `9200${i + 1}`,
          manager: TEST_MANAGER,
        }),
      );
      const server = i % 2 === 0 ? one : two;
      const codeRes = await fetch(`${server.url}/admin/enrolment-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
        body: JSON.stringify({ shopId, terminalCode: `9200${i + 1}` }),
      });
      const code = ((await codeRes.json()) as { code: string }).code;
      expect(await enrolWithHeadOffice(core.db, systemClock, one.url, code)).toMatchObject({ ok: true });
      terminals.push(core);
    }
    const sync = (core: TerminalCore) =>
      syncOnce({ db: core.db, clock: systemClock, owner: core.dbFile, fetch: alternating });
    const racePush = async (core: TerminalCore) => {
      const link = core.db.select().from(syncLink).get();
      if (!link) throw new Error('not enrolled');
      const ids = { terminalId: link.terminalId, shopId: link.shopId };
      const results = await Promise.all(
        servers.map((s) =>
          pushOutbox(
            core.db,
            systemClock,
            createHoClient({ baseUrl: link.headOfficeUrl, token: link.token, fetch: via(s) }),
            ids,
          ),
        ),
      );
      for (const r of results) expect(r.kind).toBe('done');
    };

    for (let round = 0; round < ROUNDS; round++) {
      for (const core of terminals) {
        for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
          if (random() < 0.3) {
            const n = Math.floor(random() * 1e8);
            await core.api.registerMember({
              requestId: core.ctx.ids.uuid(),
              name: `M${n}`,
              phone: `137${String(n).padStart(8, '0')}`,
              birthday: null,
            });
          } else {
            const known = core.db.select({ id: members.id, balance: members.pointsBalance }).from(members).all();
            const member = known.length > 0 ? known[Math.floor(random() * known.length)] : undefined;
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
          }
        }
      }
      // All three terminals at once; each one both raced through the two servers and synced alternating.
      await Promise.all(
        terminals.map(async (core) =>
          random() < 0.5 ? racePush(core) : expect((await sync(core)).status).toBe('synced'),
        ),
      );
    }
    for (const core of terminals) expect((await sync(core)).status).toBe('synced');
    // Everything is acknowledged; once derived (by either process), two rounds of pulls carry it everywhere.
    await waitDerived(two.url, two.adminToken);
    for (let round = 0; round < 2; round++)
      for (const core of terminals) expect((await sync(core)).status).toBe('synced');
    for (const core of terminals)
      expect(core.db.select().from(outbox).where(isNull(outbox.ackedAt)).all()).toHaveLength(0);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());
    for (const core of terminals) {
      const closed = await closeDays(
        { db: core.db, clock: systemClock, owner: core.dbFile, fetch: alternating },
        today,
      );
      expect(closed).toMatchObject({ status: 'closed' });
      if (closed.status === 'closed') expect(closed.days.every((d) => d.matches)).toBe(true);
    }
    const ho = await openPostgres(pg.url, 2);
    cleanups.push(ho.close);
    expect(
      await syncInvariantFailures(
        ho.db,
        terminals.map((t) => t.db),
      ),
    ).toEqual([]);
  }, 180_000);
});
