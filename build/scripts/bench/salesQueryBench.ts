import type { TerminalCore } from '../../../electron/terminal/terminalCore';
import type { ChannelInput } from '../../../shared/contract';
import { daysBetween } from '../../../shared/contract/salesQuery';
import { timed } from './stats';

/** A month back from `day` (`YYYY-MM-DD`), the range a manager most often asks the consumption query for. */
function monthBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 29);
  return d.toISOString().slice(0, 10);
}

/**
 * The consumption query's timings (issue 16): for each given day, the first page and totals of the month
 * up to it, that month for the latest member with sales, and that month for one cashier between two
 * amounts; then the widest range the query allows (366 days) once.
 */
export function salesQuerySamples(core: TerminalCore, days: string[]): { month: number[]; year: number } {
  const client = core.db.$client;
  const member = client
    .prepare('SELECT member_id AS id FROM sales WHERE member_id IS NOT NULL ORDER BY rowid DESC LIMIT 1')
    .get() as { id: string } | undefined;
  const staff = client
    .prepare('SELECT staff_id AS id FROM sales WHERE staff_id IS NOT NULL ORDER BY rowid DESC LIMIT 1')
    .get() as { id: string } | undefined;
  const find = (input: ChannelInput<'findSales'>) => {
    const r = core.dispatch('findSales', input);
    if (!r.ok) throw new Error(`findSales ${JSON.stringify(input)}: ${JSON.stringify(r.error)}`);
  };
  const month: number[] = [];
  for (const day of days) {
    const range = { fromDay: monthBefore(day), toDay: day };
    month.push(timed(() => find({ filter: range, pageSize: 20 })));
    if (member) month.push(timed(() => find({ filter: { ...range, member: member.id }, pageSize: 20 })));
    const amounts = { minTotalMinor: 1_000, maxTotalMinor: 50_000, ...(staff ? { staffId: staff.id } : {}) };
    month.push(timed(() => find({ filter: { ...range, ...amounts }, pageSize: 20 })));
  }
  const last = days[0] ?? '';
  const first = new Date(`${last}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() - 365);
  const fromDay = first.toISOString().slice(0, 10);
  if (daysBetween(fromDay, last) !== 365) throw new Error('the widest range is 366 days');
  const year = timed(() => find({ filter: { fromDay, toDay: last }, pageSize: 20 }));
  return { month, year };
}
