// Bad-input fuzzing of head office over real HTTP on 127.0.0.1 (PGlite in memory, the
// default embedded PostgreSQL): every sync route and the admin routes with mutated and
// garbage bodies, with and without valid tokens. No 5xx, every refusal a SyncErrorBody with
// a typed code, and no new row in any table after a refusal.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { adminPath } from '../../../../shared/admin/client';
import { ADMIN_ROUTES } from '../../../../shared/admin/contract';
import { DEFAULT_RULE_SET } from '../../../../shared/domain/rules/ruleSet';
import { PROTOCOL_VERSION, SyncErrorBody } from '../../../../shared/sync/protocol';
import { syncRoutes } from '../../../../shared/sync/routes';
import type { HoDatabase } from '../../../../server/store/connect';
import { openMigratedPglite } from '../../../../server/testing/pgliteTemplate';
import { startHarness, type Harness } from '../../../../server/testing/harness';
import { fixedClockForTests } from '../../../../server/testing/clock';
import { memberRecord, pushRecord, saleRecord, uuidFrom } from '../../../../server/testing/records';
import { fuzzHeadOfficeAccess, setUpCallers } from './headOfficeAccess';
import { mutatedFrom } from './mutate';
import { count, countWrite, newTally, type BoundaryTally } from './tally';
import type { Verdict } from './verdict';
import { loopbackClient, type LoopbackClient } from './loopbackHttp';
import { postgresMarker, writeWatch } from './writeWatch';

export interface HeadOfficeFuzzOptions {
  seed: number;
  runsPerRoute: number;
  log: (line: string) => void;
}

type Method = 'GET' | 'POST' | 'PUT';
interface Route {
  method: Method;
  path: string;
  auth: 'terminal' | 'admin' | 'none';
  examples: (n: number) => unknown[];
}

const T0 = Date.UTC(2025, 2, 1, 2);
const A = uuidFrom(1, 0xa);
const M = uuidFrom(100);
const TERMINAL_B = uuidFrom(2, 0xb);
const CAMPAIGN = uuidFrom(900);
/** A reward made at the start, so a valid shop stock reaches the write. */
const REWARD = uuidFrom(950);
const DAY = 86_400_000;
const totals = {
  saleCount: 1,
  salesTotalMinor: 1234,
  pointsEarned: 10,
  pointsSpent: 0,
  redemptionCount: 0,
  firstSeq: 1,
  lastSeq: 2,
};
const v = PROTOCOL_VERSION;

