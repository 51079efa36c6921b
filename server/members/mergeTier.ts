import { eq } from 'drizzle-orm';
import type { MemberTierAnswer } from '../../shared/contract/tierStatus';
import type { TierDef } from '../../shared/domain/tier';
import type { IdSource } from '../../shared/sources';
import { TierLadder } from '../../shared/sync/catalogue';
import type { HoDb } from '../store/connect';
import { settings, tierOverrides } from '../store/schema';
import type { FeedItem } from '../sync/feed';

/** What an override written by a merge says, as a stored fact (the page shows it beside the tier). */
export const MERGE_TIER_REASON = 'member merge: the better tier of the two registrations';
const YEAR_MS = 365 * 86_400_000;

const rankOf = (ladder: TierDef[], code: string | null): number =>
  code === null ? Number.NEGATIVE_INFINITY : (ladder.find((t) => t.code === code)?.rank ?? Number.NEGATIVE_INFINITY);

/**
 * The survivor keeps the better of the two tiers each registration earned by the programme's rule.
 * Tills evaluate a tier from the member's own earn rows, and the duplicate's stay on the duplicate
 * (moved as earnings they would count twice in the points issued), so a better tier of the duplicate
 * is carried as an override until that tier's own re-qualification date (a year when it has none):
 * written here, it reaches every till as a tier_override change. Null: the survivor's is as good.
 */
export async function betterTierOverride(
  tx: HoDb,
  input: { kept: MemberTierAnswer; other: MemberTierAnswer; now: number; ids: IdSource; by: string },
): Promise<FeedItem | null> {
  const { kept, other, now } = input;
  const [stored] = await tx.select().from(settings).where(eq(settings.key, 'tiers'));
  const parsed = TierLadder.safeParse(stored?.value ?? []);
  const ladder: TierDef[] = parsed.success ? parsed.data : [];
  if (other.tierCode === null || rankOf(ladder, other.tierCode) <= rankOf(ladder, kept.tierCode)) return null;
  const endsAt = other.status.override?.endsAt ?? other.status.requalifyAt ?? now + YEAR_MS;
  if (endsAt <= now) return null;
  const row = {
    id: input.ids.uuid(),
    memberId: kept.memberId,
    tierCode: other.tierCode,
    reason: MERGE_TIER_REASON,
    setAt: now,
    endsAt,
    staffId: input.by.slice(0, 64),
    terminalId: 'head-office',
  };
  await tx.insert(tierOverrides).values(row);
  return { kind: 'tier_override', entityId: kept.memberId, originTerminalId: null, payload: row };
}
