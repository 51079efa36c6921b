import { desc, eq, isNotNull } from 'drizzle-orm';
import { OFFLINE_CAP_LIST_LIMIT, OfflineCapsAnswer } from '../../shared/admin/offlineCaps';
import type { HoDb } from '../store/connect';
import { members, settings } from '../store/schema';

/** The chain's default offline cap and the members with one of their own (server/admin/catalog.ts writes them). */
export async function officeOfflineCaps(db: HoDb): Promise<OfflineCapsAnswer> {
  const [setting] = await db.select().from(settings).where(eq(settings.key, 'defaultOfflineCapPoints'));
  const rows = await db
    .select({
      memberId: members.id,
      cardNumber: members.cardNumber,
      offlineCapPoints: members.offlineCapPoints,
      updatedAt: members.updatedAt,
    })
    .from(members)
    .where(isNotNull(members.offlineCapPoints))
    .orderBy(desc(members.updatedAt), members.id)
    .limit(OFFLINE_CAP_LIST_LIMIT);
  return OfflineCapsAnswer.parse({ defaultOfflineCapPoints: setting?.value ?? null, members: rows });
}
