// The load test's second process: 50 enrolled terminals push batches to head office over
// loopback as fast as head office answers, for a fixed time. Each terminal has one request in
// flight, like a real till's sync job; a failed batch is sent again (pushes are idempotent).
// Prints one JSON line (PusherReport). Run by loadTest.ts: node --import tsx pusher.ts <config.json>
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { MAX_BATCH_RECORDS, PROTOCOL_VERSION, PushResponse, type PushRecord } from '../../../../shared/sync/protocol';
import { syncRoutes } from '../../../../shared/sync/routes';
import { memberRecord, saleRecord, uuidFrom } from '../../../../server/testing/records';
import { seeded } from '../../../../server/testing/prng';
import { percentile, type PusherReport } from './stats';

export const PusherConfig = z.object({
  url: z.url(),
  seconds: z.number().positive().max(3_600),
  seed: z.number().int(),
  batchRecords: z.number().int().min(1).max(MAX_BATCH_RECORDS),
  terminals: z
    .array(
      z.object({
        index: z.number().int().min(0).max(99),
        terminalId: z.string(),
        shopId: z.string(),
        token: z.string(),
      }),
    )
    .min(1)
    .max(100),
});
export type PusherConfig = z.infer<typeof PusherConfig>;

const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());

/** One simulated till's outbox: members first, then sales to them (earning and spending points). */
function outboxOf(index: number, random: () => number): (from: number, count: number) => PushRecord[] {
  const balances: { id: string; balance: number }[] = [];
  let made = 0;
  return (from, count) => {
    const out: PushRecord[] = [];
    for (let seq = from; seq < from + count; seq++) {
      made += 1;
      // Unique chain-wide: the terminal's index in the high digits (phones have room for 8 digits).
      const n = index * 1_000_000 + made;
      if (balances.length === 0 || random() < 0.1) {
        const id = uuidFrom(n, 1);
        out.push(memberRecord(seq, id, n, Date.now()));
        balances.push({ id, balance: 0 });
        continue;
      }
      const m = balances[Math.floor(random() * balances.length)];
      const member = m && random() < 0.85 ? m : null;
      const earned = member ? 1 + Math.floor(random() * 100) : 0;
      const spent = member && member.balance > 0 && random() < 0.3 ? Math.floor(random() * member.balance) : 0;
      if (member) member.balance += earned - spent;
      out.push(
        saleRecord(seq, {
          saleId: uuidFrom(n, 2),
          memberId: member?.id ?? null,
          totalMinor: 100 + Math.floor(random() * 20_000),
          earned,
          spent,
          ledgerIds: [uuidFrom(n, 3), uuidFrom(n, 4)],
          day,
          at: Date.now(),
        }),
      );
    }
    return out;
  };
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: pusher.ts <config.json>');
  const config = PusherConfig.parse(JSON.parse(readFileSync(file, 'utf8')));
  const deadline = performance.now() + config.seconds * 1_000;
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  const ackedThrough: Record<string, number> = {};
  let requests = 0;
  let records = 0;
  const error = (kind: string): void => void (errorKinds[kind] = (errorKinds[kind] ?? 0) + 1);

  const runTerminal = async (t: PusherConfig['terminals'][number]): Promise<void> => {
    const next = outboxOf(t.index, seeded(config.seed * 1_000 + t.index));
    let acked = 0;
    let batch: PushRecord[] = [];
    // Bounded: the deadline stops it; the round cap is a second guard against a runaway loop.
    for (let round = 0; round < 1_000_000 && performance.now() < deadline; round++) {
      if (batch.length === 0) batch = next(acked + 1, config.batchRecords);
      const body = JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        terminalId: t.terminalId,
        shopId: t.shopId,
        pending: batch.length,
        records: batch,
      });
      const began = performance.now();
      requests += 1;
      try {
        const res = await fetch(`${config.url}${syncRoutes.push.path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        latencies.push(performance.now() - began);
        if (res.status !== 200) {
          error(`http_${res.status}`);
          continue;
        }
        const answer = PushResponse.safeParse(JSON.parse(text));
        if (!answer.success) {
          error('bad_answer');
          continue;
        }
        if (answer.data.status !== 'ok') {
          error(`status_${answer.data.status}`);
          continue;
        }
        const last = batch[batch.length - 1]?.seq ?? acked;
        if (answer.data.ackedThrough !== last || answer.data.quarantined.length > 0) {
          error('not_applied');
          continue;
        }
        records += answer.data.applied;
        acked = last;
        batch = [];
      } catch (e) {
        latencies.push(performance.now() - began);
        error(e instanceof Error ? e.name : 'network');
      }
    }
    ackedThrough[t.terminalId] = acked;
  };

  const started = performance.now();
  await Promise.all(config.terminals.map(runTerminal));
  const seconds = (performance.now() - started) / 1_000;
  const report: PusherReport = {
    terminals: config.terminals.length,
    seconds: Math.round(seconds * 10) / 10,
    requests,
    records,
    errors: Object.values(errorKinds).reduce((a, b) => a + b, 0),
    errorKinds,
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
    maxMs: Math.round(latencies.reduce((a, b) => Math.max(a, b), 0)),
    ackedThrough,
  };
  console.log(JSON.stringify(report));
}

main().catch((e: unknown) => {
  console.error('pusher failed:', e);
  process.exit(2);
});
