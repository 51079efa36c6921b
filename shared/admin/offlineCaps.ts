import { z } from 'zod';

// What the offline caps read answers: the chain's default and the members who have a cap of their
// own (the writes are setDefaultOfflineCap and setMemberOfflineCap), so the console shows what it changes.

/** At most this many members with their own cap are listed (a cap is an exception, not the rule). */
export const OFFLINE_CAP_LIST_LIMIT = 500;

export const MemberOfflineCap = z.strictObject({
  memberId: z.string().uuid(),
  cardNumber: z.string(),
  offlineCapPoints: z.number().int().min(0),
  updatedAt: z.number().int().min(0),
});
export type MemberOfflineCap = z.infer<typeof MemberOfflineCap>;

export const OfflineCapsAnswer = z.strictObject({
  /** null: head office never set one (each till keeps its own). */
  defaultOfflineCapPoints: z.number().int().min(0).nullable(),
  /** Newest change first, at most OFFLINE_CAP_LIST_LIMIT. */
  members: z.array(MemberOfflineCap),
});
export type OfflineCapsAnswer = z.infer<typeof OfflineCapsAnswer>;
