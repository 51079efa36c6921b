// Bad-input fuzzing over HTTP against the browser host (the till's second transport): every
// channel's route with mutated and garbage JSON bodies, plus raw requests (unknown and hostile
// channel names, broken JSON, wrong content types, wrong methods, oversized bodies).
// No 5xx, an envelope with a typed code every time, and no write on a refusal.
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channels, isChannel, type ErrorCode } from '../../../../shared/contract';
import { startBrowserHost, type BrowserHost } from '../../../../electron/browser-host/host';
import { API_PREFIX, apiPath, TOKEN_HEADER } from '../../../../shared/contract/browserHost';
import { fixedClock, sequentialIds } from '../../../../electron/platform/sources';
import { assertLedgerConsistent, assertOutboxGapFree } from '../../../../electron/services/services.testkit';
import { accessRuns, readFixtures } from './contractFuzz';
import { fuzzTillAccess } from './tillAccess';
import { describeChange, stateFingerprint } from './fingerprint';
import { badInputs } from './mutate';
import { count, countWrite, newTally, type BoundaryTally } from './tally';
import { loopbackClient, type LoopbackClient } from './loopbackHttp';
import { actAsManager } from '../../../../electron/terminal/session.testkit';
import { judge, mayWrite, type Verdict } from './verdict';
import { sqliteMarker, writeWatch } from './writeWatch';

export interface HostFuzzOptions {
  seed: number;
  runsPerChannel: number;
  /** Raw malformed requests (one boundary of its own). */
  rawRuns: number;
  log: (line: string) => void;
}

interface RawRequest {
  path: string;
  method: 'POST' | 'GET' | 'PUT' | 'DELETE';
  contentType: string | null;
  body: string | null;
}

const rawRequests: fc.Arbitrary<RawRequest> = fc.record({
  path: fc.oneof(
    fc.constantFrom(...channels).map((c) => apiPath(c)),
    fc
      .constantFrom(
        '',
        '__proto__',
        'constructor',
        `..${API_PREFIX}getStatus`,
        'getStatus/extra',
        '%00',
        'recordSale?x=1',
        'ＲＥＣＯＲＤ',
      )
      .map((p) => `${API_PREFIX}${p}`),
    fc.string({ minLength: 1, maxLength: 30 }).map((s) => `${API_PREFIX}${encodeURIComponent(s)}`),
  ),
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE'),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    null,
  ),
  body: fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom(
      '{',
      '{"requestId":',
      '[1,2',
      'null',
      '"text"',
      '{"a":1}{"b":2}',
      '\u0000',
      '{"__proto__":{"polluted":1}}',
      'x'.repeat(300_000),
    ),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? ''),
    fc.constant(null),
  ),
});

/** The channel a raw request really reaches: fetch normalises "/api/../api/x" to "/api/x". */
function channelReached(host: BrowserHost, req: RawRequest): string {
  const path = new URL(req.path, host.origin).pathname;
  if (req.method !== 'POST' || !path.startsWith(API_PREFIX)) return '';
  try {
    return decodeURIComponent(path.slice(API_PREFIX.length));
  } catch {
    return '';
  }
}

/**
 * The till's guard answers before the body is read (host.ts onRequest), whatever the channel: on a
 * till the channel fuzz above left signed out or unconfigured (leaveDemoShop), a raw request to any
 * channel may get its refusal. Typed, from the role table, and written nothing: not untyped.
 */
const GUARD_REFUSALS: readonly ErrorCode[] = ['SIGNED_OUT', 'NOT_ALLOWED', 'NOT_CONFIGURED', 'ALREADY_CONFIGURED'];

async function send(
  client: LoopbackClient,
  host: BrowserHost,
  req: RawRequest,
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { [TOKEN_HEADER]: host.token };
  if (req.contentType) headers['content-type'] = req.contentType;
  const body = req.method !== 'GET' ? req.body : null;
  const { status, text } = await client.send({ method: req.method, path: req.path, headers, body });
  try {
    return { status, body: JSON.parse(text) as unknown };
  } catch {
    return { status, body: text };
  }
}

async function fuzzRequests<T>(
  client: LoopbackClient,
  host: BrowserHost,
  tally: BoundaryTally,
  arb: fc.Arbitrary<T>,
  runs: number,
  seed: number,
  toRequest: (input: T) => { req: RawRequest; channel: string },
  /** Refusals typed for any channel here (the guard's, for raw requests on a till the fuzz may have left). */
  alsoAllowed: readonly ErrorCode[] = [],
): Promise<void> {
  const db = host.core.db;
  const watch = writeWatch({ marker: sqliteMarker(db), fingerprint: () => stateFingerprint(db) });
  await fc.check(
    fc.asyncProperty(arb, async (input) => {
      await watch.start();
      const { req, channel } = toRequest(input);
      let verdict: Verdict;
      try {
        const answer = await send(client, host, req);
        verdict =
          answer.status >= 500
            ? { kind: 'crash', why: `HTTP ${answer.status}` }
            : judge(isChannel(channel) ? channel : null, answer.body);
        if (
          verdict.kind === 'untyped' &&
          alsoAllowed.some((code) => verdict.kind === 'untyped' && verdict.why.startsWith(`${code} `))
        )
          verdict = { kind: 'refused', code: 'VALIDATION' };
        // Only a known channel's POST reaches the core; anything else must be refused by the transport.
        if (verdict.kind === 'accepted' && (answer.status !== 200 || !isChannel(channel)))
          verdict = { kind: 'crash', why: `accepted with HTTP ${answer.status}` };
      } catch (error) {
        verdict = { kind: 'crash', why: `request failed: ${String(error)}` };
      }
      count(tally, verdict, req);
      // The till is fuzzed as its manager: an input that signed out or locked it is undone.
      if (host.core.session.current()?.role !== 'manager') actAsManager(host.core);
      if (mayWrite(verdict)) {
        watch.accepted();
        return true;
      }
      const change = await watch.afterRefusal();
      if (change && change.after !== change.before) countWrite(tally, describeChange(change.before, change.after), req);
      return true;
    }),
    { numRuns: runs, seed },
  );
}