const ROUTES: Route[] = [
  {
    method: 'POST',
    path: syncRoutes.enrol.path,
    auth: 'none',
    examples: (n) => [{ protocolVersion: v, code: `ABCD-EFGH-${n % 10_000}`, terminalId: uuidFrom(n, 0xb) }],
  },
  {
    method: 'POST',
    path: syncRoutes.push.path,
    auth: 'terminal',
    examples: (n) => [
      {
        protocolVersion: v,
        terminalId: A,
        shopId: 'shopA',
        pending: 3,
        records: [
          memberRecord(1, M, 1, T0),
          saleRecord(2, {
            saleId: uuidFrom(1000 + n),
            memberId: M,
            totalMinor: 1234,
            earned: 10,
            spent: 0,
            ledgerIds: [uuidFrom(2000 + n), uuidFrom(3000 + n)],
            day: '2025-03-01',
            at: T0,
          }),
          // A refund of that sale, recorded offline at a till that did not hold it: head office settles it.
          pushRecord(3, uuidFrom(4000 + n), 'refund', {
            id: uuidFrom(4000 + n),
            saleId: uuidFrom(1000 + n),
            memberId: M,
            settlement: 'headOffice',
            lines: [{ lineNo: 1, quantity: 1 }],
            amountMinor: null,
            pointsReversed: null,
            pointsReturned: null,
            currency: 'CNY',
            businessDay: '2025-03-01',
            createdAt: T0,
            ledger: [],
          }),
        ],
      },
    ],
  },
  {
    method: 'POST',
    path: syncRoutes.pull.path,
    auth: 'terminal',
    examples: () => [{ protocolVersion: v, terminalId: A, shopId: 'shopA', cursor: '0:0', limit: 100 }],
  },
  {
    method: 'POST',
    path: syncRoutes.closeDay.path,
    auth: 'terminal',
    examples: () => [{ protocolVersion: v, terminalId: A, shopId: 'shopA', businessDay: '2025-03-01', totals }],
  },
  {
    method: 'POST',
    path: syncRoutes.saleForRefund.path,
    auth: 'terminal',
    examples: (n) => [{ protocolVersion: v, terminalId: A, shopId: 'shopA', saleId: uuidFrom(1000 + n) }],
  },
  {
    method: ADMIN_ROUTES.createEnrolmentCode.method,
    path: adminPath('createEnrolmentCode'),
    auth: 'admin',
    examples: (n) => [{ shopId: `shop-${n % 50}`, terminalCode: String(10_000 + (n % 80_000)), validForHours: 24 }],
  },
  {
    method: ADMIN_ROUTES.publishTiers.method,
    path: adminPath('publishTiers'),
    auth: 'admin',
    examples: () => [{ tiers: [{ code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 }] }],
  },
  {
    method: ADMIN_ROUTES.publishCategories.method,
    path: adminPath('publishCategories'),
    auth: 'admin',
    examples: () => [
      { categories: [{ code: 'general', names: { 'zh-CN': '普通商品', en: 'General' } }], defaultCode: 'general' },
    ],
  },
  {
    method: ADMIN_ROUTES.publishRules.method,
    path: adminPath('publishRules'),
    auth: 'admin',
    examples: () => [{ rules: DEFAULT_RULE_SET }],
  },
  {
    method: ADMIN_ROUTES.goods.method,
    auth: 'admin',
    path: adminPath('goods', { query: { find: 'FZ', includeInactive: 'true' } }),
    examples: () => [undefined],
  },
  {
    method: ADMIN_ROUTES.addGoods.method,
    path: adminPath('addGoods'),
    auth: 'admin',
    // A fresh SKU and a valid EAN-13 (…893 1) once per n; a mutated copy is refused, a repeat is GOODS_TAKEN.
    examples: (n) => [
      { sku: `FZ-${n}`, barcode: null, name: `Fuzz item ${n}`, category: '', priceMinor: n % 10_000 },
      { sku: `FZB-${n}`, barcode: '4006381333931', name: 'Fuzz barcode', category: 'general', priceMinor: 500 },
    ],
  },
  {
    method: ADMIN_ROUTES.updateGoods.method,
    auth: 'admin',
    path: adminPath('updateGoods', { params: { id: uuidFrom(900) } }),
    examples: (n) => [{ priceMinor: n % 10_000 }, { name: `Renamed ${n}`, active: n % 2 === 0 }],
  },
  {
    method: ADMIN_ROUTES.setMemberOfflineCap.method,
    auth: 'admin',
    path: adminPath('setMemberOfflineCap', { params: { id: M } }),
    examples: (n) => [{ offlineCapPoints: n % 5_000 }],
  },
  {
    method: ADMIN_ROUTES.setDefaultOfflineCap.method,
    path: adminPath('setDefaultOfflineCap'),
    auth: 'admin',
    examples: (n) => [{ defaultOfflineCapPoints: n % 5_000 }],
  },
  // Issue 16: a reward's stock per shop (a shop head office does not know is 404, past the body's schema).
  {
    method: ADMIN_ROUTES.rewardShopStock.method,
    auth: 'admin',
    path: adminPath('rewardShopStock', { params: { id: REWARD } }),
    examples: () => [undefined],
  },
  {
    method: ADMIN_ROUTES.setRewardShopStock.method,
    auth: 'admin',
    path: adminPath('setRewardShopStock', { params: { id: REWARD } }),
    examples: (n) => [
      { shopId: 'shopA', stock: n % 50 },
      { shopId: 'shopB', stock: null },
    ],
  },
  {
    method: ADMIN_ROUTES.balanceFlags.method,
    auth: 'admin',
    path: adminPath('balanceFlags', { query: { open: 'true' } }),
    examples: () => [undefined],
  },
  // Issue 15: a member's tier (read, and set by hand), a manual adjustment, and campaigns.
  {
    method: ADMIN_ROUTES.memberTier.method,
    auth: 'admin',
    path: adminPath('memberTier', { params: { id: M } }),
    examples: () => [undefined],
  },
  {
    method: ADMIN_ROUTES.setMemberTier.method,
    auth: 'admin',
    path: adminPath('setMemberTier', { params: { id: M } }),
    examples: (n) => [{ tierCode: 'BRONZE', reason: `fuzz ${n}`, endsAt: T0 + (1 + (n % 90)) * DAY }],
  },
  {
    method: ADMIN_ROUTES.adjustPoints.method,
    auth: 'admin',
    path: adminPath('adjustPoints', { params: { id: M } }),
    examples: (n) => [
      { delta: 1 + (n % 100), reason: 'goodwill' },
      { delta: 5, reason: 'other', note: `fuzz ${n}` },
    ],
  },
  {
    method: ADMIN_ROUTES.upsertCampaign.method,
    auth: 'admin',
    path: adminPath('upsertCampaign', { params: { id: CAMPAIGN } }),
    examples: (n) => [
      {
        name: `Fuzz ${n}`,
        rule: { kind: 'spendBonus', minSpendMinor: 100, points: 1 + (n % 50) },
        target: { kind: 'everyone' },
        startsAt: T0 + DAY,
        endsAt: T0 + 10 * DAY,
        overlap: n % 2 === 0 ? 'stack' : 'bestOf',
        budgetPoints: 10_000,
        perMemberLimit: n % 3 === 0 ? null : 100,
        holdoutBp: n % 1_000,
      },
    ],
  },
  {
    method: ADMIN_ROUTES.campaigns.method,
    auth: 'admin',
    path: adminPath('campaigns'),
    examples: () => [undefined],
  },
  {
    method: ADMIN_ROUTES.publishCampaign.method,
    auth: 'admin',
    path: adminPath('publishCampaign', { params: { id: CAMPAIGN } }),
    examples: () => [undefined],
  },
  {
    method: ADMIN_ROUTES.cancelCampaign.method,
    auth: 'admin',
    path: adminPath('cancelCampaign', { params: { id: CAMPAIGN } }),
    examples: () => [undefined],
  },
  // The console's members: a search, a detail page, a reveal (its audit row is its only write).
  {
    method: ADMIN_ROUTES.findMembers.method,
    auth: 'admin',
    path: adminPath('findMembers', { query: { by: 'name', q: 'Member' } }),
    examples: () => [undefined],
  },
  {
    method: ADMIN_ROUTES.memberDetail.method,
    auth: 'admin',
    path: adminPath('memberDetail', { params: { id: M }, query: { ledgerPage: 1, ledgerPageSize: 5 } }),
    examples: () => [undefined],
  },
  {
    method: ADMIN_ROUTES.revealMemberPhone.method,
    auth: 'admin',
    path: adminPath('revealMemberPhone', { params: { id: M } }),
    examples: () => [undefined],
  },
  // A member's export reads only (erasure is left out: any call of it on the fixture member writes).
  {
    method: ADMIN_ROUTES.exportMember.method,
    auth: 'admin',
    path: adminPath('exportMember', { params: { id: M } }),
    examples: () => [undefined],
  },
];

