import { eq } from 'drizzle-orm';
import { DEFAULT_RULE_SET, RuleSet } from '../../shared/domain/rules/ruleSet';
import type { TierDef } from '../../shared/domain/tier';
import type { HoDb } from '../store/connect';
import { settings } from '../store/schema';

async function setting<T>(db: HoDb, key: string): Promise<T | null> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row ? (row.value as T) : null;
}

/** The rules head office published last (in force now), else the default; and its ladder. */
export async function officeProgramme(db: HoDb, now: number): Promise<{ rules: RuleSet; ladder: TierDef[] }> {
  const version = await setting<number>(db, 'rulesVersion');
  const stored =
    version === null ? null : await setting<{ rules: unknown; effectiveFrom: number }>(db, `rules:${version}`);
  const parsed = stored !== null && stored.effectiveFrom <= now ? RuleSet.safeParse(stored.rules) : null;
  const ladder = (await setting<TierDef[]>(db, 'tiers')) ?? [];
  return { rules: parsed?.success ? parsed.data : DEFAULT_RULE_SET, ladder };
}
