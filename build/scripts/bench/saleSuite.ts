import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SaleReceipt } from '../../../shared/contract';
import { drainRequestBacklog } from '../../../electron/core/idempotency';
import { makeCatalogue, type Product } from '../generate/catalogue';
import { Random } from '../generate/random';
import { prepareRawSale } from './rawSale';
import { expiryPolicyOf, rawSaleFrom } from './rawSaleValues';
import { kindCounts, statementKind, traceStatements } from './statementTrace';
import { median, ms, percentile, timed } from './stats';
import type { BenchRow, BenchSuite } from './suite';
import { openBenchCore, pickMembers, type BenchMember } from './terminalUnderTest';

const TARGET_RATIO = 1.3;
// Sales of each kind before timing: enough for V8's baseline code, not for its optimiser, because a
// till makes a few hundred sales a day and runs its sale mostly as baseline code (PERFORMANCE.md).
const WARMUP = 500;

/** A till basket: mostly one to three lines, a few long ones; popular products more often. */
export function basket(random: Random, products: Product[]) {
  return Array.from({ length: random.geometric(0.42, 12) }, () => {
    const p = products[random.skewedIndex(products.length, 2)] ?? products[0];
    if (!p) throw new Error('empty catalogue');
    return {
      sku: p.sku,
      name: p.name,
      category: p.category,
      quantity: random.chance(0.75) ? 1 : 2,
      unitPriceMinor: p.unitPriceMinor,
    };
  });
}

/** Fails the bench when the service's warm-up sales wrote no campaign bonus row or no expiring lot. */
function requireCampaignAndLots(sqlite: Database.Database, saleIds: readonly string[]): void {
  const found = sqlite
    .prepare(
      'SELECT count(*) FILTER (WHERE campaign_id IS NOT NULL) AS campaignRows, ' +
        'count(*) FILTER (WHERE expires_at IS NOT NULL) AS lots FROM points_ledger ' +
        'WHERE sale_id IN (SELECT value FROM json_each(?))',
    )
    .get(JSON.stringify(saleIds)) as { campaignRows: number; lots: number };
  if (found.campaignRows === 0)
    throw new Error('bench: the service’s warm-up sales applied no running campaign (no campaign rows in the ledger)');
  if (found.lots === 0) throw new Error('bench: the service’s warm-up sales earned no expiring lot');
}

/**
 * Recording a member sale with its points through the contract and services, committed with
 * synchronous=FULL, against the same statements issued raw. The two alternate sale by sale
 * (and which goes first alternates too), so disk and machine noise falls on both alike.
 */
