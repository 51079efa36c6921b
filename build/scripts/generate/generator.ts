import { openKeyedSqlite } from '../../../db/open';
import { keyBeside } from '../../../electron/platform/databaseKey';
import { RuleSet } from '../../../shared/domain/rules/ruleSet';
import type { TierDef } from '../../../shared/domain/tier';
import { businessDay } from '../../../electron/services/businessDay';
import { beginBulkLoad, inBatches } from './bulkLoad';
import { makeCatalogue } from './catalogue';
import { prepareInserts } from './inserts';
import { Random } from './random';
import { Roster } from './roster';
import { makeSale, type SaleContext } from './saleMaker';
import { addExpiringRules } from './expiringLots';
import { createConfiguredTerminal, GENERATED_SHOP } from './shopSetup';
import { DAY_MS, instantAt, makeTimeline, memberPosition, salePosition } from './timeline';

export interface GenerateOptions {
  /** The terminal data folder; terminal.db is created in it (it must not exist yet). */
  dataDir: string;
  members: number;
  sales: number;
  seed?: number;
  /** The end of the generated history: a local midnight in timeZone. Default 2026-01-01 00:00 +08:00. */
  endMs?: number;
  days?: number;
  /** Share of sales with no member. */
  anonymousShare?: number;
  /** The newest outbox records left unacknowledged, as if head office were briefly unreachable. */
  pendingOutbox?: number;
  timeZone?: string;
  cacheMiB?: number;
  onProgress?: (message: string) => void;
}

export interface GenerateReport {
  dbFile: string;
  members: number;
  sales: number;
  ledgerRows: number;
  outboxRows: number;
  terminalCode: string;
  seconds: number;
}

/** Bump when generated data changes shape, so cached bench datasets are made again. */
export const GENERATOR_VERSION = 2; // 2: expiring lots (issue 15)

export const DEFAULT_END_MS = Date.UTC(2025, 11, 31, 16, 0, 0);

/**
 * Generates a terminal database with a realistic history: members join over the years, a few
 * regulars make many of the visits (a power law), baskets and prices are skewed like a shop's,
 * a quarter of sales are anonymous, members now and then pay with points. Sales are made by
 * the same rules engine as recordSale and written as the same rows (sale, lines, ledger,
 * cached member totals, outbox record with a gap-free sequence). Same seed, same database.
 */
export function generateTerminalDb(options: GenerateOptions): GenerateReport {
  const started = performance.now();
  const { members: n, sales: m } = options;
  const random = new Random(options.seed ?? 1);
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const timeline = makeTimeline(options.endMs ?? DEFAULT_END_MS, options.days ?? 3 * 365);
  const log = options.onProgress ?? (() => undefined);
  const dbFile = createConfiguredTerminal(options.dataDir, random, timeline.startMs - DAY_MS, timeZone);

  const sqlite = openKeyedSqlite(dbFile, keyBeside(dbFile));
  try {
    const term = sqlite
      .prepare(
        'SELECT terminal_id AS terminalId, terminal_code AS terminalCode, card_key_hex AS keyHex, currency ' +
          'FROM terminal',
      )
      .get() as {
      terminalId: string;
      terminalCode: string;
      keyHex: string;
      currency: string;
    };
    const rulesRow = sqlite
      .prepare('SELECT rules_json AS json FROM rule_versions ORDER BY version DESC LIMIT 1')
      .get() as { json: string };
    const rules = RuleSet.parse(JSON.parse(rulesRow.json));
    const ladder = sqlite
      .prepare('SELECT code, name, rank, qualify_points AS qualifyPoints FROM tiers ORDER BY rank')
      .all() as TierDef[];
    const firstSeq = (sqlite.prepare('SELECT coalesce(max(seq), 0) AS s FROM outbox').get() as { s: number }).s + 1;

    const load = beginBulkLoad(sqlite, options.cacheMiB ?? 1024);
    const inserts = prepareInserts(sqlite);
    const roster = new Roster(n);
    const dayCache = new Map<number, string>();
    const ctx: SaleContext = {
      random,
      rules,
      ladder,
      roster,
      inserts,
      terminalId: term.terminalId,
      currency: term.currency,
      products: makeCatalogue(random, 3_000),
      lots: addExpiringRules(sqlite, rules, timeline.startMs + timeline.days * DAY_MS, timeZone),
      // Whole-hour zones only (the generator's shops): a day is fixed within an hour.
      businessDay: (ms) => {
        const hour = Math.floor(ms / 3_600_000);
        let day = dayCache.get(hour);
        if (day === undefined) dayCache.set(hour, (day = businessDay(ms, timeZone)));
        return day;
      },
    };

    const totalRecords = n + m;
    const ackedUpTo = firstSeq + totalRecords - 1 - (options.pendingOutbox ?? 500);
    let seq = firstSeq;
    let ledgerRows = 0;
    const appendOutbox = (recordId: string, type: 'member' | 'sale', payloadJson: string, atMs: number): void => {
      inserts.outbox.run(seq, recordId, type, payloadJson, atMs, seq <= ackedUpTo ? atMs + 20_000 : null);
      seq += 1;
    };
    let joined = 0;
    const join = (): void => {
      const at = instantAt(timeline, memberPosition(timeline, joined, n));
      const record = roster.add(
        joined,
        random,
        at,
        { ...term, homeShopId: GENERATED_SHOP.shopId },
        ladder.length > 0 ? 0 : -1,
      );
      appendOutbox(record.id, 'member', JSON.stringify(record), at);
      joined += 1;
    };

    const anonymous = options.anonymousShare ?? 0.25;
    const batch = Math.max(1, Math.min(50_000, m));
    let lastReport = performance.now();
    inBatches(
      sqlite,
      Math.max(m, 1),
      batch,
      (k) => {
        if (k >= m) return;
        const x = salePosition(timeline, k, m);
        while (joined < n && memberPosition(timeline, joined, n) <= x) join();
        const member = joined === 0 || random.chance(anonymous) ? -1 : random.skewedIndex(joined, 2);
        const at = instantAt(timeline, x);
        const sale = makeSale(ctx, member, at);
        ledgerRows += sale.ledgerRows;
        appendOutbox(sale.id, 'sale', sale.payloadJson, at);
      },
      (done) => {
        if (performance.now() - lastReport > 5_000) {
          lastReport = performance.now();
          log(
            `generate: ${done.toLocaleString('en')} / ${m.toLocaleString('en')} sales, ` +
              `${joined.toLocaleString('en')} members (${((performance.now() - started) / 1000).toFixed(0)} s)`,
          );
        }
      },
    );
    sqlite.transaction(() => {
      while (joined < n) join();
    })();
    log(`generate: writing ${n.toLocaleString('en')} members and cards`);
    const tierCodes = ladder.map((t) => t.code);
    inBatches(sqlite, n, 100_000, (i) => roster.write(i, inserts, tierCodes, GENERATED_SHOP.shopId));
    sqlite.prepare('UPDATE terminal SET next_card_serial = ?').run(n);
    log('generate: building indexes');
    load.finish();
    return {
      dbFile,
      members: n,
      sales: m,
      ledgerRows,
      outboxRows: seq - firstSeq,
      terminalCode: term.terminalCode,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    sqlite.close();
  }
}
