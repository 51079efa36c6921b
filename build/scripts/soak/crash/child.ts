// The crash harness's child: a busy till. It opens the terminal core on the database the
// parent prepared and records sales (members, points spent, anonymous walk-ins), redemptions
// and registrations back to back until the parent kills it with SIGKILL. Each call is
// reported on stdout only after it returned ok, i.e. after its transaction committed.
//   node child.mjs --migrations <dir>, then `GO <seed> <data dir>` on stdin
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import type { Result, TillApi } from '../../../../shared/contract';
import { openTerminalCore } from '../../../../electron/terminal/terminalCore';
import { DEMO_PRODUCTS } from '../../../../electron/services/demoData';
import { Random } from '../../generate/random';
import { ackLine, completeLines, parseGoLine, READY_LINE, type Ack, type GoLine } from './protocol';
import { actAsManager } from '../../../../electron/terminal/session.testkit';

/** Refusals a real till meets in trading; anything else is a defect the parent counts. */
const EXPECTED_REFUSALS = new Set([
  // A spend past what the sale can take off is refused (pointsEntry.ts), as one past the balance is.
  'INSUFFICIENT_POINTS',
  'POINTS_ABOVE_SALE_CAP',
  'POINTS_BELOW_MINIMUM',
  'OUT_OF_STOCK',
  'DUPLICATE_PHONE',
]);
const PRODUCTS = Object.values(DEMO_PRODUCTS);

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (value === undefined) throw new Error(`crash child: --${name} is required`);
  return value;
}

// fd 1 directly: a pipe write on Linux is synchronous and a short line is written whole,
// so once writeSync returns, the parent can read the acknowledgement even if we die next.
const emit = (ack: Ack): void => void writeSync(1, ackLine(ack));
const report = (text: string): void => void writeSync(2, `${text}\n`);

interface MemberState {
  id: string;
  balance: number;
}

function basket(rnd: Random) {
  return Array.from({ length: 1 + rnd.int(5) }, () => ({ ...rnd.pick(PRODUCTS), quantity: 1 + rnd.int(3) }));
}

function checkRefusal(what: string, result: Result<unknown>): void {
  if (result.ok) return;
  if (EXPECTED_REFUSALS.has(result.error.code)) return;
  report(`UNEXPECTED ${what} ${result.error.code} ${JSON.stringify(result.error.details ?? {})}`);
}

async function memberSale(api: TillApi, rnd: Random, member: MemberState): Promise<void> {
  const spend = member.balance >= 100 && rnd.chance(0.3) ? 100 + rnd.int(member.balance - 99) : 0;
  const input = { requestId: randomUUID(), memberId: member.id, lines: basket(rnd), pointsToSpend: spend };
  const result = await api.recordSale(input);
  if (!result.ok) return checkRefusal('recordSale', result);
  emit({ kind: 'sale', id: result.value.saleId });
  member.balance = result.value.balanceAfter ?? member.balance;
  // A cashier's double tap: the same request again must answer with the same sale, not a new one.
  if (rnd.chance(0.03)) {
    const again = await api.recordSale(input);
    if (!again.ok || again.value.saleId !== result.value.saleId)
      report(`UNEXPECTED replay gave ${JSON.stringify(again).slice(0, 200)}`);
  }
}

function waitForGo(): Promise<GoLine> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: string): void => {
      text += chunk;
      const { lines } = completeLines(text);
      const go = lines.map(parseGoLine).find((g) => g !== null);
      if (!go) return;
      process.stdin.off('data', onData);
      process.stdin.pause();
      resolve(go);
    };
    process.stdin.setEncoding('utf8').on('data', onData);
    process.stdin.on('end', () => reject(new Error('crash child: stdin closed before GO')));
  });
}

async function run(): Promise<void> {
  // Started ahead of time, the child has loaded its code by now and waits for the parent's GO
  // (which names the database and the seed): the kill clock starts there, not at node's start.
  const { dataDir, seed } = await waitForGo();
  const rnd = new Random(seed);
  const core = openTerminalCore({
    dataDir,
    migrationsDir: arg('migrations'),
    log: (m, e) => report(`UNEXPECTED ${m} ${String(e)}`),
  });
  // A restart signs everyone out: the harness's cashier signs the demo manager in again.
  actAsManager(core);
  const { api } = core;
  const members: MemberState[] = core.db.$client
    .prepare('SELECT id, points_balance AS balance FROM members ORDER BY id')
    .all()
    .map((row) => {
      const r = row as { id: string; balance: number };
      return { id: r.id, balance: r.balance };
    });
  const rewards = await api.listRewards({});
  if (!rewards.ok || members.length === 0) throw new Error('crash child: the database has no demo shop');
  const unlimited = rewards.value.filter((r) => r.stock === null || r.stock > 0);
  writeSync(1, `${READY_LINE}\n`);

  // Bounded only by the kill; the parent always kills, and a stray child stops after an hour.
  const stopAt = Date.now() + 3_600_000;
  while (Date.now() < stopAt) {
    const roll = rnd.next();
    if (roll < 0.7) {
      await memberSale(api, rnd, rnd.pick(members));
    } else if (roll < 0.85) {
      const result = await api.recordSale({ requestId: randomUUID(), memberId: null, lines: basket(rnd) });
      if (result.ok) emit({ kind: 'sale', id: result.value.saleId });
      else checkRefusal('recordSale', result);
    } else if (roll < 0.96) {
      const member = rnd.pick(members);
      const reward = rnd.pick(unlimited);
      const result = await api.redeemReward({
        requestId: randomUUID(),
        memberId: member.id,
        rewardId: reward.id,
        quantity: 1,
      });
      if (result.ok) {
        emit({ kind: 'redemption', id: result.value.redemptionId });
        member.balance = result.value.balanceAfter;
      } else checkRefusal('redeemReward', result);
    } else {
      const phone = `13${5 + rnd.int(5)}${String(rnd.int(100_000_000)).padStart(8, '0')}`;
      const result = await api.registerMember({ requestId: randomUUID(), name: `Soak ${phone.slice(-4)}`, phone });
      if (result.ok) {
        emit({ kind: 'member', id: result.value.id });
        members.push({ id: result.value.id, balance: result.value.balance });
      } else checkRefusal('registerMember', result);
    }
  }
  core.close();
}

run().catch((error: unknown) => {
  report(`UNEXPECTED crash child failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(3);
});
