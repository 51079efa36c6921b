import { eq } from 'drizzle-orm';
import { MEMBER_MERGED } from '../../shared/admin/memberMerge';
import { HoError } from '../http/errors';
import type { HoDb } from '../store/connect';
import { memberMerges } from '../store/schema';

/**
 * A merged duplicate keeps its row for its history only (README.md): its points and tier are the
 * survivor's now, so a change made to it is refused, naming the survivor. Call it with the member's
 * row locked (a merge locks both rows), so a merge cannot commit between this check and the write.
 */
export async function refuseMergedDuplicate(tx: HoDb, memberId: string): Promise<void> {
  const [merged] = await tx
    .select({ survivorId: memberMerges.survivorId })
    .from(memberMerges)
    .where(eq(memberMerges.duplicateId, memberId));
  if (merged)
    throw new HoError('CONFLICT', `Member ${memberId} was merged into ${merged.survivorId}: change that member.`, {
      reason: MEMBER_MERGED,
      survivorId: merged.survivorId,
    });
}