/**
 * Who may call what, over HTTP: every channel as a signed-out till, a cashier and a manager, on a
 * browser host and demo shop of its own (the bad inputs may have left the other's demo shop).
 */
async function runHostAccess(options: HostFuzzOptions, dir: string, violations: string[]): Promise<BoundaryTally[]> {
  mkdirSync(join(dir, 'static'), { recursive: true });
  const host = await startBrowserHost({
    dataDir: join(dir, 'data'),
    port: 0,
    clock: fixedClock(Date.UTC(2025, 5, 1, 2)),
    ids: sequentialIds(9),
    staticDir: join(dir, 'static'),
    // The daily backup writes its time to the database: a fuzz input would be blamed for that write.
    backups: false,
    log: (m, e) => void violations.push(`${m}: ${e instanceof Error ? e.message : String(e)}`.slice(0, 400)),
  });
  const client = loopbackClient(host.origin);
  try {
    const setup = host.core.dispatch('setupDemoShop', {});
    if (!setup.ok) throw new Error(`host access fuzz: demo shop set-up failed: ${setup.error.code}`);
    const tallies = await fuzzTillAccess({
      core: host.core,
      fixtures: readFixtures(host.core),
      send: async (channel, input) =>
        (
          await send(client, host, {
            path: apiPath(channel),
            method: 'POST',
            contentType: 'application/json',
            body: JSON.stringify(input) ?? '',
          })
        ).body,
      transport: 'json',
      label: 'http',
      runsPerCall: accessRuns(options.runsPerChannel * 3),
      seed: options.seed + 3_000,
    });
    for (const t of tallies)
      options.log(`fuzz ${t.boundary}: ${t.inputs} calls, ${t.wrongAccess} wrong access, ${t.writes} writes`);
    return tallies;
  } finally {
    client.close();
    await host.close();
  }
}

export async function runHostFuzz(
  options: HostFuzzOptions,
): Promise<{ tallies: BoundaryTally[]; violations: string[] }> {
  const work = mkdtempSync(join(tmpdir(), 'tillcard-hostfuzz-'));
  const violations: string[] = [];
  mkdirSync(join(work, 'static'));
  const host = await startBrowserHost({
    dataDir: join(work, 'data'),
    port: 0,
    clock: fixedClock(Date.UTC(2025, 5, 1, 2)),
    ids: sequentialIds(8),
    staticDir: join(work, 'static'),
    // The daily backup writes its time to the database: a fuzz input would be blamed for that write.
    backups: false,
    log: (m, e) => void violations.push(`${m}: ${e instanceof Error ? e.message : String(e)}`.slice(0, 400)),
  });
  const tallies: BoundaryTally[] = [];
  const client = loopbackClient(host.origin);
  try {
    const setup = host.core.dispatch('setupDemoShop', {});
    if (!setup.ok) throw new Error(`host fuzz: demo shop set-up failed: ${setup.error.code}`);
    const fixtures = readFixtures(host.core);
    for (const [i, channel] of channels.entries()) {
      const tally = newTally(`http ${apiPath(channel)}`);
      await fuzzRequests(
        client,
        host,
        tally,
        badInputs(channel, fixtures, 'json'),
        options.runsPerChannel,
        options.seed + i,
        (input) => ({
          channel,
          req: {
            path: apiPath(channel),
            method: 'POST',
            contentType: 'application/json',
            body: JSON.stringify(input) ?? '',
          },
        }),
      );
      tallies.push(tally);
      options.log(
        `fuzz http ${apiPath(channel)}: ${tally.inputs} inputs, ${tally.refused} refused, ${tally.writes} ` +
          `writes, ${tally.crashes} crashes, ${tally.untyped} untyped`,
      );
    }
    const raw = newTally('http raw requests');
    await fuzzRequests(
      client,
      host,
      raw,
      rawRequests,
      options.rawRuns,
      options.seed + 500,
      (req) => ({
        req,
        channel: channelReached(host, req),
      }),
      GUARD_REFUSALS,
    );
    tallies.push(raw);
    options.log(
      `fuzz http raw: ${raw.inputs} inputs, ${raw.refused} refused, ${raw.writes} writes, ${raw.crashes} ` +
        `crashes, ${raw.untyped} untyped`,
    );
    tallies.push(...(await runHostAccess(options, join(work, 'access'), violations)));
    try {
      assertLedgerConsistent(host.core.db);
      assertOutboxGapFree(host.core.db);
    } catch (error) {
      violations.push(error instanceof Error ? error.message : String(error));
    }
  } finally {
    client.close();
    await host.close();
    rmSync(work, { recursive: true, force: true });
  }
  return { tallies, violations };
}
