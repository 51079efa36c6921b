import { ms, percentile, timed } from './stats';
import type { BenchRow, BenchSuite } from './suite';
import { salesQuerySamples } from './salesQueryBench';
import { openBenchCore } from './terminalUnderTest';

const TARGET_MS = 100;
/** A month of the consumption query (first page and the month's totals), any filter. */
const QUERY_TARGET_MS = 250;
const DAYS = 30;

/**
 * The manager's reports at the till (issue 16): the end-of-day report for each of the last 30
 * business days with sales, and the consumption query (findSales) over the month up to each, through the
 * contract. `shop_report_ms` is the slowest till report of both.
 */
export const reportSuite: BenchSuite = {
  name: 'report',
  run(dataset) {
    const { core } = openBenchCore(dataset);
    try {
      const days = (
        core.db.$client
          .prepare(`SELECT DISTINCT business_day AS day FROM sales ORDER BY business_day DESC LIMIT ${DAYS}`)
          .all() as { day: string }[]
      ).map((r) => r.day);
      if (days.length === 0) throw new Error('the bench database has no sales');
      const report = (day: string) => {
        const r = core.dispatch('dayReport', { businessDay: day });
        if (!r.ok) throw new Error(`dayReport ${day}: ${JSON.stringify(r.error)}`);
      };
      report(days[0] ?? ''); // warm-up: statements prepared, upper index pages cached
      const samples = days.map((day) => timed(() => report(day)));
      const worst = percentile(samples, 100);
      const query = salesQuerySamples(core, days);
      const queryWorst = percentile(query.month, 100);
      const rows: BenchRow[] = [
        {
          measure: `end-of-day report p50 / max (${samples.length} business days)`,
          value: `${ms(percentile(samples, 50))} / ${ms(worst)} ms`,
          target: `max ≤ ${TARGET_MS} ms`,
          ok: worst <= TARGET_MS,
        },
        {
          measure: `consumption query p50 / max (a month, ${query.month.length} filters)`,
          value: `${ms(percentile(query.month, 50))} / ${ms(queryWorst)} ms`,
          target: `max ≤ ${QUERY_TARGET_MS} ms`,
          ok: queryWorst <= QUERY_TARGET_MS,
        },
        { measure: 'consumption query, the widest range (366 days)', value: `${ms(query.year)} ms` },
      ];
      const keys = {
        day_report_p50_ms: ms(percentile(samples, 50)),
        sales_query_p50_ms: ms(percentile(query.month, 50)),
        sales_query_year_ms: ms(query.year),
        shop_report_ms: ms(Math.max(worst, queryWorst)),
      };
      return { keys, rows };
    } finally {
      core.close();
    }
  },
};
