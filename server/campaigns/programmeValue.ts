import { eq } from 'drizzle-orm';
import { DEFAULT_RULE_SET, RuleSet } from '../../shared/domain/rules/ruleSet';
import type { HoDb } from '../store/connect';
import { settings } from '../store/schema';

// What a point is worth in money: the redemption value of the rules head office published last
// (pointsPerUnit points buy unitValueMinor), the default programme's when none parses.

export interface PointValue {
  pointsPerUnit: number;
  unitValueMinor: number;
}

export async function pointValue(db: HoDb): Promise<PointValue> {
  const [version] = await db.select().from(settings).where(eq(settings.key, 'rulesVersion'));
  const [stored] =
    version === undefined
      ? []
      : await db
          .select()
          .from(settings)
          .where(eq(settings.key, `rules:${String(version.value)}`));
  const parsed = RuleSet.safeParse((stored?.value as { rules?: unknown } | undefined)?.rules);
  const { pointsPerUnit, unitValueMinor } = (parsed.success ? parsed.data : DEFAULT_RULE_SET).redemption;
  return { pointsPerUnit, unitValueMinor };
}

/** Points in minor units, rounded half up (integers only: no float drift on large sums). */
export const pointsCostMinor = (points: number, v: PointValue): number =>
  Math.floor((points * v.unitValueMinor * 2 + v.pointsPerUnit) / (2 * v.pointsPerUnit));