const TableRows = z.object({ rows: z.array(z.object({ table_name: z.string() })) });
const CountRows = z.object({ rows: z.array(z.object({ t: z.string(), n: z.number() })) });

/** A query giving the row count of every table in head office's schema, in one round trip. */
async function rowCounter(database: HoDatabase): Promise<() => Promise<string>> {
  // Both drivers (PGlite, node-postgres) answer { rows }; the schema says which columns.
  const tables = TableRows.parse(
    await database.db.execute(
      sql`SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    ),
  );
  const union = tables.rows
    .map((r) => `SELECT '${r.table_name}' AS t, count(*)::int AS n FROM "${r.table_name}"`)
    .join(' UNION ALL ');
  if (union === '') throw new Error('head office fuzz: no tables');
  return async () =>
    CountRows.parse(await database.db.execute(sql.raw(union)))
      .rows.map((r) => `${r.t}=${r.n}`)
      .join(',');
}

/** What the harness's `call` sends (JSON body, bearer token), over the fuzzers' faster client. */
function caller(client: LoopbackClient): Harness['call'] {
  return async (method, path, body, token) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const { status, text } = await client.send({
      method,
      path,
      headers,
      body: body === undefined ? null : (JSON.stringify(body) ?? null),
    });
    return { status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
}

function judgeHo(status: number, body: unknown): { verdict: Verdict; syncCode: string | null } {
  if (status >= 500) return { verdict: { kind: 'crash', why: `HTTP ${status}` }, syncCode: null };
  if (status < 300) return { verdict: { kind: 'accepted' }, syncCode: null };
  const parsed = SyncErrorBody.safeParse(body);
  if (!parsed.success)
    return {
      verdict: {
        kind: 'untyped',
        why: `HTTP ${status} without a typed error body: ${String(JSON.stringify(body)).slice(0, 200)}`,
      },
      syncCode: null,
    };
  if (parsed.data.code === 'INTERNAL') return { verdict: { kind: 'crash', why: 'INTERNAL' }, syncCode: 'INTERNAL' };
  // The tally counts terminal ErrorCodes; head office's own code travels beside it.
  return { verdict: { kind: 'refused', code: 'VALIDATION' }, syncCode: parsed.data.code };
}

/**
 * A PAYLOAD_CONFLICT is refused as a whole, but head office deliberately keeps the conflicting
 * record in quarantine for IT to look at (server/sync/push.ts recordConflict): an audit row,
 * not business data. Every other refusal must leave every table as it was.
 */
const comparable = (counts: string, syncCode: string | null): string =>
  syncCode === 'PAYLOAD_CONFLICT' ? counts.replace(/ho_quarantine=\d+/, 'ho_quarantine=*') : counts;

export async function runHeadOfficeFuzz(
  options: HeadOfficeFuzzOptions,
): Promise<{ tallies: BoundaryTally[]; violations: string[] }> {
  const database = await openMigratedPglite();
  const clock = fixedClockForTests(T0);
  let ho: Harness | null = null;
  let client: LoopbackClient | null = null;
  const tallies: BoundaryTally[] = [];
  try {
    // Rate limits off in effect: the fuzzer sends thousands of bodies a minute from one address, each to be parsed.
    const unlimited = { signInPerMinute: 1_000_000_000, syncPerMinute: 1_000_000_000 };
    const harness = await startHarness(database, clock, undefined, { rateLimits: unlimited });
    ho = harness;
    const terminalToken = (await ho.enrol('shopA', '90001', A)).token;
    await ho.enrol('shopB', '90002', TERMINAL_B);
    const reward = { code: 'FZ-MUG', name: 'Mug', category: 'gift', pointsCost: 500, cashValueMinor: 2_000 };
    await ho.admin.call('upsertReward', { params: { id: REWARD }, body: { ...reward, stock: 5, active: true } });
    const rowCounts = await rowCounter(database);
    const xidMarker = postgresMarker(database);
    client = loopbackClient(ho.url);
    const call = caller(client);
    for (const [i, route] of ROUTES.entries()) {
      const tally = newTally(`head office ${route.method} ${route.path}`);
      const right = route.auth === 'admin' ? ho.adminToken : route.auth === 'terminal' ? terminalToken : null;
      // Mostly the right credentials (so the body is what gets judged), sometimes none or the wrong ones.
      const token = fc.oneof(
        { weight: 6, arbitrary: fc.constant(right) },
        { weight: 1, arbitrary: fc.constantFrom<string | null>(null, 'not-a-token', terminalToken, ho.adminToken) },
      );
      const arb = fc.tuple(
        mutatedFrom((_requestId, n) => route.examples(n), 'json'),
        token,
      );
      const watch = writeWatch({ marker: xidMarker, fingerprint: rowCounts });
      await fc.check(
        fc.asyncProperty(arb, async ([body, auth]) => {
          await watch.start();
          let verdict: Verdict;
          let syncCode: string | null = null;
          try {
            const answer = await call(route.method, route.path, route.method === 'GET' ? undefined : body, auth);
            ({ verdict, syncCode } = judgeHo(answer.status, answer.body));
          } catch (error) {
            verdict = { kind: 'crash', why: `request failed: ${String(error)}` };
          }
          count(tally, verdict, { body, auth: auth === null ? null : auth.slice(0, 6) });
          clock.advance(1_000);
          if (verdict.kind === 'accepted') {
            // Head office derives an accepted push behind its answer (server/sync/deriver.ts):
            // wait for that, or its writes would land during the next input and be blamed on it.
            if (route.path === syncRoutes.push.path) await harness.waitDerived();
            watch.accepted();
            return true;
          }
          const change = await watch.afterRefusal();
          if (change && comparable(change.after, syncCode) !== comparable(change.before, syncCode))
            countWrite(tally, `row counts ${change.before} → ${change.after}`, body);
          return true;
        }),
        { numRuns: options.runsPerRoute, seed: options.seed + i },
      );
      tallies.push(tally);
      options.log(
        `fuzz ${tally.boundary}: ${tally.inputs} inputs, ${tally.refused} refused, ${tally.writes} writes, ` +
          `${tally.crashes} crashes, ${tally.untyped} untyped`,
      );
    }
    // Who may call what: every admin route by every kind of caller (shared/admin/roles.ts).
    const { callers, fixtures } = await setUpCallers(harness, { A, B: TERMINAL_B }, M);
    const access = await fuzzHeadOfficeAccess({
      ho: harness,
      client,
      watch: writeWatch({ marker: xidMarker, fingerprint: rowCounts }),
      callers,
      fixtures,
      refusedRuns: Math.max(1, Math.round(options.runsPerRoute / 60)),
      seed: options.seed + 5_000,
      afterCall: () => clock.advance(1_000),
    });
    tallies.push(...access);
    for (const t of access)
      options.log(`fuzz ${t.boundary}: ${t.inputs} calls, ${t.wrongAccess} wrong access, ${t.writes} writes`);
  } finally {
    client?.close();
    if (ho) await ho.close();
    else await database.close();
  }
  return { tallies, violations: [] };
}
