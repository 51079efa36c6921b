import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RuleSet } from '../../shared/domain/rules/ruleSet';
import type { TierDef } from '../../shared/domain/tier';
import { tierEvents } from '../../shared/domain/tierEvents';
import { tierStatus, type TierEvent, type TierStatus } from '../../shared/domain/tierStatus';
import { pointsLedger, sales, tierOverrides } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { direct } from '../platform/compiledStatements';
import { perDb } from '../platform/transactions';
import type { MemberRow } from './memberView';

const p = sql.placeholder;

const statements = perDb((db) => ({
  override: direct(
    db
      .select()
      .from(tierOverrides)
      .where(eq(tierOverrides.memberId, p('memberId')))
      .orderBy(desc(tierOverrides.setAt), desc(tierOverrides.id))
      .limit(1)
      .prepare(),
  ),
  ledger: direct(
    db
      .select({
        id: pointsLedger.id,
        kind: pointsLedger.kind,
        delta: pointsLedger.delta,
        createdAt: pointsLedger.createdAt,
        reversesId: pointsLedger.reversesId,
      })
      .from(pointsLedger)
      .where(and(eq(pointsLedger.memberId, p('memberId')), inArray(pointsLedger.kind, ['earn', 'reversal'])))
      .prepare(),
  ),
  sales: direct(
    db
      .select({ totalMinor: sales.totalMinor, createdAt: sales.createdAt })
      .from(sales)
      .where(eq(sales.memberId, p('memberId')))
      .prepare(),
  ),
  // An aggregate is not a plain column (direct() decodes only those): drizzle's own prepared run.
  spendTotal: db
    .select({ total: sql<number>`coalesce(sum(${sales.totalMinor}), 0)` })
    .from(sales)
    .where(eq(sales.memberId, p('memberId')))
    .prepare(),
}));

/**
 * The member's history as tierStatus reads it. A lifetime window needs only the totals (the cached
 * earned total, which pulled rows from other shops keep too), so the sale path reads no history
 * then; a window reads the member's earn and reversal rows and this till's sales.
 */
function historyOf(ctx: ServiceContext, member: MemberRow, rules: RuleSet): TierEvent[] {
  const st = statements(ctx.db);
  const policy = rules.tierQualification;
  if (policy.window.kind === 'lifetime') {
    const spendMinor = policy.measure === 'spend' ? Number(st.spendTotal.get({ memberId: member.id })?.total ?? 0) : 0;
    return [{ at: 0, points: member.pointsEarnedTotal, spendMinor }];
  }
  return tierEvents(st.ledger.all({ memberId: member.id }), st.sales.all({ memberId: member.id }));
}

/**
 * Where a member stands, by the shared rule (shared/domain/tierStatus.ts), with `sale` (if any)
 * as one more event now. Under a lifetime window the stored tier is a floor, as before issue 15
 * (head office or an older ladder may have raised it); under a window it is only a cache.
 */
export function memberTierStatus(
  ctx: ServiceContext,
  member: MemberRow,
  ladder: TierDef[],
  rules: RuleSet,
  sale: TierEvent | null = null,
): TierStatus {
  const events = historyOf(ctx, member, rules);
  if (sale !== null) events.push(sale);
  const override = statements(ctx.db).override.get({ memberId: member.id }) ?? null;
  const status = tierStatus({
    ladder,
    policy: rules.tierQualification,
    events,
    override,
    now: ctx.clock.now(),
    timeZone: ctx.timeZone,
  });
  if (rules.tierQualification.window.kind !== 'lifetime') return status;
  const stored = ladder.find((t) => t.code === member.tierCode) ?? null;
  if (stored === null || stored.rank <= (status.computedTier?.rank ?? -Infinity)) return status;
  const tier = status.override !== null ? status.tier : stored;
  const next = [...ladder].sort((a, b) => a.rank - b.rank).find((t) => t.rank > (tier?.rank ?? -Infinity)) ?? null;
  return {
    ...status,
    computedTier: stored,
    tier,
    next,
    toNext: next === null ? null : Math.max(0, next.qualifyPoints - Math.max(0, status.measure)),
  };
}