export const saleSuite: BenchSuite = {
  name: 'sale',
  run(dataset, settings) {
    const { core, clock } = openBenchCore(dataset);
    try {
      const sqlite = core.db.$client;
      const synchronous = sqlite.pragma('synchronous', { simple: true });
      if (synchronous !== 2)
        throw new Error(`the terminal database runs synchronous=${String(synchronous)}, not FULL (2)`);
      const terminalId = (sqlite.prepare('SELECT terminal_id AS id FROM terminal').get() as { id: string }).id;
      // Who makes the sales: the bench signs its manager in (the guard re-reads the account each call).
      const staffId = core.session.current()?.staffId;
      if (!staffId) throw new Error('bench: nobody is signed in at the bench till');
      const random = new Random(77);
      const products = makeCatalogue(new Random(1), 3_000);
      const count = settings.sales;
      const members = pickMembers(core, 2 * (count + WARMUP) + 2, () => random.next());
      const raw = prepareRawSale(sqlite);
      const expiryOf = expiryPolicyOf(sqlite);
      let template: SaleReceipt | null = null;
      let next = 0;
      const member = (): BenchMember => {
        const m = members[next++];
        if (!m) throw new Error('ran out of bench members');
        return m;
      };
      // Both kinds are made first and timed alone: the basket and ids of a service sale, like
      // the raw twin's values, are the till's input, not the work being measured.
      const serviceSale = (): (() => void) => {
        const input = {
          requestId: randomUUID(),
          memberId: member().id,
          lines: basket(random, products),
          pointsToSpend: 0,
        };
        return () => {
          const r = core.dispatch('recordSale', input);
          if (!r.ok) throw new Error(`recordSale failed: ${JSON.stringify(r.error)}`);
          template = r.value as SaleReceipt;
          clock.advance(1_000);
        };
      };
      const lastTemplate = (): SaleReceipt => {
        if (!template) throw new Error('no service sale to copy yet');
        return template;
      };
      const rawSale = (): (() => void) => {
        const template = lastTemplate();
        const sale = rawSaleFrom(template, member(), terminalId, staffId, clock.now(), expiryOf);
        clock.advance(1_000);
        return () => raw(sale);
      };

      // The dispatcher forgets requests older than a week, a batch at a time (about once an
      // hour of till time). Every run adds a few thousand bench-clock seconds: clear what has
      // aged out before timing, so a run's first sales do not carry earlier runs' clean-up.
      drainRequestBacklog(core.db, clock.now());
      const warmupSaleIds: string[] = [];
      for (let i = 0; i < WARMUP; i += 1) {
        serviceSale()();
        warmupSaleIds.push(lastTemplate().saleId);
        rawSale()();
      }
      // Issue 15: the ratio counts only if the service's sales apply the running campaign and earn
      // expiring lots (the generator's data set has both); checked once, untimed.
      requireCampaignAndLots(sqlite, warmupSaleIds);
      // The occasional prune of old requests (a bounded delete, amortised over an hour of
      // sales; counted in the timings) is not one of the sale's own statements.
      const serviceTrace = kindCounts(
        traceStatements(sqlite, serviceSale()).statements.filter((s) => statementKind(s) !== 'delete requests'),
      );
      const rawTrace = kindCounts(traceStatements(sqlite, rawSale()).statements);
      const same = JSON.stringify([...serviceTrace]) === JSON.stringify([...rawTrace]);
      if (!same)
        settings.log(
          `bench: the raw sale no longer issues the service's statements:\n  service ` +
            `${JSON.stringify([...serviceTrace])}\n  raw     ${JSON.stringify([...rawTrace])}`,
        );

      const service: number[] = [];
      const rawTimes: number[] = [];
      for (let i = 0; i < count; i += 1) {
        if (i % 2 === 0) {
          const sale = serviceSale();
          service.push(timed(sale));
          const run = rawSale();
          rawTimes.push(timed(run));
        } else {
          const run = rawSale();
          rawTimes.push(timed(run));
          const sale = serviceSale();
          service.push(timed(sale));
        }
      }
      const ratio = median(service) / median(rawTimes);
      const rows: BenchRow[] = [
        // openBenchCore opens the core as the packaged app does (validateOutput off), so the
        // outbox gets its structural check, not the full zod parse tests and dev run.
        {
          measure: 'sale measured as the packaged product runs',
          value: 'output validation off, outbox structural check',
        },
        {
          measure: `recordSale via the contract, synchronous=FULL: median / p99 (${count} sales)`,
          value: `${ms(median(service))} / ${ms(percentile(service, 99))} ms`,
        },
        {
          measure: `same statements raw (better-sqlite3): median / p99 (${count} sales)`,
          value: `${ms(median(rawTimes))} / ${ms(percentile(rawTimes, 99))} ms`,
        },
        {
          measure: 'service overhead over raw (median difference)',
          value: `${ms(median(service) - median(rawTimes))} ms`,
        },
        {
          measure: 'recordSale / raw (medians)',
          value: ratio.toFixed(3),
          target: `≤ ${TARGET_RATIO}`,
          ok: ratio <= TARGET_RATIO,
        },
        { measure: 'raw path issues the service’s statements', value: same ? 'yes' : 'NO (see log)', ok: same },
      ];
      return {
        keys: {
          sale_commit_median_ms: ms(median(service)),
          sale_commit_p99_ms: ms(percentile(service, 99)),
          sale_raw_median_ms: ms(median(rawTimes)),
          sale_raw_p99_ms: ms(percentile(rawTimes, 99)),
          sale_vs_raw_ratio: Math.round(ratio * 1000) / 1000,
        },
        rows,
      };
    } finally {
      core.close();
    }
  },
};
