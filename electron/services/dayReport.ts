import type { DayReport } from '../../shared/contract/dayReport';
import type { ParsedInput } from '../../shared/contract';
import type { ServiceContext } from '../core/context';
import { businessDay, businessDayRange } from './businessDay';
import { dayFigures } from './dayFigures';
import { readTerminal } from './terminalRow';

/**
 * The manager's end-of-day report: the day's figures (the same the nightly close sends) plus the
 * members registered in the shop and the points that expired at this till within the day's instants.
 */
export function dayReport(ctx: ServiceContext, input: ParsedInput<'dayReport'>): DayReport {
  const day = input.businessDay ?? businessDay(ctx.clock.now(), ctx.timeZone);
  const { start, end } = businessDayRange(day, ctx.timeZone);
  const row = readTerminal(ctx);
  const client = ctx.db.$client;
  // Members pulled from another shop keep their own shop: only this shop's registrations count.
  const joined = client
    .prepare(`SELECT count(*) AS n FROM members WHERE created_at >= ? AND created_at < ? AND home_shop_id IS ?`)
    .get(start, end, row.shopId) as { n: number };
  const expired = client
    .prepare(
      `SELECT coalesce(-sum(delta), 0) AS points FROM points_ledger
       WHERE kind = 'expire' AND created_at >= ? AND created_at < ? AND terminal_id = ?`,
    )
    .get(start, end, row.terminalId) as { points: number };
  const figures = dayFigures(ctx.db, day);
  return {
    businessDay: day,
    currency: row.currency,
    ...figures,
    newMembers: joined.n,
    points: { ...figures.points, expired: expired.points },
  };
}
