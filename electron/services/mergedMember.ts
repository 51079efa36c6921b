import { eq, sql } from 'drizzle-orm';
import { DomainError } from '../../shared/contract';
import { mergedMembers } from '../../db/schemaSync';
import type { ServiceContext } from '../core/context';
import { direct } from '../platform/compiledStatements';
import { perDb } from '../platform/transactions';
import { currentCard, findMember, type MemberRow } from './memberView';

const statements = perDb((db) => ({
  survivorOf: direct(
    db
      .select({ survivorId: mergedMembers.survivorId })
      .from(mergedMembers)
      .where(eq(mergedMembers.duplicateId, sql.placeholder('id')))
      .prepare(),
  ),
}));

// A survivor merged again later leads on (server/members/README.md: "one step" each time); bounded against a loop.
const MAX_STEPS = 16;

/** The member a merged duplicate's points, cards and tier went to (the last of a chain), or null when not merged. */
export function survivorOf(ctx: ServiceContext, memberId: string): string | null {
  let id = memberId;
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = statements(ctx.db).survivorOf.get({ id })?.survivorId;
    if (next === undefined) break;
    id = next;
  }
  return id === memberId ? null : id;
}

/**
 * The one till rule for a merged duplicate, as head office's refuseMerged.ts: it keeps its row for its
 * history only, so a change to it (points, tier, a sale, a redemption) is refused, naming the survivor.
 */
export function refuseMergedMember(ctx: ServiceContext, member: MemberRow): MemberRow {
  const survivorId = survivorOf(ctx, member.id);
  if (survivorId === null) return member;
  const survivor = findMember(ctx, survivorId);
  throw new DomainError('MEMBER_MERGED', {
    memberId: member.id,
    survivorId,
    survivorName: survivor?.name ?? survivorId,
    survivorCard: currentCard(ctx, survivorId)?.number ?? '',
  });
}
