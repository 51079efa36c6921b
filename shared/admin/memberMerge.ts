import { z } from 'zod';

// Merging a member registered twice (issue 16): the schemas of the two routes, one set for the
// page and head office. The design is server/members/README.md.

const CardNumber = z.string().regex(/^\d{16}$/);

/** Find the other member by one of their cards, to see both before merging. */
export const MergePreviewQuery = z.object({ cardNumber: CardNumber });

/** Merge `duplicateId` into the member of the path (the survivor, the one the user keeps). */
export const MergeMembersBody = z.object({ duplicateId: z.string().uuid() });
export type MergeMembersBody = z.infer<typeof MergeMembersBody>;

/** Why a merge is refused (409 CONFLICT, details.reason); nothing is written. */
export const MergeRefusal = z.enum(['MERGE_SELF', 'MERGE_ERASED', 'MERGE_ALREADY_MERGED']);
export type MergeRefusal = z.infer<typeof MergeRefusal>;

/** One side of the merge as the page shows it: the phone masked, the balance from head office's ledger. */
export const MergeSide = z.strictObject({
  id: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  balance: z.number().int(),
  cards: z.array(z.strictObject({ number: z.string(), status: z.string() })),
  /** The member's last sale anywhere (ms), null: none yet. */
  lastVisitAt: z.number().int().nullable(),
  homeShopId: z.string().nullable(),
  tierCode: z.string().nullable(),
});
export type MergeSide = z.infer<typeof MergeSide>;

export const MergePreviewAnswer = z.strictObject({
  keep: MergeSide,
  other: MergeSide,
  /** Why head office would refuse this merge (null: it may be done). */
  refusal: MergeRefusal.nullable(),
});
export type MergePreviewAnswer = z.infer<typeof MergePreviewAnswer>;

export const MergeAnswer = z.strictObject({
  mergeId: z.string(),
  survivorId: z.string(),
  duplicateId: z.string(),
  /** The duplicate's balance, now on the survivor (negative: an overdraft the survivor now carries). */
  pointsMoved: z.number().int(),
  /** The duplicate's cards, now the survivor's. */
  cardsMoved: z.array(z.string()),
  survivorBalance: z.number().int(),
  /** The tier the survivor holds after the merge (the better of the two). */
  tierCode: z.string().nullable(),
  mergedAt: z.number().int(),
});
export type MergeAnswer = z.infer<typeof MergeAnswer>;

/**
 * Why head office refuses to adjust the points or set the tier of a merged duplicate (409 CONFLICT,
 * details.reason, with details.survivorId: the member to change instead); nothing is written.
 */
export const MEMBER_MERGED = 'MEMBER_MERGED';
