import { eq, sql } from 'drizzle-orm';
import type { RuleSet } from '../../shared/domain/rules/ruleSet';
import type { TierDef } from '../../shared/domain/tier';
import { monthOf } from '../../shared/domain/tierCalendar';
import { pointsLedger } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { direct } from '../platform/compiledStatements';
import { perDb } from '../platform/transactions';
import { derivedUuid } from './derivedId';
import type { MemberRow } from './memberView';

const statements = perDb((db) => ({
  exists: direct(
    db
      .select({ id: pointsLedger.id })
      .from(pointsLedger)
      .where(eq(pointsLedger.id, sql.placeholder('id')))
      .prepare(),
  ),
}));

export interface BirthdayBonus {
  /** Derived from member and year: the same at every till, so it is given once a year. */
  id: string;
  points: number;
  summary: string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The birthday bonus this sale gives, or null: the member's tier's bonus (rules.birthdayBonusByTier),
 * on their first sale in their birthday month (the shop's calendar), once per year.
 */
export function birthdayBonusFor(
  ctx: ServiceContext,
  member: MemberRow,
  rules: RuleSet,
  tier: TierDef | null,
  now: number,
): BirthdayBonus | null {
  if (member.birthday === null || tier === null) return null;
  const points = rules.birthdayBonusByTier[tier.code] ?? 0;
  if (points <= 0) return null;
  const { year, month } = monthOf(now, ctx.timeZone);
  if (Number(member.birthday.slice(-5, -3)) !== month) return null;
  const id = derivedUuid(`birthday:${member.id}:${year}`);
  if (statements(ctx.db).exists.get({ id })) return null;
  return { id, points, summary: `birthday bonus +${points} pt (${tier.code}, ${year}-${pad2(month)})` };
}
