import { z } from 'zod';
import { ADJUST_REASONS, MAX_ADJUST_POINTS } from '../domain/pointsAdjustment';
import { StorableString } from '../storableText';
import { EpochMs, RequestId, Uuid } from './primitives';

export const AdjustReason = z.enum(ADJUST_REASONS);

/** Signed points: positive adds, negative removes; never zero, at most MAX_ADJUST_POINTS either way. */
export const AdjustDelta = z
  .number()
  .int()
  .min(-MAX_ADJUST_POINTS)
  .max(MAX_ADJUST_POINTS)
  .refine((n) => n !== 0, 'adjust_zero');

/** The free text beside the reason: required when the reason is 'other'. */
const AdjustNote = StorableString()
  .transform((s) => s.trim())
  .pipe(z.string().max(200, 'note_too_long'));

const AdjustFields = z.object({ delta: AdjustDelta, reason: AdjustReason, note: AdjustNote.default('') });
const noteWhenOther = (b: { reason: string; note: string }): boolean => b.reason !== 'other' || b.note.length > 0;
const NOTE_REQUIRED = { path: ['note'], message: 'note_required' };

/** What a manager sends to add or remove points at head office (the route's body). */
export const AdjustPointsBody = AdjustFields.strict().refine(noteWhenOther, NOTE_REQUIRED);
export type AdjustPointsBody = z.output<typeof AdjustPointsBody>;

/** The till's call: the same fields, for one member, with the request id that makes a repeat harmless. */
export const AdjustPointsInput = AdjustFields.extend({ requestId: RequestId, memberId: Uuid })
  .strict()
  .refine(noteWhenOther, NOTE_REQUIRED);

export const AdjustmentReceipt = z.object({
  adjustmentId: Uuid,
  memberId: Uuid,
  delta: z.number().int(),
  reason: AdjustReason,
  note: z.string(),
  balanceAfter: z.number().int(),
  createdAt: EpochMs,
});
export type AdjustmentReceipt = z.infer<typeof AdjustmentReceipt>;
