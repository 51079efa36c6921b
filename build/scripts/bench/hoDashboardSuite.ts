import { startHoProcess } from '../../../server/testing/hoProcess';
import { ensureHoDataset } from './hoDataset';
import { explainViews } from './hoExplain';
import { viewCases } from './hoViews';
import { median, ms, timedAsync } from './stats';
import type { BenchRow, HeadOfficeSuite } from './suite';
import { benchDatabaseUrl } from './syncFixture';

/** Issue 16: every statistics view within a second at 10,000,000 sales and 1,000,000 members. */
const TARGET_MS = 1_000;

/**
 * The head-office dashboard: every statistics route and a campaign's effect over real HTTP against
 * a head-office process on the kept generated database (hoDataset.ts), each way of asking warmed
 * once then timed `repeats` times; a view's figure is its slowest way's median, `ho_dashboard_ms`
 * the slowest view's. Then each view once in process under EXPLAIN: a full scan of a big table is
 * printed as a warning.
 */
export const hoDashboardSuite: HeadOfficeSuite = {
  name: 'ho-dashboard',
  usesTerminalDataset: false,
  async run(settings) {
    if (!benchDatabaseUrl)
      throw new Error('ho-dashboard needs a PostgreSQL server: TILLCARD_BENCH_DATABASE_URL=postgres://…');
    const dataset = await ensureHoDataset(benchDatabaseUrl, settings.hoSize, settings.log);
    const cases = viewCases(dataset);
    const repeats = settings.quick ? 3 : 5;
    const byView = new Map<string, number>();
    const ho = await startHoProcess({ DATABASE_URL: dataset.url });
    try {
      for (const c of cases) {
        await c.http(ho.admin); // warm-up: statements planned, pages cached
        const samples: number[] = [];
        for (let i = 0; i < repeats; i += 1) samples.push(await timedAsync(() => c.http(ho.admin)));
        settings.log(`bench: ${c.view} (${c.asked}) median ${ms(median(samples))} ms`);
        byView.set(c.view, Math.max(byView.get(c.view) ?? 0, median(samples)));
      }
    } finally {
      await ho.stop();
    }
    const scans = await explainViews(dataset.url, cases);
    const slowest = Math.max(...byView.values());
    const rows: BenchRow[] = [];
    if (dataset.generatedSeconds !== null)
      rows.push({ measure: 'head-office data set generated', value: `${dataset.generatedSeconds.toFixed(0)} s` });
    for (const [view, figure] of byView) {
      const scanned = [...(scans.get(view) ?? [])];
      rows.push({ measure: `${view}, slowest range's median`, value: `${ms(figure)} ms` });
      if (scanned.length > 0)
        rows.push({ measure: `  WARNING ${view} scans in full`, value: scanned.join(', '), ok: false });
    }
    rows.push({
      measure: `slowest view (ho_dashboard_ms), ${dataset.members} members / ${dataset.sales} sales`,
      value: `${ms(slowest)} ms`,
      target: `≤ ${TARGET_MS} ms`,
      ok: slowest <= TARGET_MS,
    });
    const seqScanViews = [...scans.values()].filter((s) => s.size > 0).length;
    return {
      keys: {
        ho_members: dataset.members,
        ho_sales: dataset.sales,
        ho_dashboard_ms: ms(slowest),
        ho_views_with_seq_scan: seqScanViews,
      },
      rows,
    };
  },
};
