import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { SaleReceipt } from '../../../shared/contract';
import { makeCatalogue } from '../generate/catalogue';
import { Random } from '../generate/random';
import { ensureDataset } from './dataset';
import { prepareRawSale } from './rawSale';
import { expiryPolicyOf, rawSaleFrom } from './rawSaleValues';
import { basket } from './saleSuite';
import { median, ms, percentile, timedWithCpu } from './stats';
import { openBenchCore, pickMembers } from './terminalUnderTest';

/**
 * Where a sale's time goes on the service side, without the disk: the quick dataset, the
 * connection switched to synchronous=OFF (ONLY here: fsync is the same for both paths and
 * drowns the service's CPU overhead in noise), N service sales and N raw sales alternated.
 *
 *   node --import tsx --cpu-prof --cpu-prof-dir=.bench/prof build/scripts/bench/saleProfile.ts
 *   tsx build/scripts/bench/saleProfile.ts --sales 2000 [--fsync]   (--fsync keeps synchronous=FULL)
 *
 * Adds sales to the quick dataset like the bench does. Never a test: it prints, asserts nothing.
 */
const { values } = parseArgs({
  options: { sales: { type: 'string', default: '2000' }, fsync: { type: 'boolean', default: false } },
});
const count = Number(values.sales);
const dataset = ensureDataset({ members: 20_000, sales: 100_000, seed: 1 }, (m) => console.error(m));
const { core, clock } = openBenchCore(dataset);
try {
  const sqlite = core.db.$client;
  if (!values.fsync) sqlite.pragma('synchronous = OFF');
  const terminalId = (sqlite.prepare('SELECT terminal_id AS id FROM terminal').get() as { id: string }).id;
  const random = new Random(99);
  const products = makeCatalogue(new Random(1), 3_000);
  const members = pickMembers(core, 2 * count + 2, () => random.next());
  const raw = prepareRawSale(sqlite);
  const expiryOf = expiryPolicyOf(sqlite);
  const staffId = core.session.current()?.staffId;
  if (!staffId) throw new Error('nobody is signed in at the bench till');
  let next = 0;
  let template: SaleReceipt | null = null;
  const nextMember = () => {
    const m = members[next++];
    if (!m) throw new Error('ran out of members');
    return m;
  };
  const service = { wall: [] as number[], cpu: [] as number[] };
  const rawTimes = { wall: [] as number[], cpu: [] as number[] };
  for (let i = 0; i < count; i += 1) {
    const input = {
      requestId: randomUUID(),
      memberId: nextMember().id,
      lines: basket(random, products),
      pointsToSpend: 0,
    };
    const s = timedWithCpu(() => {
      const r = core.dispatch('recordSale', input);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      template = r.value as SaleReceipt;
    });
    clock.advance(1_000);
    if (!template) throw new Error('no template');
    const sale = rawSaleFrom(template, nextMember(), terminalId, staffId, clock.now(), expiryOf);
    clock.advance(1_000);
    const r = timedWithCpu(() => raw(sale));
    service.wall.push(s.wall);
    service.cpu.push(s.cpu);
    rawTimes.wall.push(r.wall);
    rawTimes.cpu.push(r.cpu);
  }
  // The first sales warm the JIT and the page cache: leave a tenth out.
  const tail = (xs: number[]) => xs.slice(Math.floor(xs.length / 10));
  const row = (label: string, t: { wall: number[]; cpu: number[] }) =>
    console.log(
      `${label.padEnd(8)} wall median ${ms(median(tail(t.wall)))} ms p90 ${ms(percentile(tail(t.wall), 90))} ms ` +
        `| cpu median ${ms(median(tail(t.cpu)))} ms`,
    );
  console.log(`${count} sales each, synchronous=${values.fsync ? 'FULL' : 'OFF'}`);
  row('service', service);
  row('raw', rawTimes);
  console.log(
    `ratio (wall medians) ${(median(tail(service.wall)) / median(tail(rawTimes.wall))).toFixed(3)}, overhead ` +
      `${ms(median(tail(service.wall)) - median(tail(rawTimes.wall)))} ms`,
  );
} finally {
  core.close();
}
